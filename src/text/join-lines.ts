/** Text shared by the stages that handle lines: layout (cells) and segment (paragraphs). */

const NOT_A_BREAK = /^(och|eller|samt|som|till|resp|respektive|and|or|to)\b/;

/**
 * Rejoins a word hyphenated across a line end ("organisa-" + "tionen"), but keeps a hyphen that stands for a left-out
 * part of a compound ("kultur- och fritidsnämnden") or joins two words ("e-tjänster" at a line start stays).
 */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (out === '') { out = line; continue; }
    const m = /(\p{L})[-\u00ad]$/u.exec(out);
    if (m && /^\p{Ll}/u.test(line) && !NOT_A_BREAK.test(line)) {
      out = out.slice(0, -1) + line;
    } else {
      out += ' ' + line;
    }
  }
  return out;
}
