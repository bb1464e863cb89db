/** The one comparison of every golden test. It never writes: `npm run golden` does, on purpose. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { root } from '../helpers.js';
import { WRITE_COMMAND, type Golden } from './goldens.js';

export async function expectGolden(golden: Golden): Promise<void> {
  const file = path.join(root, golden.file);
  if (!fs.existsSync(file)) throw new Error(`${golden.file} is missing: write it with \`${WRITE_COMMAND}\` and review it before committing`);
  const actual = await golden.make();
  expect(actual, `output differs from ${golden.file}; if the change is intended, run \`${WRITE_COMMAND}\` and review the diff`).toBe(
    fs.readFileSync(file, 'utf8'),
  );
}
