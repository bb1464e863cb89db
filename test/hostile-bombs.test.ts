/**
 * The decompression-bomb check (src/batch/inflate-guard.ts) on every bomb of test/hostile/bombs.ts, on large
 * streams that are fine, and on every fixture, sample and real report; then the bombs through the batch with
 * its default limits, where each must come out TOO_LARGE from the check itself (not from the time or memory
 * bound behind it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInflatedSize, DEFAULT_INFLATE_LIMITS, inflateLimitsFor } from '../src/batch/inflate-guard.js';
import { loadDist } from './batch/helpers.js';
import { hasRealReports, realReports, root } from './helpers.js';
import { deflateBomb, writeBombSet } from './hostile/bombs.js';
import type { HostileCase } from './hostile/generate.js';
import { bin, buildPdf, HELVETICA, stream, textContent } from './hostile/pdf-assembly.js';

/** Each bomb and what its refusal must name. */
const BOMBS: Record<string, RegExp> = {
  'bomb-escaped-name': /stream object 6 0 \(at byte \d+, \/FlateDecode\) expands to more than 128 MB/,
  'bomb-indirect-filter': /stream object 6 0 .*\/FlateDecode\) expands to more than 128 MB/,
  'bomb-long-dictionary': /stream object 6 0 .*\/FlateDecode\) expands to more than 128 MB/,
  'bomb-chain-ahx-flate': /\[\/ASCIIHexDecode \/FlateDecode\]\) expands to more than 128 MB \(from 2\.0 MB\)/,
  'bomb-chain-a85-flate': /\[\/ASCII85Decode \/FlateDecode\]\) expands to more than 128 MB/,
  'bomb-lzw': /\/LZWDecode\) expands to more than 128 MB/,
  'bomb-run-length': /\/RunLengthDecode\) expands to more than 128 MB/,
  'bomb-brotli': /\/BrotliDecode\) expands to more than 128 MB/,
  'bomb-object-stream-filter': /stream object 6 0 .*\/FlateDecode\) expands to more than 128 MB/,
  'bomb-object-stream': /stream object 6 0 .*\/FlateDecode\) expands to more than 128 MB/,
  'bomb-lying-length': /stream object 6 0 .*expands to more than 128 MB \(from 3\.0 MB\)/,
  'bomb-hidden-endstream': /stream object 6 0 .*expands to more than 128 MB \(from 3\.0 MB\)/,
  'bomb-predictor-row': /stream object 6 0 .*expands to more than 128 MB \(from 17 bytes\)/,
  'bomb-content-array': /The 7 content streams of page object 3 expand to more than 128 MB together/,
  'bomb-many-streams': /expand to more than 1\.0 GB in total, the limit per document \(reached at stream object \d+ 0/,
};
const FINE = ['large-image-ok'];
/** Bombs the check cannot see (the raw bytes are ciphertext): pdfjs's own bound stops them (src/extract/decode-bound.ts). */
const PAST_THE_CHECK: Record<string, RegExp> = {
  'bomb-encrypted': /^pdfjs was about to decode a stream into more than 128 MB, the limit per stream: refused as a likely decompression bomb/,
};

let dir: string;
let cases: HostileCase[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-bombs-'));
  cases = await writeBombSet(dir);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const caseNamed = (name: string) => cases.find((c) => c.name === name)!;

describe('the bomb check refuses every bomb, naming the stream and the limit', () => {
  it('has a test for every bomb the generator writes', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...Object.keys(BOMBS), ...Object.keys(PAST_THE_CHECK), ...FINE].sort());
    for (const c of cases) expect(c.expectCode, c.name).toBe(FINE.includes(c.name) ? 'OK' : 'TOO_LARGE');
  });

  it.each(Object.keys(BOMBS))('%s', async (name) => {
    const v = await checkInflatedSize(fs.readFileSync(caseNamed(name).file));
    expect(v.tooLarge).toMatch(BOMBS[name]!);
    expect(v.tooLarge).toMatch(/refused as a likely decompression bomb \(a larger --memory raises the limit\)\.$/);
    // It stops at the budget: never much more than the limit is decoded, whatever the bomb holds.
    expect(v.inflatedBytes).toBeLessThanOrEqual(DEFAULT_INFLATE_LIMITS.totalBytes + 2 * 1024 ** 2);
  });

  it.each(Object.keys(PAST_THE_CHECK))('%s is not seen by the check (it is ciphertext to it)', async (name) => {
    expect((await checkInflatedSize(fs.readFileSync(caseNamed(name).file))).tooLarge).toBeNull();
  });

  it.each(FINE)('%s passes', async (name) => {
    const v = await checkInflatedSize(fs.readFileSync(caseNamed(name).file));
    expect(v.tooLarge).toBeNull();
    // The inflater's rows (a filter-type byte each), the predictor's, and the row pdfjs allocates ahead in each.
    expect(v.inflatedBytes).toBe(3500 * 15001 + 3500 * 15000 + 2 * 15000);
  });
});

