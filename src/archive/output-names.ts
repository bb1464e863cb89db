/**
 * The name of each document's own result file in an output folder. Results live in `documents/`, away from the
 * archive's own files (verkstad.json, summary.csv, report.html, verkstad.sqlite, the manifest, the lock), so that an
 * input called `verkstad` or `.verkstad-outputs` cannot overwrite one of them. A name is the input's path relative to
 * the deepest folder all inputs share, its folders joined by `__`, every character that is not a letter, a digit,
 * `.`, `_` or `-` as `_`, and `.json` after it: `archive/2024/Årsredovisning.pdf` → `documents/2024__Årsredovisning.pdf.json`.
 *
 * Names must also differ from each other on every file system: where two would be the same ignoring case (the same
 * base name in two folders flattened alike, names differing only in case, names that sanitise to the same text),
 * each of them takes 8 hex of the sha256 of its relative path: the choice does not depend on the order of the
 * inputs, and the same archive gets the same names on every run. A name too long for a file system is cut and takes
 * the hash too; a device name of Windows (`CON`, `NUL.pdf`) gets a `_` in front.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** The subfolder of an output folder that holds one result file per document. */
export const DOCUMENTS_DIR = 'documents';

/** Bytes a name may take before it is cut (255 is the usual limit; the hash and `.json` need room). */
const MAX_NAME_BYTES = 200;
/** Windows refuses these as a file's name before its first dot, whatever follows. */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Each input's result file, relative to the output folder (`documents/…json`), in the order of `files`. */
export function documentOutputNames(files: readonly string[]): string[] {
  const resolved = files.map((f) => path.resolve(f));
  const root = commonFolder(resolved);
  const relative = resolved.map((f) => path.relative(root, f).split(path.sep).join('/'));
  let names = relative.map((rel) => plainName(rel));
  // Add the hash to every name that clashes (ignoring case), and again with a longer one in the unlikely case
  // that a hashed name clashes with a name an input already has.
  for (let digits = 8; digits <= 64; digits += 8) {
    const counts = new Map<string, number>();
    for (const n of names) counts.set(key(n), (counts.get(key(n)) ?? 0) + 1);
    if (names.every((n) => counts.get(key(n)) === 1 && !needsHash(n))) break;
    names = names.map((n, i) => (counts.get(key(n))! > 1 || needsHash(n) ? hashedName(relative[i]!, digits) : n));
  }
  return names.map((n) => `${DOCUMENTS_DIR}/${n}`);
}

/** The deepest folder that holds every file (a single file's own folder). */
export function commonFolder(resolved: readonly string[]): string {
  if (resolved.length === 0) return process.cwd();
  let common = path.dirname(resolved[0]!);
  for (const f of resolved) {
    while (!isInside(f, common)) {
      const up = path.dirname(common);
      if (up === common) return common;
      common = up;
    }
  }
  return common;
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** `2024/Årsredovisning.pdf` → `2024__Årsredovisning.pdf.json`. */
function plainName(rel: string): string {
  return `${rel.split('/').map(sanitise).join('__')}.json`;
}

function sanitise(part: string): string {
  const s = part
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    // Not hidden, and nothing Windows trims away at the end.
    .replace(/^\.+/, (dots) => '_'.repeat(dots.length))
    .replace(/[. ]+$/, '');
  if (s === '') return '_';
  return DEVICE_NAMES.test(s.split('.')[0]!) ? `_${s}` : s;
}

function hashedName(rel: string, digits: number): string {
  const hash = createHash('sha256').update(rel, 'utf8').digest('hex').slice(0, digits);
  const base = plainName(rel).replace(/\.json$/, '');
  return `${cutToBytes(base, MAX_NAME_BYTES - digits - 8)}.${hash}.json`;
}

function needsHash(name: string): boolean {
  return Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES;
}

/** Case-insensitive file systems (macOS, Windows) see these names as one. */
function key(name: string): string {
  return name.toLowerCase();
}

/** The longest start of `s` of at most `bytes` UTF-8 bytes, not cutting a character in two. */
function cutToBytes(s: string, bytes: number): string {
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch, 'utf8') > bytes) break;
    out += ch;
  }
  return out;
}
