/**
 * Every --format on real fixture PDFs, end to end, against committed goldens (test/golden/goldens.ts; after a
 * deliberate change `npm run golden` rewrites them: a test never does), and the JSON checked against the JSON
 * Schema we ship.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/report/index.js';
import { expectGolden } from '../golden/expect-golden.js';
import { fixturesAnalysis, overTimeGoldens, pipelineGoldens } from '../golden/goldens.js';
import { root } from '../helpers.js';

describe('formats on fixture reports', () => {
  for (const golden of [...pipelineGoldens(), ...overTimeGoldens()]) {
    it(`matches ${golden.file}`, () => expectGolden(golden));
  }

  it('the JSON validates against the shipped JSON Schema', async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'src', 'report', 'verkstad.schema.json'), 'utf8'));
    const Ajv = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = validate(JSON.parse(format('json', await fixturesAnalysis(), {})));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
