/**
 * NO_TEXT_LAYER only for pages that show no text at all; a page whose content pdfjs could not read is
 * INVALID_PDF with pdfjs's own reason (issue 16).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBytes } from '../src/pipeline.js';
import { sharedContext } from './helpers.js';
import type { HostileCase } from './hostile/generate.js';
import { writeTextLayerSet } from './hostile/text-layer.js';

const REASONS: Record<string, RegExp> = {
  'content-bad-flate-header': /content of page 1 is damaged: pdfjs reported "Invalid stream: "FormatError: Bad FCHECK in flate stream/,
  'content-corrupt-flate': /Unknown block type in flate stream/,
  'content-unknown-filter': /content of page 1 is damaged: pdfjs reported "Filter "NoSuchDecode" is not supported\."/,
  'content-garbage': /content of page 1 is damaged: pdfjs reported "(Unterminated string|Unknown command)/,
  'content-unterminated-string': /content of page 1 is damaged: pdfjs reported "Unterminated string/,
  'blank-page': /None of the 1 page\(s\) has a text layer .*run OCR first/,
  'vector-only': /None of the 1 page\(s\) has a text layer/,
  'image-only': /None of the 1 page\(s\) has a text layer/,
};

let dir: string;
let cases: HostileCase[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-text-layer-'));
  cases = await writeTextLayerSet(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a page without readable text: broken content or no text at all', () => {
  it('covers every generated case', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...Object.keys(REASONS), 'text-then-broken-page'].sort());
  });

  it.each(Object.keys(REASONS))('%s', async (name) => {
    const c = cases.find((x) => x.name === name)!;
    const r = await analyzeBytes(c.file, fs.readFileSync(c.file), await sharedContext());
    expect(r.error?.code).toBe(c.expectCode);
    expect(r.error?.message).toMatch(REASONS[name]!);
    if (c.expectCode === 'INVALID_PDF') expect(r.error?.message).not.toMatch(/OCR/);
  });

  it('a document with text on one page and a broken other page is analysed as before', async () => {
    const c = cases.find((x) => x.name === 'text-then-broken-page')!;
    const r = await analyzeBytes(c.file, fs.readFileSync(c.file), await sharedContext());
    expect(r.error).toBeNull();
    expect(r.pages).toBe(2);
  });

  it('leaves the console as it found it', async () => {
    const before = { warn: console.warn, info: console.info };
    const c = cases.find((x) => x.name === 'content-garbage')!;
    await analyzeBytes(c.file, fs.readFileSync(c.file), await sharedContext());
    expect(console.warn).toBe(before.warn);
    expect(console.info).toBe(before.info);
  });
});
