import { z } from 'zod';
import { AnalysisResult } from '../model/result.js';

/**
 * The JSON Schema (draft 2020-12) of `--format json`, generated from the zod schema that is the type.
 * The committed copy is `src/report/verkstad.schema.json`; a test keeps the two equal.
 * Regenerate with `npm run schema` (test/tools/write-schema.ts).
 */
export function analysisJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(AnalysisResult) as Record<string, unknown>;
  return {
    $schema,
    title: 'verkstad analysis result',
    description: 'The output of `verkstad analyze --format json` (schemaVersion 1).',
    ...rest,
  };
}

/** The schema as committed: two-space indentation and a trailing newline. */
export function analysisJsonSchemaText(): string {
  return `${JSON.stringify(analysisJsonSchema(), null, 2)}\n`;
}
