/**
 * Small Markdown and text drafts without a store are analysed in the CLI's thread (src/archive/in-process.ts):
 * only those, and with the results the batch gives. The batch runs compiled workers, so both sides use dist/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { docx, p } from '../drafts/docx-builder.js';
import { root } from '../helpers.js';

type InProcess = typeof import('../../src/archive/in-process.js');
type Collect = typeof import('../../src/archive/collect.js');
type Context = typeof import('../../src/context.js');
const load = <T>(rel: string): Promise<T> => import(pathToFileURL(path.join(root, 'dist', rel)).href) as Promise<T>;

const dir = mkdtempSync(path.join(os.tmpdir(), 'verkstad-in-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};

const A = '# Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n';
const B = '# Attraktiv arbetsgivare\n\nStatus: grön\n\nEn ny rekryteringsprocess har införts.\n\n## Fler går till arbete\n\nStatus: gul\n\nAndelen ökade till 41 procent.\n';

describe('drafts analysed in-process', () => {
  it('only Markdown or text, by content as well as name, within the size bounds', async () => {
    const { draftsForInProcess, IN_PROCESS_MAX_BYTES } = await load<InProcess>('archive/in-process.js');
    const md = file('a.md', A);
    const txt = file('b.txt', B);
    expect(await draftsForInProcess([md, txt])).toHaveLength(2);
    expect(await draftsForInProcess([md, file('c.docx', await docx([p('Status: grön')]))])).toBeNull();
    expect(await draftsForInProcess([file('zip.md', await docx([p('Status: grön')]))])).toBeNull();
    expect(await draftsForInProcess([md, path.join(root, 'test/fixtures/pdf/sv-glyphs.pdf')])).toBeNull();
    expect(await draftsForInProcess([file('big.md', `${A}\n${'x'.repeat(IN_PROCESS_MAX_BYTES)}`)])).toBeNull();
    expect(await draftsForInProcess([md], 10)).toBeNull(); // --max-bytes below the draft: the batch says TOO_LARGE
    expect(await draftsForInProcess([path.join(dir, 'missing.md')])).toBeNull();
  });

  it('gives what the batch gives, a copy of the same content included', async () => {
    const { draftsForInProcess, collectInProcess } = await load<InProcess>('archive/in-process.js');
    const { collectArchive } = await load<Collect>('archive/collect.js');
    const { createContext } = await load<Context>('context.js');
    const files = [file('one.md', A), file('two.txt', B), file('copy.md', A)];
    const bytes = (await draftsForInProcess(files))!;
    const here = await collectInProcess(files, bytes, await createContext());
    const batch = await collectArchive(files, { jobs: 1 });
    expect(JSON.stringify([...here.documents])).toBe(JSON.stringify([...batch.documents]));
    expect(JSON.stringify(here.digest)).toBe(JSON.stringify(batch.digest));
    expect(here.stats).toMatchObject({ documents: 3, analysed: 2, cached: 1, workersStarted: 0 });
  });
});
