/**
 * Every --format on real fixture PDFs, end to end, against committed goldens (regenerate with UPDATE_GOLDEN=1
 * after a deliberate change), and the JSON checked against the JSON Schema we ship.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { toAnalysis } from '../../src/archive/analysis.js';
import { analyzeBytes } from '../../src/pipeline.js';
import { format, FORMATS } from '../../src/report/index.js';
import { root, sharedContext } from '../helpers.js';

const FIXTURES = ['test/fixtures/pdf/sv-raster-icons.pdf', 'test/fixtures/pdf/en-rag-table.pdf'];
const EXT: Record<string, string> = { json: 'json', csv: 'csv', md: 'md', html: 'html', sarif: 'sarif.json', github: 'github.txt', text: 'txt' };
const golden = (name: string) => path.join(root, 'test', 'pipeline', 'golden', name);

describe('formats on fixture reports', async () => {
  const ctx = await sharedContext();
  const docs = [];
  for (const f of FIXTURES) docs.push(await analyzeBytes(f, fs.readFileSync(path.join(root, f)), ctx));
  const result = toAnalysis(docs);

  it.each([...FORMATS])('%s matches its golden', (name) => {
    const out = format(name, result, { colour: false, why: true });
    const file = golden(`fixtures.${EXT[name]}`);
    if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) fs.writeFileSync(file, out);
    expect(out).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('the JSON validates against the shipped JSON Schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'src', 'report', 'verkstad.schema.json'), 'utf8'));
    const Ajv = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = validate(JSON.parse(format('json', result, {})));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
