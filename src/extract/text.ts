import type { TextItem } from '../model/extract.js';
import { apply, type GlyphRun, type Matrix } from './graphics.js';

export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export interface FontInfo {
  name: string;
  bold: boolean;
  italic: boolean;
}

/** Reads bold/italic from what the font tells: its flags where pdfjs exposes them, else its PostScript name. */
export function fontInfoFrom(font: unknown, fallbackName: string): FontInfo {
  const f = (font ?? {}) as { name?: string; bold?: boolean; black?: boolean; italic?: boolean };
  const name = typeof f.name === 'string' ? f.name : fallbackName;
  const bare = name.replace(/^[A-Z]{6}\+/, '');
  const boldByName = /(bold|black|heavy|semibold|demi|extrabold|[-,]bd\b|w[6-9]\b)/i.test(bare);
  const italicByName = /(italic|oblique|[-,]it\b)/i.test(bare);
  return { name: bare, bold: Boolean(f.bold || f.black) || boldByName, italic: Boolean(f.italic) || italicByName };
}

/** Text items in top-left page space, with font and (where the operator list was read) glyph colour. */
export function toTextItems(
  raw: RawTextItem[],
  viewportTransform: Matrix,
  fonts: Map<string, FontInfo>,
  colours: (string | null)[][] | null,
): TextItem[] {
  const out: TextItem[] = [];
  raw.forEach((it, idx) => {
    if (!it.str) return;
    const t = it.transform;
    const fontSize = Math.hypot(t[2], t[3]) || it.height || 1;
    const [x0, base] = apply(viewportTransform, t[4], t[5]);
    const [x1] = apply(viewportTransform, t[4] + it.width, t[5]);
    const font = fonts.get(it.fontName) ?? { name: it.fontName, bold: false, italic: false };
    const cs = colours?.[idx] ?? null;
    out.push({
      str: it.str,
      bbox: [Math.min(x0, x1), base - fontSize * 0.8, Math.max(x0, x1), base + fontSize * 0.2],
      baseline: base,
      fontSize,
      fontName: font.name,
      bold: font.bold,
      italic: font.italic,
      colour: cs ? dominantColour(it.str, cs) : null,
    });
  });
  return out;
}

function dominantColour(str: string, cs: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  const chars = [...str];
  for (let i = 0; i < chars.length; i++) {
    if (/\s/.test(chars[i])) continue;
    const c = cs[i];
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | null = null, n = 0;
  for (const [c, k] of counts) if (k > n) { best = c; n = k; }
  return best;
}

const normCache = new Map<string, string>();
/** A character as both sides spell it (ligatures and full-width forms folded, case ignored), memoised. */
const norm = (c: string): string => {
  let n = normCache.get(c);
  if (n === undefined) {
    n = c.normalize('NFKC').toLowerCase();
    if (normCache.size < 10_000) normCache.set(c, n);
  }
  return n;
};

/**
 * Gives each character of each text item the fill colour it was painted with, by walking the text items and the
 * operator list's showText runs side by side (pdfjs builds both from the same content stream, in the same order).
 * Whitespace differs between the two, so only visible characters are matched, with a short look-ahead to resync.
 */
export function alignGlyphColours(raw: RawTextItem[], runs: GlyphRun[]): (string | null)[][] {
  const chars: string[] = [];
  const colours: string[] = [];
  for (const r of runs) {
    for (const ch of r.text) {
      if (/\s/.test(ch)) continue;
      for (const c of norm(ch)) { chars.push(c); colours.push(r.colour); }
    }
  }
  let p = 0;
  return raw.map((it) => {
    const out: (string | null)[] = [];
    let last: string | null = null;
    for (const ch of it.str) {
      if (/\s/.test(ch)) { out.push(last); continue; }
      const n = norm(ch);
      let found = -1;
      for (let k = p; k < Math.min(chars.length, p + 12); k++) {
        if (chars[k] === n[0]) { found = k; break; }
      }
      if (found >= 0) {
        last = colours[found];
        p = found + n.length;
      } else {
        last = null;
      }
      out.push(last);
    }
    return out;
  });
}
