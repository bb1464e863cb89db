import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileLabeller } from '../../src/archive/input-roots.js';
import { reportLinks } from '../../src/archive/report-links.js';
import { root } from '../helpers.js';

describe('report links', () => {
  const cwd = '/home/anna/granskning';

  it('relative: from the output folder to the input, each segment encoded, unique for same-named files', () => {
    const link = reportLinks('out', 'relative', cwd);
    expect(link('arkiv/2024/Bokslut 2025.pdf')).toBe('../arkiv/2024/Bokslut%202025.pdf');
    expect(link('arkiv/2025/Bokslut 2025.pdf')).toBe('../arkiv/2025/Bokslut%202025.pdf');
    expect(link('/data/Årsredovisning.pdf')).toBe('../../../../data/%C3%85rsredovisning.pdf');
    expect(reportLinks('/tmp/out', 'relative', cwd)('a.pdf')).toBe('../../home/anna/granskning/a.pdf');
    // Resolved against report.html's own URL, the link is the input file.
    const report = pathToFileURL(path.join(cwd, 'out', 'report.html'));
    expect(new URL(link('arkiv/2024/Bokslut 2025.pdf'), report).href).toBe(pathToFileURL(path.join(cwd, 'arkiv/2024/Bokslut 2025.pdf')).href);
  });

  it('absolute: a file: URL of the input, wherever the report is', () => {
    const link = reportLinks('out', 'absolute', cwd);
    expect(link('arkiv/Bokslut 2025.pdf')).toBe('file:///home/anna/granskning/arkiv/Bokslut%202025.pdf');
    expect(link('arkiv/Bokslut 2025.pdf')).toBe(pathToFileURL('/home/anna/granskning/arkiv/Bokslut 2025.pdf').href);
  });

  it('never lets a file name become a scheme', () => {
    expect(reportLinks('.', 'relative', cwd)('javascript:alert(1).pdf')).toBe('javascript%3Aalert(1).pdf');
  });
});

describe('summary.csv file names', () => {
  it('are relative to the directory argument, or to the working directory for files; never absolute', () => {
    const label = fileLabeller([path.join(root, 'test'), 'README.md'], root);
    expect(label(path.join(root, 'test', 'archive', 'x.pdf'))).toBe('archive/x.pdf');
    expect(label('README.md')).toBe('README.md');
    expect(label('/elsewhere/y.pdf')).not.toMatch(/^\//);
  });

  it('start with the directory’s own name when several directories are given, so names stay apart', () => {
    const label = fileLabeller(['test/archive', 'test/report'], root);
    expect(label('test/archive/r.pdf')).toBe('archive/r.pdf');
    expect(label('test/report/r.pdf')).toBe('report/r.pdf');
  });

  it('take the outermost directory where directory arguments nest', () => {
    const label = fileLabeller(['test/archive', 'test'], root);
    expect(label('test/archive/r.pdf')).toBe('test/archive/r.pdf');
  });
});
