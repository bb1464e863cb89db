/**
 * Most rule patterns open at a word with a list of words (`\b(ökade|minskade|…)`), and most sentences contain none
 * of them. Running ~300 Unicode-aware expressions over every sentence was most of classify's time, so each such
 * pattern is indexed by the letters its words begin with, and runs only on a sentence with a word that begins so.
 * A pattern we cannot read this way (no opening word boundary, an optional or short first word) always runs.
 * `test/classify/prefilter.test.ts` checks on the whole corpus that the index never changes what matches.
 */

/** Splits `a|b(c|d)|e` at its top-level bars; null when brackets do not balance. */
function alternatives(body: string): string[] | null {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '[') {
      const end = body.indexOf(']', i + 2); // a class may hold ( ) | unescaped
      if (end < 0) return null;
      i = end;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { out.push(body.slice(start, i)); start = i + 1; }
    if (depth < 0) return null;
  }
  out.push(body.slice(start));
  return out;
}

/** The group that opens at index `open` of `source`, or null. */
function groupAt(source: string, open: number): { body: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '[') { const end = source.indexOf(']', i + 2); if (end < 0) return null; i = end; continue; }
    if (c === '(') depth++;
    else if (c === ')') { depth--; if (depth === 0) return { body: source.slice(open + 1, i), end: i }; }
  }
  return null;
}

const MIN_KEY = 2;

/** The letters an alternative must open with, lower-cased (at least two), or null. */
function openingLetters(alt: string): string | null {
  const m = /^\p{L}+/u.exec(alt);
  if (!m) return null;
  const next = alt[m[0].length];
  // A quantifier after the last letter makes that letter optional.
  const letters = next === '?' || next === '*' || next === '{' ? m[0].slice(0, -1) : m[0];
  return letters.length >= MIN_KEY ? letters.toLowerCase() : null;
}

const WORD_START = '(?<![\\p{L}\\p{N}_])'; // what ruleset/load.ts makes of an opening \b

/**
 * The keys of a compiled pattern (its `source`, after the word boundaries were rewritten): every match starts at
 * the beginning of a run of letters that begins with one of them. Null when that cannot be read off the pattern.
 */
export function openingKeys(source: string): { keys: string[]; atWordStart: boolean } | null {
  let s = source;
  let atWordStart = true;
  if (s.startsWith('^')) s = s.slice(1);
  else if (s.startsWith(WORD_START)) s = s.slice(WORD_START.length);
  else atWordStart = false; // a match may start inside a word: its keys are looked for anywhere
  // Further lookarounds at the start do not move where the match starts.
  while (s.startsWith('(?<!') || s.startsWith('(?<=') || s.startsWith('(?!') || s.startsWith('(?=')) {
    const g = groupAt(s, 0);
    if (!g) return null;
    s = s.slice(g.end + 1);
  }
  if (s.startsWith('(?:')) s = '(' + s.slice(3);
  let alts: string[] | null = [s];
  if (s.startsWith('(')) {
    const g = groupAt(s, 0);
    if (!g) return null;
    const after = s[g.end + 1];
    if (after === '?' || after === '*' || after === '{') return null; // the opening group may be skipped
    alts = alternatives(g.body);
  }
  if (!alts) return null;
  const keys = new Set<string>();
  for (const a of alts) {
    const k = openingLetters(a);
    if (!k) return null;
    keys.add(k);
  }
  // Looked for anywhere, a key costs a scan of the sentence: only a few, and not too short, are worth it.
  if (!atWordStart && (keys.size > 4 || [...keys].some((k) => k.length < 4))) return null;
  return { keys: [...keys], atWordStart };
}

/** Patterns indexed by their keys' first three letters. */
export class OpeningIndex {
  private readonly byPrefix = new Map<string, { key: string; patterns: number[] }[]>();
  /** Patterns without keys: they run on every sentence. */
  readonly always: ReadonlySet<number>;
  /** Patterns whose keys may occur inside a word. */
  private readonly anywhere: { keys: string[]; pattern: number }[] = [];

  constructor(sources: readonly string[]) {
    const always = new Set<number>();
    const byKey = new Map<string, number[]>();
    sources.forEach((src, i) => {
      const found = openingKeys(src);
      if (!found) { always.add(i); return; }
      if (!found.atWordStart) { this.anywhere.push({ keys: found.keys, pattern: i }); return; }
      for (const k of found.keys) byKey.set(k, [...(byKey.get(k) ?? []), i]);
    });
    for (const [key, patterns] of byKey) {
      const p = key.slice(0, MIN_KEY);
      const list = this.byPrefix.get(p);
      if (list) list.push({ key, patterns }); else this.byPrefix.set(p, [{ key, patterns }]);
    }
    this.always = always;
  }

  /** Marks in `out` (one slot per pattern) the patterns that may match the sentence, given lower-cased. */
  candidates(lower: string, out: Uint8Array): void {
    out.fill(0);
    for (const i of this.always) out[i] = 1;
    for (const { keys, pattern } of this.anywhere) if (keys.some((k) => lower.includes(k))) out[pattern] = 1;
    for (const m of lower.matchAll(/\p{L}{2,}/gu)) {
      const run = m[0];
      const list = this.byPrefix.get(run.slice(0, MIN_KEY));
      if (!list) continue;
      for (const { key, patterns } of list) if (run.startsWith(key)) for (const p of patterns) out[p] = 1;
    }
  }
}

/**
 * A pattern compiled for lower-cased text instead of with the `i` flag: with `iu`, V8 case-folds every Unicode
 * class (`\p{L}`, and each rewritten `\b`) when it compiles and matches, which made the first pass over a report
 * about a quarter slower. Letters outside escapes are lower-cased; escapes are kept as written. The corpus test
 * holds that it matches exactly where the original does.
 */
export function lowerCasePattern(re: RegExp): RegExp {
  if (!re.flags.includes('i')) return re;
  const src = re.source;
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1];
      const braced = (n === 'p' || n === 'P' || n === 'u' || n === 'k') && (src[i + 2] === '{' || src[i + 2] === '<');
      if (braced) {
        const end = src.indexOf(src[i + 2] === '{' ? '}' : '>', i);
        out += src.slice(i, end + 1);
        i = end;
      } else if (n === 'u') { out += src.slice(i, i + 6); i += 5; }
      else if (n === 'x') { out += src.slice(i, i + 4); i += 3; }
      else if (n === 'c') { out += src.slice(i, i + 3); i += 2; }
      else { out += c + (n ?? ''); i++; }
      continue;
    }
    if (c === '(' && src.startsWith('(?<', i) && !src.startsWith('(?<=', i) && !src.startsWith('(?<!', i)) {
      const end = src.indexOf('>', i); // a group name keeps its case
      out += src.slice(i, end + 1);
      i = end;
      continue;
    }
    out += c.toLowerCase();
  }
  return new RegExp(out, re.flags.replace('i', ''));
}
