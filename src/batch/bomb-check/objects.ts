/**
 * The objects of a PDF found the way a tolerant parser finds them when it cannot trust the cross-reference
 * table: by scanning the raw bytes for `N G obj`, and by opening object streams. Every definition of an object
 * number is kept (a file may define one several times, and a hostile one may hide a benign twin where the scan
 * finds it first), and a reference resolves to all of them: the check then measures the worst.
 */
import { isDelimiter, isDict, isWhite, PdfRef, RawLexer, type PdfDict, type PdfValue } from './lexer.js';

/** Where one definition of an object lives. */
interface Definition {
  /** Offset just after `obj` (in the file, or in `container`'s decoded bytes). */
  at: number;
  /** Where reading stops: the end of the file, or of this object inside an object stream. */
  end: number;
  /** The decoded bytes of the object stream holding it; undefined for an object in the file itself. */
  container?: Uint8Array;
}

/** A stream object in the file: its dictionary and where its data lies. */
export interface RawStream {
  num: number;
  gen: number;
  /** Offset of `N G obj`, for messages. */
  objAt: number;
  dict: PdfDict;
  dataStart: number;
}

/** Values kept per parsed object at most: a hostile million-element array must not cost a million values here. */
const MAX_ITEMS = 100_000;
/**
 * The entries of an object's own dictionary that the check reads; the others are skipped as they are parsed, so
 * a dictionary of any length costs nothing to keep.
 */
export const KEYS_READ: ReadonlySet<string> = new Set([
  'Filter', 'F', 'DecodeParms', 'DP', 'Length', 'N', 'First', 'Contents',
]);
/** Distinct definitions of one object considered at most (latest first). */
const MAX_CANDIDATES = 8;

const OBJ = Buffer.from('obj', 'latin1');
const ENDSTREAM = Buffer.from('endstream', 'latin1');
const END = Buffer.from('end', 'latin1');

export class RawPdf {
  readonly streams: RawStream[] = [];
  /** Every dictionary with a /Contents entry (pages), for the content arrays pdfjs joins into one buffer. */
  readonly contentHolders: { num: number; contents: PdfValue }[] = [];
  private readonly defs = new Map<number, Definition[]>();

  private readonly streamsByNum = new Map<number, RawStream[]>();

  constructor(readonly bytes: Buffer) {
    const headers = [...scanObjectHeaders(bytes)];
    for (const h of headers) this.define(h.num, { at: h.at, end: bytes.length });
    for (const { num, gen, headerAt, at } of headers) {
      const lexer = new RawLexer(bytes, at);
      const value = lexer.readObject(MAX_ITEMS, KEYS_READ);
      if (!isDict(value)) continue;
      if (lexer.acceptCommand('stream')) {
        const s: RawStream = { num, gen, objAt: headerAt, dict: value, dataStart: afterLineEnd(bytes, lexer.pos) };
        this.streams.push(s);
        const same = this.streamsByNum.get(num);
        if (same) same.push(s);
        else this.streamsByNum.set(num, [s]);
      } else if (value.has('Contents')) this.contentHolders.push({ num, contents: value.get('Contents')! });
    }
  }

  /** Adds the objects of a decoded object stream (header: N pairs of object number and offset, objects from First). */
  addObjectStream(decoded: Uint8Array, n: number, first: number): void {
    const lexer = new RawLexer(decoded);
    const entries: { num: number; offset: number }[] = [];
    for (let i = 0; i < n; i++) {
      const num = lexer.readObject(2);
      const offset = lexer.readObject(2);
      if (typeof num !== 'number' || typeof offset !== 'number') break;
      entries.push({ num, offset });
    }
    entries.forEach(({ num, offset }, i) => {
      const at = first + offset;
      if (!Number.isInteger(num) || num < 0 || !(at >= 0 && at < decoded.length)) return;
      const next = entries[i + 1];
      const end = next && first + next.offset > at ? Math.min(decoded.length, first + next.offset) : decoded.length;
      this.define(num, { at, end, container: decoded });
      const value = new RawLexer(decoded, at, end).readObject(MAX_ITEMS, KEYS_READ);
      if (isDict(value) && value.has('Contents')) this.contentHolders.push({ num, contents: value.get('Contents')! });
    });
  }

  /**
   * What `value` stands for: itself, or every distinct definition of the object it refers to (latest first; null
   * when there is none, as pdfjs reads a missing object). One level, as pdfjs's `fetchIfRef`.
   */
  resolve(value: PdfValue | undefined): PdfValue[] {
    if (value === undefined) return [];
    if (!(value instanceof PdfRef)) return [value];
    const defs = this.defs.get(value.num);
    if (!defs) return [null];
    const seen = new Set<string>();
    const out: PdfValue[] = [];
    for (let i = defs.length - 1; i >= 0 && out.length < MAX_CANDIDATES; i--) {
      const d = defs[i]!;
      const v = new RawLexer(d.container ?? this.bytes, d.at, d.end).readObject(MAX_ITEMS) ?? null;
      const key = fingerprint(v);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(v);
    }
    return out;
  }

