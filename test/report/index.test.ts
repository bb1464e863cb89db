import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { FORMATS, FORMAT_EXTENSIONS, format, isFormatName } from '../../src/report/index.js';
import { formatText } from '../../src/report/text.js';
import { SAMPLES, sampleResult } from './sample-results.js';

const SRC = fileURLToPath(new URL('../../src/report/', import.meta.url));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('format registry', () => {
  it('lists one formatter per --format value', () => {
    expect(FORMATS).toEqual(['json', 'csv', 'md', 'html', 'sarif', 'github', 'text']);
    expect(Object.keys(FORMAT_EXTENSIONS).sort()).toEqual([...FORMATS].sort());
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('xml')).toBe(false);
    expect(() => format('xml' as never, sampleResult)).toThrow(/Expected a format .*got "xml"/);
  });

  it('passes options through', () => {
    expect(format('text', sampleResult, { colour: true, why: true })).toBe(formatText(sampleResult, { colour: true, why: true }));
    expect(format('text', sampleResult)).toBe(formatText(sampleResult, { colour: false }));
    expect(format('html', sampleResult, { title: 'T & T' })).toContain('<title>T &amp; T</title>');
  });

  it('every formatter is pure: same output twice, input untouched (frozen)', () => {
    for (const [name, sample] of Object.entries(SAMPLES)) {
      const frozen: AnalysisResult = deepFreeze(structuredClone(sample));
      for (const id of FORMATS) {
        const first = format(id, frozen, { colour: true, why: true });
        expect(typeof first, `${id} ${name}`).toBe('string');
        expect(first.length, `${id} ${name}`).toBeGreaterThan(0);
        expect(format(id, frozen, { colour: true, why: true })).toBe(first);
      }
      expect(frozen).toEqual(sample);
    }
  });

  it('formatters never touch the file system, the console or the process', () => {
    const files = readdirSync(SRC).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const source = readFileSync(`${SRC}${file}`, 'utf8');
      expect(source, file).not.toMatch(/from 'node:(fs|fs\/promises|child_process|process)'/);
      expect(source, file).not.toMatch(/\b(console|process)\./);
    }
  });
});
