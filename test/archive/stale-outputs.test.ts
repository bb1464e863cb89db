import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previousDocumentOutputs, writingManifestText } from '../../src/archive/manifest.js';
import { removeStaleOutputs } from '../../src/archive/stale-outputs.js';

const folder = (files: string[]) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-stale-'));
  for (const f of files) fs.writeFileSync(path.join(dir, f), '{}');
  return dir;
};

describe('stale outputs', () => {
  it('removes the per-document files of the last run that this run did not write, and nothing else', () => {
    const dir = folder(['old.pdf.json', 'kept.pdf.json', 'mine.json', 'verkstad.json', 'summary.csv']);
    const removed = removeStaleOutputs(dir, ['old.pdf.json', 'kept.pdf.json', 'verkstad.json', '../x.json', '.verkstad-outputs.json'], ['kept.pdf.json']);
    expect(removed).toEqual(['old.pdf.json']);
    expect(fs.readdirSync(dir).sort()).toEqual(['kept.pdf.json', 'mine.json', 'summary.csv', 'verkstad.json']);
  });

  it('removes them from documents/, where runs write them, and never a path out of it or an archive output', () => {
    const dir = folder([]);
    fs.mkdirSync(path.join(dir, 'documents'));
    for (const f of ['documents/old.pdf.json', 'documents/kept.pdf.json', 'documents/mine.json', 'verkstad.json']) fs.writeFileSync(path.join(dir, f), '{}');
    const previous = ['documents/old.pdf.json', 'documents/kept.pdf.json', 'documents/../verkstad.json', 'documents/sub/x.json', 'documents/.hidden.json'];
    expect(removeStaleOutputs(dir, previous, ['documents/kept.pdf.json'])).toEqual(['documents/old.pdf.json']);
    expect(fs.readdirSync(path.join(dir, 'documents')).sort()).toEqual(['kept.pdf.json', 'mine.json']);
    expect(fs.existsSync(path.join(dir, 'verkstad.json'))).toBe(true);
  });

  it('reads the names a manifest recorded: a finished one, one cut short while writing, or none', () => {
    const dir = folder([]);
    expect(previousDocumentOutputs(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, '.verkstad-outputs.json'), JSON.stringify({ version: '0.1.0', documents: [['a.pdf', 'f00', 'a.pdf.json']] }));
    expect(previousDocumentOutputs(dir)).toEqual(['a.pdf.json']);
    fs.writeFileSync(path.join(dir, '.verkstad-outputs.json'), writingManifestText(['a.pdf.json', 'b.pdf.json', 'a.pdf.json']));
    expect(previousDocumentOutputs(dir)).toEqual(['a.pdf.json', 'b.pdf.json']);
    fs.writeFileSync(path.join(dir, '.verkstad-outputs.json'), 'not json');
    expect(previousDocumentOutputs(dir)).toEqual([]);
  });
});
