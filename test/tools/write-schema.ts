/**
 * Writes the JSON Schema of `--format json` to src/report/verkstad.schema.json (or to the path given).
 * Run after changing src/model/result.ts: `npm run schema`. A maintenance script, not part of the shipped tool
 * (it is compiled by tsconfig.tools.json into build/, never into dist/); the formatters never touch the file system.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analysisJsonSchemaText } from '../../dist/report/schema.js';

// From build/tools/ (compiled) or test/tools/ (run by a TS loader) the source folder is ../../src/report/.
const target = process.argv[2] ?? fileURLToPath(new URL('../../src/report/verkstad.schema.json', import.meta.url));
writeFileSync(target, analysisJsonSchemaText());
console.log(`wrote ${target}`);
