import fs from 'node:fs';
import path from 'node:path';
import { openAtomic, writeFileAtomic, type AtomicFile } from '../io/atomic.js';
import { CsvOptions } from '../model/csv-options.js';
import type { DocumentResult } from '../model/result.js';
import { csvParts } from '../report/csv.js';
import { formatGoalsOverTimeCsv } from '../report/goals-over-time-csv.js';
import { htmlParts } from '../report/html.js';
import { PAGES_DIR, pagedHtml, splitsReport } from '../report/html-pages.js';
import { documentJsonChunk, jsonParts } from '../report/json.js';
import type { ArchiveDigest, StreamedFormat } from '../report/streamed.js';
import type { Store } from '../store/sqlite.js';
import { analysisHead } from './analysis.js';
import { ArchiveCollector } from './collector.js';
import { atPaths } from './copies.js';
import { documentOutputNames, manifestFile, manifestHolds, manifestText, previousDocumentOutputs, writingManifestText } from './manifest.js';
import { reportLinks, type LinkMode } from './report-links.js';
import { removeStaleOutputs } from './stale-outputs.js';

/** How an archive's outputs are written, besides the results themselves. */
export interface OutputOptions {
  /** summary.csv's delimiter (default `,`) and byte-order mark (default true). */
  csv?: Partial<CsvOptions>;
  /** summary.csv's name for a file (the CLI: relative to its input root). Default: the path as given. */
  fileLabel?: (file: string) => string;
  /** report.html's page links: relative from the output folder to each input (default), or absolute `file:` URLs. */
  links?: LinkMode;
}

/**
 * Writes per-document JSON, summary.csv, goals_over_time.csv, report.html and verkstad.json, each atomically, walking the documents
 * once (they may come from the store one at a time), then removes the per-document files an earlier run wrote
 * here for documents this run did not have (stale-outputs.ts). With `unchanged` (every document came from the
 * store) and the manifest and its files all there, nothing is written. Returns whether the outputs were written.
 */
export async function writeOutputs(
  dir: string,
  digest: ArchiveDigest,
  documents: Iterable<DocumentResult>,
  opts: OutputOptions & { unchanged?: boolean } = {},
): Promise<boolean> {
  fs.mkdirSync(dir, { recursive: true });
  const docNames = documentOutputNames(digest);
  const link = reportLinks(dir, opts.links ?? 'relative');
  const label = opts.fileLabel ?? ((file: string) => file);
  const csv = CsvOptions.parse(opts.csv ?? {});
  const count = digest.documents.length;
  const paged = splitsReport(count)
    ? pagedHtml(digest, { documentLink: link, pageDocumentLink: reportLinks(path.join(dir, PAGES_DIR), opts.links ?? 'relative') })
    : null;
  const pageNames = paged ? [...Array.from({ length: paged.goalsPages }, (_, p) => paged.goalsFile(p)), ...paged.overTimePages.map((p) => p.file)] : [];
  const manifest = manifestText(digest, docNames, { link, label, csv }, pageNames);
  if (opts.unchanged && manifestHolds(dir, manifest, [...docNames, ...pageNames])) return false;
  const previous = previousDocumentOutputs(dir);
  // A crash while writing must not leave a manifest that vouches for half the files, nor lose the list of them.
  await writeFileAtomic(manifestFile(dir), writingManifestText([...previous, ...docNames, ...pageNames]));
  const json = jsonParts(digest.head, count);
  const sinks = [
    { file: 'verkstad.json', parts: json },
    { file: 'summary.csv', parts: csvParts({ ...csv, fileLabel: label }) },
    { file: 'goals_over_time.csv', parts: whole(formatGoalsOverTimeCsv(digest.head.goalsOverTime, { ...csv, fileLabel: label })) },
    { file: 'report.html', parts: paged ? whole(paged.index) : htmlParts(digest, { documentLink: link }) },
    ...(paged?.overTimePages.map((p) => ({ file: p.file, parts: whole(p.text) })) ?? []),
  ];
  if (paged) fs.mkdirSync(path.join(dir, PAGES_DIR), { recursive: true });
  const open = await Promise.all(sinks.map((s) => openAtomic(path.join(dir, s.file))));
  // The pages of goals, a document at a time like report.html: each opened at its first document.
  const pages: AtomicFile[] = [];
  let page = null as { index: number; parts: StreamedFormat; file: AtomicFile } | null;
  // Each document's own file is written (and fsync'ed) while the next document is turned into text.
  let pending: Promise<void> = Promise.resolve();
  try {
    for (let k = 0; k < sinks.length; k++) await open[k]!.write(sinks[k]!.parts.start);
    let i = 0;
    for (const d of documents) {
      if (i >= count) throw new Error('more documents than the digest counts');
      const chunk = documentJsonChunk(d);
      const own = jsonParts(analysisHead([d]), 1);
      await pending;
      pending = writeFileAtomic(path.join(dir, docNames[i]!), own.start + own.document(d, 0, chunk) + own.end);
      pending.catch(() => {}); // a failure is thrown by the next `await pending`, not reported as unhandled meanwhile
      await open[0]!.write(json.document(d, i, chunk));
      for (let k = 1; k < sinks.length; k++) await open[k]!.write(sinks[k]!.parts.document(d, i));
      if (paged) {
        const index = paged.pageOf(i);
        if (page?.index !== index) {
          if (page) await page.file.write(page.parts.end);
          page = { index, parts: paged.goalsPage(index), file: await openAtomic(path.join(dir, paged.goalsFile(index))) };
          pages.push(page.file);
          await page.file.write(page.parts.start);
        }
        await page.file.write(page.parts.document(d, i));
      }
      i++;
    }
    await pending;
    if (i !== count) throw new Error(`${i} documents written, the digest counts ${count}`);
    for (let k = 0; k < sinks.length; k++) await open[k]!.write(sinks[k]!.parts.end);
    if (page) await page.file.write(page.parts.end);
  } catch (e) {
    await pending.catch(() => {});
    await Promise.all([...open, ...pages].map((o) => o.discard()));
    throw e;
  }
  await Promise.all([...open, ...pages].map((o) => o.commit()));
  removeStaleOutputs(dir, previous, [...docNames, ...pageNames]);
  await writeFileAtomic(manifestFile(dir), manifest);
  return true;
}

/** A file written whole (from the digest), among the ones written a document at a time. */
function whole(text: string): StreamedFormat {
  return { start: text, document: () => '', end: '' };
}

/**
 * The outputs of every document `store` holds (after `verkstad merge`), walking it twice: once for the digest,
 * once to write. Copies (paths with the same content) are one document. Returns the number of documents.
 */
export async function writeOutputsFromStore(dir: string, store: Store, options: OutputOptions = {}): Promise<number> {
  const files = store.files();
  const collector = new ArchiveCollector(files.length);
  let i = 0;
  for (const d of store.eachResult(files)) collector.add(d, i++);
  const groups = collector.documentGroups();
  function* documents(): Generator<DocumentResult> {
    for (const group of groups) yield atPaths(store.resultFor(files[group[0]!]!)!, group.map((k) => files[k]!));
  }
  const digest = collector.digest();
  store.replaceGoalsOverTime(digest.head.goalsOverTime);
  await writeOutputs(dir, digest, { [Symbol.iterator]: documents }, options);
  return groups.length;
}
