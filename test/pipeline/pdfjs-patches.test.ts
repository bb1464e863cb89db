import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { HANG_GUARD_MS, hasRealReports, realReports, root } from '../helpers.js';
import { APPLIED_EXPORT, applyPatches, PDFJS_MODULE_SUFFIX, PDFJS_PATCHES, type PdfjsModule } from '../../src/extract/pdfjs-patches.js';

const require = createRequire(import.meta.url);

describe('load-time fixes to pdfjs', () => {
  it('each fix matches its half of the pinned pdfjs exactly once', () => {
    for (const module of ['api', 'worker'] as PdfjsModule[]) {
      const file = require.resolve(`pdfjs-dist/legacy/build/${module === 'api' ? 'pdf.mjs' : 'pdf.worker.mjs'}`);
      expect(file.replace(/\\/g, '/').endsWith(PDFJS_MODULE_SUFFIX[module])).toBe(true);
      const source = readFileSync(file, 'utf8');
      const mine = PDFJS_PATCHES.filter((p) => p.module === module);
      expect(mine.length, module).toBeGreaterThan(0);
      for (const p of PDFJS_PATCHES) expect(source.split(p.find).length - 1, p.id).toBe(p.module === module ? 1 : 0);
      const patched = applyPatches(source, PDFJS_PATCHES, module);
      expect(patched.applied).toEqual(mine.map((p) => p.id));
      for (const p of mine) expect(patched.source).toContain(p.replace);
      expect(patched.source).toContain(`export const ${APPLIED_EXPORT} = ${JSON.stringify(patched.applied)};`);
    }
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
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: HANG_GUARD_MS });
    expect(JSON.parse(out.trim()).sort()).toEqual(PDFJS_PATCHES.map((p) => p.id).sort());
  });

  it('canvas-on-demand: loading pdfjs leaves @napi-rs/canvas unloaded, and DOMMatrix still is its class when read', () => {
    const script = `import { readFileSync } from 'node:fs';
      const skia = () => readFileSync('/proc/self/maps', 'utf8').includes('skia');
      await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/extract/pdfjs.js')).href)});
      const before = skia();
      const m = new DOMMatrix().scaleSelf(2, 3);
      console.log(JSON.stringify({ before, after: skia(), a: m.a, d: m.d, path2d: typeof Path2D }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: HANG_GUARD_MS });
    expect(JSON.parse(out.trim())).toEqual({ before: false, after: true, a: 2, d: 3, path2d: 'function' });
  });

  it('change speed, never results: the built pipeline (patched) extracts what pdfjs as shipped does, byte for byte', async () => {
    // Run from the TypeScript sources, as here, pdfjs loads as shipped (no compiled hooks file); dist/ loads it patched.
    const pdfs = [
      ...['test/fixtures/pdf', 'corpora/samples'].flatMap((dir) =>
        readdirSync(path.join(root, dir)).filter((n) => n.endsWith('.pdf')).map((n) => path.join(root, dir, n)),
      ),
      ...(hasRealReports ? readdirSync(realReports).filter((n) => n.endsWith('.pdf')).map((n) => path.join(realReports, n)) : []),
    ];
    expect(pdfs.length).toBeGreaterThanOrEqual(10);
    const script = `import { readFileSync } from 'node:fs';
      import { createHash } from 'node:crypto';
      const { pdfjsPatches } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/extract/pdfjs.js')).href)});
      const { extractDocument } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/extract/index.js')).href)});
      const out = { patches: pdfjsPatches, digests: [] };
      for (const f of ${JSON.stringify(pdfs)}) {
        const doc = await extractDocument(new Uint8Array(readFileSync(f)));
        out.digests.push(createHash('sha256').update(JSON.stringify(doc)).digest('hex'));
      }
      console.log(JSON.stringify(out));`;
    const patched = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: HANG_GUARD_MS }).trim());
    expect(patched.patches.sort()).toEqual(PDFJS_PATCHES.map((p) => p.id).sort());
    for (const [i, f] of pdfs.entries()) {
      const doc = await extractDocument(new Uint8Array(readFileSync(f)));
      expect(patched.digests[i], path.relative(root, f)).toBe(createHash('sha256').update(JSON.stringify(doc)).digest('hex'));
    }
  });
});
