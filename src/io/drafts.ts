import { createRequire } from 'node:module';
import type { Block, LayoutDocument, Line } from '../model/layout.js';

const require = createRequire(import.meta.url);

/**
 * Drafts that are not PDFs yet (Markdown, plain text, DOCX) become a one-page layout: headings from `#` lines
 * (or DOCX heading styles), paragraphs from blank-line-separated text. A goal's status is then written as a word
 * ("Status: grön").
 */
export async function draftToLayout(file: string, bytes: Uint8Array, kind: 'docx' | 'text'): Promise<LayoutDocument> {
  let markdown: string;
  if (kind === 'docx') {
    const mammoth = require('mammoth') as { convertToMarkdown?: (i: { buffer: Buffer }) => Promise<{ value: string }>; convertToHtml: (i: { buffer: Buffer }) => Promise<{ value: string }> };
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    markdown = htmlToMarkdownish(html);
  } else {
    markdown = Buffer.from(bytes).toString('utf8');
  }
  return markdownToLayout(markdown);
}

function htmlToMarkdownish(html: string): string {
  return html
    .replace(/<h([1-6])[^>]*>(.*?)<\/h\1>/g, (_m, n: string, t: string) => `\n${'#'.repeat(Number(n))} ${t}\n\n`)
    .replace(/<\/p>/g, '\n\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<li[^>]*>/g, '\n- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

export function markdownToLayout(text: string): LayoutDocument {
  const pages = text.split(/\f|\n-{3,}\s*page\s*break\s*-{3,}\n/i);
  return {
    numPages: pages.length,
    bodyFontSize: 10,
    pages: pages.map((pageText, pi) => {
      const blocks: Block[] = [];
      let y = 0;
      const line = (t: string, size: number, bold: boolean): Line => ({
        page: pi + 1, text: t, bbox: [0, y, 500, (y += size * 1.4)], fontSize: size, bold, italic: false, colour: null, role: 'body', marks: [],
      });
      let para: Line[] = [];
      const flush = () => {
        if (para.length) blocks.push({ kind: 'paragraph', page: pi + 1, bbox: [0, para[0].bbox[1], 500, y], lines: para });
        para = [];
      };
      for (const raw of pageText.split('\n')) {
        const t = raw.replace(/\s+$/, '');
        const h = /^(#{1,6})\s+(.*)$/.exec(t);
        if (h) {
          flush();
          const l = line(h[2].replace(/\*\*/g, '').trim(), 20 - h[1].length * 2, true);
          l.role = 'heading';
          blocks.push({ kind: 'heading', page: pi + 1, bbox: l.bbox, lines: [l], level: h[1].length });
          continue;
        }
        if (!t.trim()) { flush(); continue; }
        para.push(line(t.replace(/^[-*]\s+/, '').replace(/\*\*/g, '').trim(), 10, false));
        if (/^\s*(status|bedömning|rag)\s*:/i.test(t)) flush();
      }
      flush();
      return { number: pi + 1, width: 595, height: 842, columns: 1, blocks, furniture: [], looseMarks: [] };
    }),
  };
}
