/**
 * Reads PDF objects from raw bytes the way pdfjs's Lexer and Parser do, for the bomb check: names with `#xx`
 * escapes, dictionaries of any length, arrays, indirect references, comments between any two tokens. String
 * contents are skipped (nothing the check needs is ever a string). Nesting is parsed with an explicit stack, so
 * a hostile `[[[[…` costs memory in proportion to the file, never the call stack.
 */

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A bare keyword: `stream`, `endobj`, `true` is not one (it becomes a boolean), an unknown word is. */
export class PdfCommand {
  constructor(readonly cmd: string) {}
}
/** A string whose contents were skipped. */
export class PdfString {}
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfCommand | PdfString | PdfValue[] | PdfDict;

export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof Map;
export const isName = (v: PdfValue | undefined, name?: string): v is PdfName => v instanceof PdfName && (name === undefined || v.name === name);

/** Byte classes of PDF 32000-1 §7.2.2: 0 regular, 1 white-space (NUL, TAB, LF, FF, CR, SPACE), 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
export const isWhite = (c: number): boolean => CLASS[c] === 1;
export const isDelimiter = (c: number): boolean => CLASS[c] === 2;
const isRegular = (c: number): boolean => CLASS[c] === 0;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Bytes [start, end) as a string of the same code units (names and keywords are short). */
function latin1(b: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(b[i]!);
  return out;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

type Token =
  | { kind: 'number'; value: number; integer: boolean }
  | { kind: 'name'; value: string }
  | { kind: 'string' }
  | { kind: 'open-array' | 'close-array' | 'open-dict' | 'close-dict' }
  | { kind: 'command'; value: string }
  | { kind: 'eof' };

/** An open array (items) or dictionary (dict, with the key waiting for its value). */
class Frame {
  key: string | null = null;
  constructor(
    readonly items: PdfValue[] | null,
    readonly dict: PdfDict | null,
  ) {}
}

export class RawLexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    /** Reading stops here (exclusive): the end of an object stream's data, say. */
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  /** Skips whitespace and comments. */
  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else return;
    }
  }

  next(): Token {
    this.skipSpace();
    const b = this.bytes;
    if (this.pos >= this.end) return { kind: 'eof' };
    const c = b[this.pos]!;
    switch (c) {
      case 0x5b:
        this.pos++;
        return { kind: 'open-array' };
      case 0x5d:
        this.pos++;
        return { kind: 'close-array' };
      case 0x3c:
        if (b[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return { kind: 'open-dict' };
        }
        this.skipHexString();
        return { kind: 'string' };
      case 0x3e:
        if (b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return { kind: 'close-dict' };
        }
        this.pos++;
        return { kind: 'command', value: '>' };
      case 0x28:
        this.skipLiteralString();
        return { kind: 'string' };
      case 0x2f:
        return { kind: 'name', value: this.readName() };
      case 0x7b:
      case 0x7d:
      case 0x29:
        this.pos++;
        return { kind: 'command', value: String.fromCharCode(c) };
    }
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) {
      const n = this.readNumber();
      if (n) return n;
    }
    const start = this.pos;
    while (this.pos < this.end && isRegular(b[this.pos]!)) this.pos++;
    if (this.pos === start) this.pos++; // a lone delimiter such as `)`: move on
    return { kind: 'command', value: latin1(b, start, this.pos) };
  }

  /** Name after `/`: `#xx` is the byte xx (pdfjs keeps a `#` not followed by two hex digits as it is). */
  private readName(): string {
    const b = this.bytes;
    this.pos++;
    const start = this.pos;
    while (this.pos < this.end && CLASS[b[this.pos]!] === 0 && b[this.pos] !== 0x23) this.pos++;
    let out = latin1(b, start, this.pos);
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if (!isRegular(c)) break;
      if (c === 0x23) {
        const hi = hexValue(b[this.pos + 1] ?? -1);
        const lo = hexValue(b[this.pos + 2] ?? -1);
        if (hi >= 0 && lo >= 0 && this.pos + 2 < this.end) {
          out += String.fromCharCode((hi << 4) | lo);
          this.pos += 3;
          continue;
        }
      }
      out += String.fromCharCode(c);
      this.pos++;
    }
    return out;
  }

  /** A number as pdfjs reads it (signs repeated or misplaced are tolerated); undefined when there is none. */
  private readNumber(): Token | undefined {
    const b = this.bytes;
    const start = this.pos;
    let sign = 1;
    while (this.pos < this.end && (b[this.pos] === 0x2b || b[this.pos] === 0x2d)) {
      if (b[this.pos] === 0x2d) sign = -sign;
      this.pos++;
    }
    let intPart = 0;
    let digits = 0;
    while (this.pos < this.end && isDigit(b[this.pos]!)) {
      intPart = intPart * 10 + (b[this.pos]! - 0x30);
      this.pos++;
      digits++;
    }
    let integer = true;
    let value = intPart;
    if (this.pos < this.end && b[this.pos] === 0x2e) {
      integer = false;
      this.pos++;
      let scale = 0.1;
      while (this.pos < this.end && isDigit(b[this.pos]!)) {
        value += (b[this.pos]! - 0x30) * scale;
        scale /= 10;
        this.pos++;
        digits++;
      }
    }
    if (digits === 0) {
      this.pos = start;
      return undefined;
    }
    return { kind: 'number', value: sign * value, integer };
  }

  private skipLiteralString(): void {
    const b = this.bytes;
    let depth = 0;
    while (this.pos < this.end) {
      const c = b[this.pos++]!;
      if (c === 0x5c) this.pos++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return;
    }
  }

  private skipHexString(): void {
    const at = this.bytes.indexOf(0x3e, this.pos + 1);
    this.pos = at < 0 || at >= this.end ? this.end : at + 1;
  }

  /**
   * After an object number: when `G R` follows (a reference, as pdfjs's Parser tells by looking two tokens
   * ahead), consumes it and returns G; else consumes nothing. Byte by byte: it runs after every integer.
   */
  private refGeneration(): number | undefined {
    const b = this.bytes;
    const save = this.pos;
    this.skipSpace();
    let gen = 0;
    const start = this.pos;
    while (this.pos < this.end && isDigit(b[this.pos]!)) gen = gen * 10 + (b[this.pos++]! - 0x30);
    if (this.pos > start && this.pos < this.end && !isRegular(b[this.pos]!) && b[this.pos] !== 0x2e) {
      this.skipSpace();
      if (b[this.pos] === 0x52 && (this.pos + 1 >= this.end || !isRegular(b[this.pos + 1]!))) {
        this.pos++;
        return gen;
      }
    }
    this.pos = save;
    return undefined;
  }

  /** The next token if it is the keyword `word` (consumed), else nothing is consumed. */
  acceptCommand(word: string): boolean {
    const save = this.pos;
    const t = this.next();
    if (t.kind === 'command' && t.value === word) return true;
    this.pos = save;
    return false;
  }

  /**
   * One complete object: a number, a reference (`6 0 R`), a name, an array or dictionary with everything in it.
   * Dictionary keys that are not names are skipped, as pdfjs does. Returns undefined at the end of the input.
   * Of the outermost dictionary only the entries named in `keys` are kept (all when it is absent), however long
   * the dictionary is; inside, past `maxItems` values the rest is read but not kept.
   */
  readObject(maxItems = Infinity, keys?: ReadonlySet<string>): PdfValue | undefined {
    const stack: Frame[] = [];
    let top: Frame | undefined;
    let kept = 0;
    for (;;) {
      const t = this.next();
      let value: PdfValue;
      switch (t.kind) {
        case 'eof':
          if (!top) return undefined;
          // An unterminated container: close it, as a tolerant parser would.
          value = top.dict ?? top.items!;
          top = stack.pop();
          break;
        case 'open-array':
        case 'open-dict':
          if (top) stack.push(top);
          top = t.kind === 'open-dict' ? new Frame(null, new Map()) : new Frame([], null);
          continue;
        case 'close-array':
        case 'close-dict':
          if (!top) continue; // a stray closer: skip it
          value = top.dict ?? top.items!;
          top = stack.pop();
          break;
        case 'number':
          value = t.value;
          if (t.integer && t.value >= 0) {
            const gen = this.refGeneration();
            if (gen !== undefined) value = new PdfRef(t.value, gen);
          }
          break;
        case 'name':
          value = new PdfName(t.value);
          break;
        case 'string':
          value = new PdfString();
          break;
        case 'command':
          if (t.value === 'true' || t.value === 'false') value = t.value === 'true';
          else if (t.value === 'null') value = null;
          else value = new PdfCommand(t.value);
          break;
      }
      if (!top) return value;
      if (top.dict) {
        if (top.key === null) {
          if (value instanceof PdfName) top.key = value.name;
        } else {
          if (keys !== undefined && stack.length === 0 ? keys.has(top.key) : kept++ < maxItems) top.dict.set(top.key, value);
          top.key = null;
        }
      } else if (kept++ < maxItems) top.items!.push(value);
    }
  }
}
