import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APPLIED_EXPORT, applyPatches, PDFJS_PATCHES, PDFJS_WORKER_SUFFIX } from '../../src/extract/pdfjs-patches.js';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workerFile = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');

describe('load-time fixes to pdfjs', () => {
  it('each fix matches the pinned pdfjs worker exactly once', () => {
    expect(workerFile.replace(/\\/g, '/').endsWith(PDFJS_WORKER_SUFFIX)).toBe(true);
    const source = readFileSync(workerFile, 'utf8');
    for (const p of PDFJS_PATCHES) expect(source.split(p.find).length - 1, p.id).toBe(1);
    const patched = applyPatches(source);
    expect(patched.applied).toEqual(PDFJS_PATCHES.map((p) => p.id));
    for (const p of PDFJS_PATCHES) expect(patched.source).toContain(p.replace);
    expect(patched.source).toContain(`export const ${APPLIED_EXPORT} = ${JSON.stringify(patched.applied)};`);
  });

  it('leaves a source it does not recognise as it is, and says so', () => {
    const other = 'export const x = 1;\n';
    const twice = `${PDFJS_PATCHES[0]!.find}\n${PDFJS_PATCHES[0]!.find}\n`;
    expect(applyPatches(other)).toEqual({ source: `${other}\nexport const ${APPLIED_EXPORT} = [];\n`, applied: [] });
    expect(applyPatches(twice).applied).toEqual([]);
  });

  it('are applied where the pipeline runs: the built module in a worker thread', () => {
    // The hooks are registered by dist/extract/pdfjs.js; a batch worker imports it the same way.
    const inWorker = `import { parentPort } from 'node:worker_threads';
      const m = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/extract/pdfjs.js')).href)});
      parentPort.postMessage(m.pdfjsPatches);`;
    const script = `import { Worker } from 'node:worker_threads';
      const w = new Worker(${JSON.stringify(inWorker)}, { eval: true });
      w.once('message', (m) => { console.log(JSON.stringify(m)); void w.terminate(); });`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(out.trim())).toEqual(PDFJS_PATCHES.map((p) => p.id));
  });
});
