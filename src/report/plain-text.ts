/**
 * Text from a PDF is untrusted. In a terminal or a CI log, control characters can move the cursor,
 * recolour or hide output, and bidirectional overrides can reorder what is shown. Formats that print
 * text as-is (text, github, md, csv) pass every PDF string through `oneLine` first.
 */

// C0 and C1 controls, DEL, and the bidi embedding/override/isolate controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\n\r\u2028\u2029\u0085]+/g;

/** Line breaks and tabs become one space; other control characters become U+FFFD; the result is trimmed. */
export function oneLine(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(UNSAFE, '\uFFFD')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * The bidirectional controls: embeddings and overrides (U+202A–202E), isolates (U+2066–2069) and the marks
 * (U+200E, U+200F, U+061C). A file named `report\u202Efdp.exe` shows as "reportexe.pdf" wherever it is printed.
 */
// eslint-disable-next-line no-misleading-character-class
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name shown to people (a file name, a message quoting one) with every bidi control written out as its code
 * point, `<U+202E>`: nothing can reorder what a reader sees, and the reader sees that something tried. Used by the
 * HTML report and the terminal output alike.
 */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Shortens to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