describe('the budget follows the memory bound', () => {
  const pdfWithStream = (data: Buffer) =>
    buildPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
        HELVETICA,
        stream('/Filter /FlateDecode', data),
      ],
      '/Root 1 0 R',
    );

  it('is 1/12 of it per stream and 2/3 of it per document', () => {
    expect(inflateLimitsFor(1536)).toEqual({ perStreamBytes: 128 * 1024 ** 2, totalBytes: 1024 ** 3 });
    expect(DEFAULT_INFLATE_LIMITS).toEqual(inflateLimitsFor(1536));
    expect(inflateLimitsFor(3072)).toEqual({ perStreamBytes: 256 * 1024 ** 2, totalBytes: 2 * 1024 ** 3 });
  });

  it('a 200 MiB stream is refused under --memory 1536 and passes under --memory 3072', async () => {
    const pdf = pdfWithStream(deflateBomb(200 * 1024 ** 2));
    expect((await checkInflatedSize(pdf, inflateLimitsFor(1536))).tooLarge).toMatch(/more than 128 MB/);
    expect(await checkInflatedSize(pdf, inflateLimitsFor(3072))).toMatchObject({ tooLarge: null, inflatedBytes: 200 * 1024 ** 2 });
  });

  it('counts a content stream that is fine exactly', async () => {
    const content = textContent(['Målet är uppfyllt.']);
    expect(await checkInflatedSize(pdfWithStream(deflateSync(content)))).toEqual({ inflatedBytes: content.length, streams: 1, tooLarge: null });
  });

  it('a stream without endstream is not decoded (pdfjs refuses it too)', async () => {
    const pdf = Buffer.concat([bin('%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode /Length 5 >>\nstream\n'), deflateBomb(512 * 1024 ** 2)]);
    expect(await checkInflatedSize(pdf)).toEqual({ inflatedBytes: 0, streams: 0, tooLarge: null });
  });
});

describe('files that are not bombs pass', () => {
  const pdfs = [
    ...['test/fixtures/pdf', 'corpora/samples'].flatMap((d) =>
      fs.readdirSync(path.join(root, d)).filter((n) => n.endsWith('.pdf')).map((n) => path.join(root, d, n)),
    ),
    ...(hasRealReports ? fs.readdirSync(realReports).filter((n) => n.endsWith('.pdf')).map((n) => path.join(realReports, n)) : []),
  ];
  it.each(pdfs.map((p) => [path.relative(root, p), p]))('%s', async (_name, file) => {
    const v = await checkInflatedSize(fs.readFileSync(file));
    expect(v.tooLarge).toBeNull();
    expect(v.streams).toBeGreaterThan(0);
  });
});

describe('through the batch with the default limits', () => {
  it('every bomb is TOO_LARGE by the check, the large image is analysed', async () => {
    const dist = await loadDist();
    const files = cases.map((c) => c.file);
    const results = await dist.run.runBatch(files, { jobs: 2 });
    for (const [i, c] of cases.entries()) {
      const r = results[i]!;
      if (c.expectCode === 'OK') expect(r.error, c.name).toBeNull();
      else {
        expect(r.error?.code, c.name).toBe('TOO_LARGE');
        expect(r.error?.message, c.name).toMatch(BOMBS[c.name] ?? PAST_THE_CHECK[c.name]!);
      }
    }
  }, 180_000);

  it('with the check off, pdfjs\'s own bound stops the bombs it decodes (TOO_LARGE, not the memory watchdog)', async () => {
    const dist = await loadDist();
    const names = ['bomb-escaped-name', 'bomb-chain-ahx-flate', 'bomb-lzw', 'bomb-run-length', 'bomb-predictor-row', 'bomb-object-stream', 'bomb-encrypted'];
    const results = await dist.run.runBatch(names.map((n) => caseNamed(n).file), { jobs: 1, inflateLimits: false });
    for (const [i, name] of names.entries()) {
      expect(results[i]!.error?.code, name).toBe('TOO_LARGE');
      expect(results[i]!.error?.message, name).toMatch(PAST_THE_CHECK['bomb-encrypted']!);
    }
  }, 300_000);
});
