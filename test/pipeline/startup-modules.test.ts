/**
 * What a command loads: `check` and `analyze` on Markdown, text or DOCX never load pdfjs (nor, for a small Markdown
 * or text draft, the batch's workers or SQLite). The built CLI runs in a child with a module hook, given by
 * `--import` (worker threads inherit it), that writes down every module it resolves.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { docx, p } from '../drafts/docx-builder.js';
import { HANG_GUARD_MS, root } from '../helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'verkstad-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hook = path.join(dir, 'hook.mjs');
writeFileSync(
  hook,
  `import { appendFileSync } from 'node:fs';
   export async function resolve(specifier, context, next) {
     const r = await next(specifier, context);
     appendFileSync(process.env.VERKSTAD_MODULE_LOG, r.url + '\\n');
     return r;
   }`,
);
const register = path.join(dir, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)});`);

const DRAFT = '# Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n';

/** The modules the CLI resolved for `args` (run in `dir`), and its exit status. */
function modulesOf(name: string, args: string[]): { urls: string[]; status: number | null; stderr: string } {
  const log = path.join(dir, `${name}.log`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(root, 'dist/cli/main.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, VERKSTAD_MODULE_LOG: log },
    timeout: HANG_GUARD_MS,
  });
  return { urls: readFileSync(log, 'utf8').split('\n').filter(Boolean), status: r.status, stderr: r.stderr };
}

const loads = (urls: string[], what: string) => urls.some((u) => u.includes(what));

describe('modules loaded at start-up', () => {
  writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  writeFileSync(path.join(dir, 'draft.txt'), DRAFT.replace('# ', ''));

  it('check on a Markdown draft: no pdfjs, no worker, no SQLite; the draft is analysed', () => {
    const r = modulesOf('check-md', ['check', 'draft.md', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(loads(r.urls, '/dist/cli/commands/check.js')).toBe(true);
    expect(loads(r.urls, '/dist/io/drafts/markdown.js')).toBe(true);
    expect(loads(r.urls, 'pdfjs-dist')).toBe(false);
    expect(loads(r.urls, '/dist/extract/')).toBe(false);
    expect(loads(r.urls, '/dist/batch/worker.js')).toBe(false);
    expect(loads(r.urls, 'better-sqlite3')).toBe(false);
    // Only the command run is loaded, not the others.
    expect(loads(r.urls, '/dist/cli/commands/eval.js')).toBe(false);
  });

  it('analyze on a text draft: no pdfjs', () => {
    const r = modulesOf('analyze-txt', ['analyze', 'draft.txt', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(loads(r.urls, 'pdfjs-dist')).toBe(false);
  });

  it('check on a DOCX (through a worker: a zip is not read in-process) loads no pdfjs in any thread', async () => {
    writeFileSync(path.join(dir, 'draft.docx'), await docx([p('Trygg äldreomsorg', 'Heading1'), p('Status: grön'), p('Andelen nöjda brukare ökade till 91 procent.')]));
    const r = modulesOf('check-docx', ['check', 'draft.docx', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(loads(r.urls, '/dist/batch/worker.js')).toBe(true);
    expect(loads(r.urls, 'mammoth')).toBe(true);
    expect(loads(r.urls, 'pdfjs-dist')).toBe(false);
  });

  it('a PDF does load pdfjs, in its worker (the hook sees it there)', () => {
    const r = modulesOf('check-pdf', ['check', path.join(root, 'test/fixtures/pdf/sv-glyphs.pdf'), '--format', 'json']);
    expect([0, 1]).toContain(r.status);
    expect(loads(r.urls, '/dist/batch/worker.js')).toBe(true);
    expect(loads(r.urls, 'pdfjs-dist/legacy/build/pdf.mjs')).toBe(true);
  });
});
