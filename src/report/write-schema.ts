/**
 * Writes the JSON Schema of `--format json` to src/report/verkstad.schema.json (or to the path given).
 * Run after changing src/model/result.ts: `npx tsc -p . && node dist/report/write-schema.js`.
 * A build script, not part of the CLI: the formatters themselves never touch the file system.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analysisJsonSchemaText } from './schema.js';

// From dist/report/ (compiled) or src/report/ (run by a TS loader) the source folder is ../../src/report/.
const target = process.argv[2] ?? fileURLToPath(new URL('../../src/report/verkstad.schema.json', import.meta.url));
writeFileSync(target, analysisJsonSchemaText());
console.log(`wrote ${target}`);
