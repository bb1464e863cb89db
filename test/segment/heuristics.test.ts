/**
 * The form every segment heuristic keeps (ESLint's rule/docs/tests by one name): a file under src/segment/ that
 * exports an `id` names itself, says in a doc comment what real layout it serves, and has its test beside the
 * others here as test/segment/<id>.test.ts. Every threshold in the table is used by some heuristic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { THRESHOLDS } from '../../src/segment/thresholds.js';
import { root } from '../helpers.js';

const dir = path.join(root, 'src', 'segment');
const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
const heuristics = sources.filter((s) => /^export const id = /m.test(s.text));

describe('segment heuristics', () => {
  it('there are heuristics to check', () => {
    expect(heuristics.length).toBeGreaterThan(20);
  });

  for (const { file, text } of heuristics) {
    const id = /^export const id = '([^']+)';/m.exec(text)?.[1];
    it(`${file}: id, doc comment and test`, () => {
      expect(id).toBe(file.replace(/\.ts$/, ''));
      expect(text, 'a doc comment right before `export const id`').toMatch(/\*\/\nexport const id = /);
      expect(fs.existsSync(path.join(root, 'test', 'segment', `${id}.test.ts`)), `test/segment/${id}.test.ts`).toBe(true);
    });
  }

  it('every threshold in the table is used by a heuristic', () => {
    const code = sources.filter((s) => s.file !== 'thresholds.ts').map((s) => s.text).join('\n');
    for (const key of Object.keys(THRESHOLDS)) expect(code, key).toContain(`THRESHOLDS.${key}`);
  });
});
