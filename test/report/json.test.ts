import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnalysisResult } from '../../src/model/result.js';
import { formatJson } from '../../src/report/json.js';
import { analysisJsonSchema, analysisJsonSchemaText } from '../../src/report/schema.js';
import { expectGolden } from '../golden/expect-golden.js';
import { reportGoldens } from '../golden/goldens.js';
import { SAMPLES } from './sample-results.js';

const SCHEMA_FILE = new URL('../../src/report/verkstad.schema.json', import.meta.url);

describe('json', () => {
  for (const golden of reportGoldens('json')) {
    it(`matches ${golden.file}`, () => expectGolden(golden));
  }

  for (const [name, result] of Object.entries(SAMPLES)) {

    it(`parses back through the zod schema unchanged (${name})`, () => {
      const text = formatJson(result);
      expect(text.endsWith('}\n')).toBe(true);
      expect(text.split('\n')[1]).toMatch(/^ {2}"schemaVersion": 1,$/);
      expect(AnalysisResult.parse(JSON.parse(text))).toEqual(result);
    });
  }
});

describe('JSON Schema', () => {
  it('the committed src/report/verkstad.schema.json equals the generated one', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(
      committed,
      'src/report/verkstad.schema.json is stale: run `npm run schema`',
    ).toBe(analysisJsonSchemaText());
  });

  it('is valid JSON with a draft 2020-12 $schema and describes the top-level contract', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['schemaVersion', 'tool', 'documents', 'summary', 'goalsOverTime']);
    expect(Object.keys(schema.properties as object)).toEqual(Object.keys(analysisJsonSchema().properties as object));
  });

  it('names every top-level key of the JSON output', () => {
    const properties = Object.keys(analysisJsonSchema().properties as object);
    const output = JSON.parse(formatJson(SAMPLES.sample)) as Record<string, unknown>;
    expect(Object.keys(output).sort()).toEqual([...properties].sort());
  });
});
