/** Inputs (files, directories, globs), atomic writes, progress lines and the inflate guard: no workers. */
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDist, tempDir } from './helpers.js';

let dist: Awaited<ReturnType<typeof loadDist>>;
let dir: string;
let cleanup: () => Promise<void>;
const cwd = process.cwd();

beforeAll(async () => {
  dist = await loadDist();
  ({ dir, cleanup } = await tempDir('inputs'));
  for (const f of ['b/Ö.pdf', 'b/a.PDF', 'a/x.docx', 'a/y.md', 'a/z.txt', 'a/skip.csv', 'a/.hidden/h.pdf', 'a/deep/er/d.pdf', 'Z.pdf']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), f);
  }
});
afterAll(async () => {
  process.chdir(cwd);
  await cleanup();
});

describe('expandInputs', () => {
  it('walks directories recursively, keeps .pdf .docx .md .txt, skips dot entries, sorts by code unit', async () => {
    const { files, missing } = await dist.inputs.expandInputs([path.join(dir, 'b'), path.join(dir, 'a'), path.join(dir, 'Z.pdf')]);
    expect(missing).toEqual([]);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['Z.pdf', 'a/deep/er/d.pdf', 'a/x.docx', 'a/y.md', 'a/z.txt', 'b/a.PDF', 'b/Ö.pdf']);
  });

  it('expands globs relative to the working directory, dedupes, reports what named nothing', async () => {
    process.chdir(dir);
    try {
      const { files, missing } = await dist.inputs.expandInputs(['a/**/*.pdf', 'a/deep/er/d.pdf', './a/deep/er/d.pdf', 'nope.pdf', 'none/*.pdf', 'a/skip.csv']);
      expect(files).toEqual(['a/deep/er/d.pdf', 'a/skip.csv']); // an explicitly named file is kept whatever its extension
      expect(missing).toEqual(['nope.pdf', 'none/*.pdf']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('parses --shard specs and refuses bad ones', () => {
    expect(dist.inputs.parseShard('2/8')).toEqual({ k: 2, n: 8 });
    expect(dist.inputs.parseShard('0/8')).toHaveProperty('error');
    expect(dist.inputs.parseShard('9/8')).toHaveProperty('error');
    expect(dist.inputs.parseShard('x')).toHaveProperty('error');
    expect(() => dist.inputs.shard([], 3, 2)).toThrow(RangeError);
  });
});

describe('writeFileAtomic', () => {
  it('writes through a temporary file in the same directory and leaves none behind', async () => {
    const file = path.join(dir, 'out', 'nested', 'r.json');
    await dist.atomic.writeFileAtomic(file, 'one');
    await dist.atomic.writeFileAtomic(file, Buffer.from('two'));
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['r.json']);
  });
});

describe('progress', () => {
  const p = (done: number, extra: Partial<Record<string, number>> = {}) => ({
    done,
    total: 120,
    pages: done * 20,
    errors: 2,
    cached: 0,
    analysedPages: done * 20,
    elapsedMs: 32_000,
    ...extra,
  });

  it('formats a plain line with rate, errors and ETA', () => {
    expect(dist.progress.formatProgressLine(p(40))).toBe(
      'verkstad: 40/120 documents (33%), 800 pages, 25.0 pages/s, 2 errors, 32s elapsed, ETA 1m 04s',
    );
    expect(dist.progress.formatProgressLine(p(120, { cached: 100, analysedPages: 400, errors: 1 }))).toBe(
      'verkstad: 120/120 documents (100%), 2400 pages, 12.5 pages/s, 1 error, 100 from store, 32s elapsed',
    );
  });

  it('plain mode prints at the start, every 10 %, every 5 s and at the end, nothing in quiet mode', () => {
    const lines: string[] = [];
    let now = 0;
    const stream = { write: (s: string) => lines.push(s), isTTY: false } as unknown as NodeJS.WritableStream;
    const r = dist.progress.createProgressReporter({ stream, now: () => now });
    for (let done = 0; done <= 120; done++) {
      now += 100; // 0.1 s per document: 12 s in all
      r.update(p(done, { elapsedMs: now }));
    }
    r.stop();
    // start + 10 deciles (one of them the end); the 5 s interval never fires before the next decile (1.2 s).
    expect(lines.length).toBe(11);
    expect(lines.at(-1)).toMatch(/^verkstad: 120\/120 documents \(100%\)/);
    const quiet: string[] = [];
    const q = dist.progress.createProgressReporter({ quiet: true, stream: { write: (s: string) => quiet.push(s) } as unknown as NodeJS.WritableStream });
    q.update(p(1));
    q.stop();
    expect(quiet).toEqual([]);
  });

  it('the 5 s interval prints between deciles of a slow batch', () => {
    const t = new dist.progress.PlainProgressThrottle(5000);
    expect(t.shouldPrint(p(0), 0)).toBe(true);
    expect(t.shouldPrint(p(1), 4000)).toBe(false);
    expect(t.shouldPrint(p(2), 5000)).toBe(true);
    expect(t.shouldPrint(p(12), 5100)).toBe(true); // 10 %
    expect(t.shouldPrint(p(13), 5200)).toBe(false);
  });
});

describe('inflate guard', () => {
  const pdfWith = (streams: Buffer[]) =>
    Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      ...streams.flatMap((s, i) => [Buffer.from(`${i + 1} 0 obj\n<< /Filter /FlateDecode /Length ${s.length} >>\nstream\n`), s, Buffer.from('\nendstream\nendobj\n')]),
    ]);

  it('measures every Flate stream and refuses one that expands past the limit', async () => {
    const small = deflateSync(Buffer.alloc(1000, 0x41));
    const big = deflateSync(Buffer.alloc(5 * 1024 ** 2, 0x20));
    const limits = { perStreamBytes: 4 * 1024 ** 2, totalBytes: 64 * 1024 ** 2 };
    const ok = await dist.guard.checkInflatedSize(pdfWith([small, small]), limits);
    expect(ok).toMatchObject({ streams: 2, inflatedBytes: 2000, tooLarge: null });
    const bomb = await dist.guard.checkInflatedSize(pdfWith([small, big]), limits);
    expect(bomb.tooLarge).toMatch(/expands to more than 4\.0 MB/);
    const total = await dist.guard.checkInflatedSize(pdfWith([big, big]), { perStreamBytes: 8 * 1024 ** 2, totalBytes: 8 * 1024 ** 2 });
    expect(total.tooLarge).toMatch(/in total/);
  });

  it('ignores corrupt streams and streams of other filters', async () => {
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\nnot zlib at all\nendstream\nendobj\n'),
      Buffer.from('2 0 obj\n<< /Filter /DCTDecode >>\nstream\n\xff\xd8\xff\nendstream\nendobj\n', 'latin1'),
    ]);
    expect(await dist.guard.checkInflatedSize(pdf)).toMatchObject({ streams: 1, inflatedBytes: 0, tooLarge: null });
  });
});
