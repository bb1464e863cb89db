#!/usr/bin/env node
// Runs a batch the way `verkstad analyze <dir> --out <out> --jobs N` does, for the resume test:
// results go to <out>/verkstad.sqlite as they complete, and each document's JSON to <out>/json/<name>.json
// (written atomically). Usage: node test/batch/resume-child.mjs <inputDir> <outDir> [jobs] [rulesDir]
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const { expandInputs } = await import(path.join(dist, 'io', 'inputs.js'));
const { writeFileAtomic } = await import(path.join(dist, 'io', 'atomic.js'));
const { runBatch } = await import(path.join(dist, 'batch', 'run.js'));
const { openStore } = await import(path.join(dist, 'store', 'sqlite.js'));

const [inputDir, outDir, jobs = '1', rulesDir] = process.argv.slice(2);
const { files } = await expandInputs([inputDir]);
const store = openStore(outDir);
const writes = [];
try {
  await runBatch(files, {
    jobs: Number(jobs),
    rulesDir,
    store,
    onResult(result) {
      const name = `${path.basename(result.file)}.json`;
      writes.push(writeFileAtomic(path.join(outDir, 'json', name), `${JSON.stringify(result, null, 2)}\n`));
    },
  });
  await Promise.all(writes);
} finally {
  store.close();
}
process.stdout.write(`done ${files.length}\n`);
