import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { Mark } from '../../src/model/extract.js';
import type { LayoutDocument } from '../../src/model/layout.js';
import { norm, root } from '../helpers.js';

interface Truth {
  id: string;
  lines: { page: number; text: string }[];
  headerFooter: { page: number; text: string }[];
  marks: { page: number; colour: string; kind: string; attachedTo: string }[];
}
const dir = path.join(root, 'test', 'fixtures');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { id: string; file: string; truth: string; producer: string }[];

/** Every text the layout holds on a page, with the marks attached to it. */
function textsWithMarks(doc: LayoutDocument, page: number): { text: string; marks: Mark[] }[] {
  const p = doc.pages.find((x) => x.number === page)!;
  const out: { text: string; marks: Mark[] }[] = [];
  for (const b of p.blocks) {
    if (b.kind === 'table') {
      for (const r of b.table.rows) {
        for (const c of r.cells) {
          out.push({ text: norm(c.text), marks: [...c.marks, ...(c.fill ? [c.fill] : [])] });
          for (const l of c.lines) out.push({ text: norm(l.text), marks: [] });
        }
        out.push({ text: norm(r.cells.map((c) => c.text).join(' ')), marks: [] });
        // An icon-only cell is attached to its row's first cell.
        const first = r.cells[0];
        // A cell holding only a symbol glyph (■) counts as icon-only too.
        const iconOnly = r.cells.filter((c) => !/[\p{L}\p{N}]/u.test(c.text)).flatMap((c) => [...c.marks, ...(c.fill ? [c.fill] : [])]);
        if (first) out.push({ text: norm(first.text), marks: iconOnly });
      }
    } else for (const l of b.lines) out.push({ text: norm(l.text), marks: l.marks });
  }
  for (const f of p.furniture) out.push({ text: norm(f.text), marks: [] });
  return out;
}

// Known gaps, reported rather than hidden (see README "When it is wrong").
const KNOWN: Record<string, string> = JSON.parse(fs.readFileSync(path.join(dir, 'known-gaps.json'), 'utf8'));

describe.each(manifest)('fixture $id ($producer)', (entry) => {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, entry.truth), 'utf8')) as Truth;
  let layout: LayoutDocument;
  const load = async () => (layout ??= layoutDocument(await extractDocument(fs.readFileSync(path.join(dir, entry.file)))));

  it.skipIf(Boolean(KNOWN[`${entry.id}:lines`]))('finds its text lines', async () => {
    const doc = await load();
    for (const l of truth.lines) {
      const texts = textsWithMarks(doc, l.page).map((t) => t.text);
      const joined = texts.join('\n');
      expect(joined.includes(norm(l.text)), `page ${l.page}: "${l.text}"`).toBe(true);
    }
  });

  it.skipIf(Boolean(KNOWN[`${entry.id}:furniture`]))('sets running headers and footers aside', async () => {
    const doc = await load();
    for (const h of truth.headerFooter) {
      const furniture = doc.pages.find((p) => p.number === h.page)!.furniture.map((f) => norm(f.text));
      expect(furniture.some((f) => f.includes(norm(h.text)) || norm(h.text).includes(f)), `page ${h.page}: "${h.text}" in ${JSON.stringify(furniture)}`).toBe(true);
    }
  });

  it.skipIf(Boolean(KNOWN[`${entry.id}:marks`]))('reads every status mark with its colour class and attaches it', async () => {
    const doc = await load();
    for (const m of truth.marks) {
      const texts = textsWithMarks(doc, m.page).filter((t) => t.text === norm(m.attachedTo) || t.text.includes(norm(m.attachedTo)));
      const found = texts.some((t) => t.marks.some((x) => x.colourClass === m.colour));
      expect(found, `page ${m.page}: ${m.colour} ${m.kind} on "${m.attachedTo}"`).toBe(true);
    }
  });
});

// A key on one line whose symbols are glyphs set in one piece with their labels ("⬤ On track ⬤ At risk ⬤ Off
// track"): each entry is the label after its glyph, not empty (the entries were empty and the goals fell back to
// the colour classes).
describe('one-line glyph legend', () => {
  it('en-heading-glyphs: each glyph takes its label', async () => {
    const doc = layoutDocument(await extractDocument(fs.readFileSync(path.join(dir, 'pdf', 'en-heading-glyphs.pdf'))));
    const entries = doc.pages.flatMap((p) => p.blocks).flatMap((b) => (b.kind === 'legend' ? b.entries : [])).map((e) => [e.colourClass, e.text]);
    expect(entries).toEqual([['green', 'On track'], ['yellow', 'At risk'], ['red', 'Off track']]);
  });
});