  /** Whether the check has found any definition of object `num`. */
  defines(num: number): boolean {
    return this.defs.has(num);
  }

  /** The stream objects with this number (a reference to a stream resolves to these). */
  streamsNumbered(num: number): readonly RawStream[] {
    return this.streamsByNum.get(num) ?? [];
  }

  private define(num: number, def: Definition): void {
    const list = this.defs.get(num);
    if (list) list.push(def);
    else this.defs.set(num, [def]);
  }

  /**
   * Where the data ends, as pdfjs's Parser.makeStream decides: at /Length when `endstream` follows there, else at
   * the first `endstream` after the data start (a lying /Length is ignored). With several candidate lengths the
   * longest valid one counts. Null when no `endstream` closes it: pdfjs refuses such a stream, nothing is decoded.
   * (Asked late, once the object streams are open: /Length may live in one.)
   */
  dataEnd(s: RawStream): number | null {
    const dataStart = s.dataStart;
    let best: number | null = null;
    for (const len of this.resolve(s.dict.get('Length'))) {
      if (typeof len !== 'number' || !Number.isInteger(len) || len < 0) continue;
      const end = dataStart + len;
      if (end > this.bytes.length) continue;
      const lexer = new RawLexer(this.bytes, end);
      if (lexer.acceptCommand('endstream') && (best === null || end > best)) best = end;
    }
    if (best !== null) return best;
    return findEndstream(this.bytes, dataStart);
  }
}

/** Every `N G obj` in the file: the object number, generation, and offsets of the header and of the value. */
function* scanObjectHeaders(bytes: Buffer): Generator<{ num: number; gen: number; headerAt: number; at: number }> {
  for (let i = bytes.indexOf(OBJ); i >= 0; i = bytes.indexOf(OBJ, i + 3)) {
    const after = bytes[i + 3];
    if (after !== undefined && !isWhite(after) && !isDelimiter(after)) continue;
    let j = i - 1;
    while (j >= 0 && isWhite(bytes[j]!)) j--;
    const genEnd = j + 1;
    while (j >= 0 && isDigitByte(bytes[j]!)) j--;
    if (j + 1 === genEnd || j < 0 || !isWhite(bytes[j]!)) continue;
    const gen = Number(bytes.toString('latin1', j + 1, genEnd));
    while (j >= 0 && isWhite(bytes[j]!)) j--;
    const numEnd = j + 1;
    while (j >= 0 && isDigitByte(bytes[j]!)) j--;
    if (j + 1 === numEnd || numEnd - (j + 1) > 10) continue;
    if (j >= 0 && !isWhite(bytes[j]!) && !isDelimiter(bytes[j]!)) continue;
    yield { num: Number(bytes.toString('latin1', j + 1, numEnd)), gen, headerAt: j + 1, at: i + 3 };
  }
}

const isDigitByte = (c: number) => c >= 0x30 && c <= 0x39;

/** After `stream`, the data begins past the end of that line (CR, LF or CRLF), as pdfjs's skipToNextLine reads it. */
function afterLineEnd(bytes: Buffer, pos: number): number {
  while (pos < bytes.length) {
    const c = bytes[pos++];
    if (c === 0x0d) {
      if (bytes[pos] === 0x0a) pos++;
      return pos;
    }
    if (c === 0x0a) return pos;
  }
  return pos;
}

/** pdfjs's #findStreamLength: the first `endstream`, also misspelt `endsteam` or cut to `endstrea` before a space. */
function findEndstream(bytes: Buffer, from: number): number | null {
  for (let i = bytes.indexOf(END, from); i >= 0 && i + 9 <= bytes.length; i = bytes.indexOf(END, i + 1)) {
    if (bytes.compare(ENDSTREAM, 3, 9, i + 3, i + 9) === 0) return i;
    const rest = bytes.toString('latin1', i + 3, i + 9);
    if ((rest.startsWith('steam') || rest.startsWith('strea')) && isWhite(bytes[i + 8] ?? 0x20)) return i;
  }
  return null;
}

/** A value's identity for telling distinct definitions apart. */
function fingerprint(v: PdfValue): string {
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? Object.fromEntries(x) : x && typeof x === 'object' && !Array.isArray(x) ? { ...x, _: x.constructor.name } : x));
}
