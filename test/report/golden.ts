/**
 * Golden files: each formatter's output for each sample is committed under test/report/golden/.
 * After an intended change, regenerate them and review the diff:
 *   UPDATE_GOLDEN=1 npx vitest run test/report
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const HOW = 'run `UPDATE_GOLDEN=1 npx vitest run test/report` and review the diff';

export function expectGolden(name: string, actual: string): void {
  const file = `${GOLDEN_DIR}${name}`;
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`test/report/golden/${name} is missing: ${HOW}`);
  expect(actual, `output differs from test/report/golden/${name}; if intended, ${HOW}`).toBe(readFileSync(file, 'utf8'));
}
