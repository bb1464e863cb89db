import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { err, fail, out } from '../console.js';
import { EXIT } from '../exit.js';
import { formatLayoutText } from '../layout-text.js';
import { pageRanges } from '../options.js';

interface ExtractOptions {
  format: 'json' | 'text';
  raw?: boolean;
  pages?: [number, number][];
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('show the extracted layout of a PDF: pages, blocks, tables, status marks')
    .argument('<file>', 'a PDF')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('text'))
    .option('--raw', 'print the raw extraction (text items and marks) instead of the layout')
    .option('--pages <list>', 'only these pages, e.g. 3,5-7', pageRanges)
    .action(extract);
}

async function extract(file: string, opts: ExtractOptions): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    fail(e);
  }
  try {
    // pdfjs is loaded here, in the one command that reads a PDF in this thread; the others start without it.
    const { extractDocument } = await import('../../extract/index.js');
    const { layoutDocument } = await import('../../layout/index.js');
    const doc = await extractDocument(bytes);
    const only = parsePages(opts.pages, doc.numPages);
    if (opts.raw) {
      const pages = doc.pages.filter((p) => !only || only.has(p.number));
      out(JSON.stringify({ ...doc, pages }, null, opts.format === 'json' ? 2 : 0));
      return;
    }
    const layout = layoutDocument(doc);
    const pages = layout.pages.filter((p) => !only || only.has(p.number));
    out(opts.format === 'json' ? JSON.stringify({ ...layout, pages }, null, 2) : formatLayoutText({ ...layout, pages }));
  } catch (e) {
    const f = e as { code?: string; message: string };
    err(`${file}: ${f.code ?? 'INTERNAL'}: ${f.message}`);
    process.exitCode = EXIT.usage;
  }
}

/** `3,5-7` (read by `pageRanges`) → {3, 5, 6, 7}, up to the document's last page; no list → every page. */
function parsePages(ranges: [number, number][] | undefined, n: number): Set<number> | null {
  if (!ranges) return null;
  const set = new Set<number>();
  for (const [a, b] of ranges) for (let p = a; p <= Math.min(b, n); p++) set.add(p);
  return set;
}
