import type { PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { tidy, type DraftBlock, type DraftLine, type DraftRow } from './draft.js';

/**
 * A Markdown draft as its parser sees it (CommonMark with GitHub tables): headings, paragraphs (one line per source
 * line, so that every line keeps its number), list items, quotes, tables. Form feeds split pages.
 */
export function readMarkdown(text: string): DraftBlock[] {
  const tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const sourceLines = text.split(/\r\n|\r|\n/);
  const pageOfLine = pagesByLine(sourceLines);
  const out: DraftBlock[] = [];
  let page = 1;
  const emit = (b: DraftBlock, line: number | undefined) => {
    for (const target = pageOfLine(line ?? 1); page < target; page++) out.push({ kind: 'page-break' });
    out.push(b);
  };
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      const line = n.position?.start.line;
      if (n.type === 'heading') emit({ kind: 'heading', level: n.depth, lines: inlineLines(n.children).map((l) => ({ ...l, bold: true })) }, line);
      else if (n.type === 'paragraph') emit({ kind: 'paragraph', lines: inlineLines(n.children) }, line);
      else if (n.type === 'table') emit({ kind: 'table', rows: tableRows(n) }, line);
      else if (n.type === 'code') emit({ kind: 'paragraph', lines: codeLines(n.value, line, sourceLines) }, line);
      else if (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote') walk(n.children);
      // Raw HTML blocks (comments, tags), rules and definitions carry no text a reader sees.
    }
  };
  walk(tree.children);
  for (const target = pageOfLine(Number.MAX_SAFE_INTEGER); page < target; page++) out.push({ kind: 'page-break' });
  return out.filter((b) => (b.kind !== 'paragraph' && b.kind !== 'heading') || b.lines.length);
}

/** The page each source line is on: form feeds before a line's text put the line on the next page. */
function pagesByLine(sourceLines: string[]): (line: number) => number {
  const pageAt: number[] = [];
  let page = 1;
  for (const l of sourceLines) {
    const leading = /^\s*/.exec(l)![0];
    page += (leading.match(/\f/g) ?? []).length;
    pageAt.push(page);
    page += (l.slice(leading.length).match(/\f/g) ?? []).length;
  }
  return (line) => pageAt[line - 1] ?? page;
}

interface Piece { text: string; line: number | undefined; bold: boolean }

/** Flattens inline content into text pieces, each with the source line it starts on and whether it is bold. */
function pieces(nodes: PhrasingContent[], bold: boolean, out: Piece[]): Piece[] {
  for (const n of nodes) {
    const line = n.position?.start.line;
    if (n.type === 'text' || n.type === 'inlineCode') out.push({ text: n.value, line, bold });
    else if (n.type === 'break') out.push({ text: '\n', line, bold });
    // A <br> is the only way to break a line inside a table cell; elsewhere it breaks one too.
    else if (n.type === 'html' && /^<br\s*\/?>$/i.test(n.value)) out.push({ text: '\u2028', line, bold });
    else if (n.type === 'html') continue; // other inline tags carry no text
    else if (n.type === 'image') out.push({ text: n.alt ?? '', line, bold });
    else if (n.type === 'strong') pieces(n.children, true, out);
    else if ('children' in n) pieces(n.children as PhrasingContent[], bold, out);
  }
  return out;
}

/**
 * One draft line per source line (and per <br>). A line is bold when every letter on it is: "**Mål 2: …**" is set
 * apart as a title, "**Status:** grön" is not.
 */
export function inlineLines(nodes: PhrasingContent[]): DraftLine[] {
  interface Acc { text: string; source: number | undefined; letters: number; boldLetters: number }
  const lines: Acc[] = [];
  const open = (source: number | undefined): Acc => {
    const acc = { text: '', source, letters: 0, boldLetters: 0 };
    lines.push(acc);
    return acc;
  };
  for (const p of pieces(nodes, false, [])) {
    let line = p.line;
    for (const part of p.text.split(/(\n|\u2028)/)) {
      const last = lines[lines.length - 1];
      if (part === '\n') {
        open(line === undefined ? undefined : ++line);
      } else if (part === '\u2028') {
        open(last?.source ?? line);
      } else {
        const acc = last ?? open(line);
        const letters = part.replace(/\s/g, '').length;
        acc.text += part;
        acc.letters += letters;
        if (p.bold) acc.boldLetters += letters;
      }
    }
  }
  return lines
    .map((l) => ({ text: tidy(l.text), bold: l.letters > 0 && l.boldLetters === l.letters, ...(l.source !== undefined ? { source: l.source } : {}) }))
    .filter((l) => l.text);
}

function tableRows(t: MdTable): DraftRow[] {
  return t.children.map((row, r) => ({
    cells: row.children.map((cell, column) => ({
      column,
      span: 1,
      // The header row is drawn bold, as every Markdown renderer draws it.
      lines: inlineLines(cell.children).map((l) => (r === 0 ? { ...l, bold: true } : l)),
    })),
  }));
}

/** A fenced block's text starts on the line after its fence; an indented block's on its own first line. */
function codeLines(value: string, start: number | undefined, sourceLines: string[]): DraftLine[] {
  const first = start === undefined ? undefined : /^\s*(```|~~~)/.test(sourceLines[start - 1] ?? '') ? start + 1 : start;
  return value.split('\n').flatMap((l, k) => (tidy(l) ? [{ text: tidy(l), bold: false, ...(first !== undefined ? { source: first + k } : {}) }] : []));
}
