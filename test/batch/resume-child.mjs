#!/usr/bin/env node
// Runs a batch the way `verkstad analyze <dir> --out <out> --jobs N` does, for the resume test:
// results go to <out>/verkstad.sqlite as they complete, and each document's JSON to <out>/json/<name>.json
// (written atomically).
// Usage: node test/batch/resume-child.mjs <inputDir> <outDir> [jobs] [rulesDir] [killAfterStored]
// With killAfterStored = n the process SIGKILLs itself right after the n-th document is stored: the kill comes
// at a point the test chose, not in a race with the batch. The time limit never runs out (frozen clock): a
// document's result must not depend on how busy the machine is, or the two runs the test compares could differ.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const { expandInputs } = await import(path.join(dist, 'io', 'inputs.js'));
const { writeFileAtomic } = await import(path.join(dist, 'io', 'atomic.js'));
const { runBatch } = await import(path.join(dist, 'batch', 'run.js'));
const { openStore } = await import(path.join(dist, 'store', 'sqlite.js'));

const [inputDir, outDir, jobs = '1', rulesDir, killAfterStored] = process.argv.slice(2);
const { files } = await expandInputs([inputDir]);
const store = openStore(outDir);
const writes = [];
let stored = 0;
try {
  await runBatch(files, {
    jobs: Number(jobs),
    rulesDir,
    store,
    deadlineTimer: () => () => {},
    onResult(result, _index, info) {
      const name = `${path.basename(result.file)}.json`;
      writes.push(writeFileAtomic(path.join(outDir, 'json', name), `${JSON.stringify(result, null, 2)}\n`));
      // onResult runs after the result is stored. The JSON files of the last documents may be half-written or
      // not written at all when the kill comes, as in a real kill: the resumed run must write them.
      if (info.stored && ++stored === Number(killAfterStored)) process.kill(process.pid, 'SIGKILL');
    },
  });
  await Promise.all(writes);
} finally {
  store.close();
}
process.stdout.write(`done ${files.length}\n`);
