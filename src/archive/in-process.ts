/**
 * A few small Markdown or text drafts, analysed in the calling thread instead of through the batch's workers.
 *
 * `verkstad check draft.md` in CI should answer at once. Through the batch it started a worker thread, which loaded
 * the rules and the model a second time (the CLI had loaded them to report rule errors first): measured at about
 * half of the command's time. A worker is there to bound what a document can cost from outside the parser: time,
 * memory, a crash. A PDF needs that (a decompression bomb, a parser stuck in a loop), and so does a DOCX, which is
 * a zip and can expand a thousandfold. Markdown and plain text cannot: they are read once, line by line, and the
 * work is linear in their length, so a bound on their size is a bound on their time and memory. Hence: every input
 * a Markdown or text file of at most IN_PROCESS_MAX_BYTES (its content checked, not only its name), together at most
 * IN_PROCESS_MAX_TOTAL_BYTES, and no store to read or fill (a run with --out, whose cache and resume are the
 * batch's business). Anything else goes through the batch as before.
 *
 * The results are the batch's: the same pipeline on the same bytes, and the same content twice is one analysis.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { BatchStats } from '../batch/options.js';
import type { DocumentResult } from '../model/result.js';
import { analyzeBytes, inputKind, type PipelineContext } from '../pipeline.js';
import { ArchiveCollector } from './collector.js';
import type { CollectedArchive } from './collect.js';
import { readBack } from './copies.js';

/** A draft larger than this goes through the batch: ~250 pages of text, far beyond any draft report. */
export const IN_PROCESS_MAX_BYTES = 1024 ** 2;
/** All of them together: past this a batch on several cores is the faster way anyway. */
export const IN_PROCESS_MAX_TOTAL_BYTES = 4 * 1024 ** 2;

/** The bytes of every file when all of them are drafts that may be analysed in-process; else null. */
export async function draftsForInProcess(files: readonly string[], maxBytes = Infinity): Promise<Uint8Array[] | null> {
  const limit = Math.min(IN_PROCESS_MAX_BYTES, maxBytes);
  const out: Uint8Array[] = [];
  let total = 0;
  for (const file of files) {
    const size = (await stat(file).catch(() => null))?.size;
    if (size === undefined || size > limit || (total += size) > IN_PROCESS_MAX_TOTAL_BYTES) return null;
    const bytes = await readFile(file).catch(() => null);
    if (!bytes || bytes.length > limit || inputKind(file, bytes) !== 'text') return null;
    out.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return out;
}

/** Analyses `files` (with their `bytes`, from draftsForInProcess) in this thread, as the batch would. */
export async function collectInProcess(files: readonly string[], bytes: readonly Uint8Array[], ctx: PipelineContext): Promise<CollectedArchive> {
  const started = performance.now();
  const collector = new ArchiveCollector(files.length);
  const stats: BatchStats = { documents: files.length, analysed: 0, cached: 0, errors: 0, pages: 0, analysedPages: 0, elapsedMs: 0, peakRssMb: 0, rerunAlone: 0, workersStarted: 0, workerCpuMs: null, byError: {} };
  const results: DocumentResult[] = [];
  const bySha = new Map<string, DocumentResult>();
  for (const [i, file] of files.entries()) {
    const sha = createHash('sha256').update(bytes[i]!).digest('hex');
    const earlier = bySha.get(sha);
    const result = earlier ? { ...earlier, file } : await analyzeBytes(file, bytes[i]!, ctx);
    if (!earlier) bySha.set(sha, result);
    if (earlier) stats.cached++;
    else {
      stats.analysed++;
      stats.analysedPages += result.pages;
    }
    if (result.error) {
      stats.errors++;
      stats.byError[result.error.code] = (stats.byError[result.error.code] ?? 0) + 1;
    }
    stats.pages += result.pages;
    collector.add(result, i);
    results.push(result);
  }
  stats.elapsedMs = Math.round(performance.now() - started);
  stats.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // Copies are one document under all their paths, read back as collectArchive reads them.
  const groups = collector.documentGroups();
  const documents: Iterable<DocumentResult> = { [Symbol.iterator]: () => readBack(groups, files, (i) => results[i], undefined) };
  return { digest: collector.digest(), documents, stats, fromStore: false };
}
