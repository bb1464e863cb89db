/**
 * What an HTML golden compares: the page's visible structure and data as an indented outline of elements (tag,
 * id, classes, attributes) and text, parsed by htmlparser2 the way a browser would read the markup. Left out are
 * the stylesheet and the script (one check of their own in test/report/html.test.ts: present, allowed by the CSP's
 * hashes, nothing else runs) and, in the CSP, the hashes that follow from them. Whitespace that only lays out the
 * source is dropped; a space between inline elements, which shows, is kept. Invisible characters (no-break space,
 * bidi controls) are written as \u escapes so that a diff shows them.
 *
 * Because the markup is parsed, text that should be escaped and is not shows up as elements in the outline, and
 * an escaped `<script>` in a goal title shows up as the text it is.
 */
import { ElementType, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];

/** Contents not compared, with where they are checked instead. */
const NOT_COMPARED: Record<string, string> = {
  style: '[stylesheet: checked by test/report/html.test.ts]',
  script: '[script: checked by test/report/html.test.ts]',
};

const HTML_SPACE = /[ \t\n\f\r]+/g;
const INVISIBLE = /[\p{Cf}\p{Zs}\u007f-\u009f]/gu;

function quote(text: string): string {
  return JSON.stringify(text).replace(INVISIBLE, (c) => (c === ' ' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A text node as shown, or null when it only lays out the source (whitespace with a line break). */
function shownText(data: string): string | null {
  if (/^[ \t\n\f\r]*$/.test(data) && /[\n\r]/.test(data)) return null;
  const text = data.replace(HTML_SPACE, ' ');
  return text === '' ? null : text;
}

function describeElement(el: { name: string; attribs: Record<string, string> }): string {
  const attrs = { ...el.attribs };
  let head = el.name;
  if (attrs.id !== undefined) head += `#${attrs.id}`;
  if (attrs.class) head += attrs.class.trim().split(/\s+/).map((c) => `.${c}`).join('');
  delete attrs.id;
  delete attrs.class;
  for (const [name, value] of Object.entries(attrs)) {
    const shown = name === 'content' && attrs['http-equiv'] === 'Content-Security-Policy' ? value.replace(/'sha256-[^']*'/g, "'sha256-…'") : value;
    head += value === '' ? ` ${name}` : ` ${name}=${quote(shown)}`;
  }
  return head;
}

export function htmlOutline(html: string): string {
  const lines: string[] = [];
  const walk = (nodes: Node[], depth: number): void => {
    const indent = '  '.repeat(depth);
    for (const node of nodes) {
      if (node.type === ElementType.Text) {
        const text = shownText(node.data);
        if (text !== null) lines.push(indent + quote(text));
      } else if (node.type === ElementType.Directive) {
        lines.push(`${indent}<${node.data}>`);
      } else if (node.type === ElementType.Comment) {
        lines.push(`${indent}<!--${node.data}-->`);
      } else if (node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style) {
        const head = describeElement(node);
        if (NOT_COMPARED[node.name]) {
          lines.push(`${indent}${head} ${NOT_COMPARED[node.name]}`);
          continue;
        }
        // An element holding a single text (a chip, a heading, a cell) on one line.
        const only = node.children.length === 1 && node.children[0]!.type === ElementType.Text ? shownText(node.children[0]!.data) : undefined;
        if (only !== undefined) lines.push(`${indent}${head}${only === null ? '' : ` ${quote(only)}`}`);
        else {
          lines.push(indent + head);
          walk(node.children, depth + 1);
        }
      } else {
        lines.push(`${indent}[${node.type}]`);
      }
    }
  };
  walk(parseDocument(html).children, 0);
  return `${lines.join('\n')}\n`;
}
