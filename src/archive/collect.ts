import type { DocumentResult } from '../model/result.js';
import type { ArchiveDigest } from '../report/streamed.js';
import { runBatchWithStats, type BatchOptions, type BatchStats } from '../batch/run.js';
import type { Store } from '../store/sqlite.js';
import { ArchiveCollector } from './collector.js';
import { readBack } from './copies.js';

/**
 * An archive analysed: its digest, its documents (to walk in input order; copies of one content are one document
 * listed under every path), and the batch's figures.
 */
export interface CollectedArchive {
  digest: ArchiveDigest;
  documents: Iterable<DocumentResult>;
  stats: BatchStats;
  /** Every document came from the store: the outputs of the last run over these inputs still hold. */
  fromStore: boolean;
}

/** What the batch is asked; the store, and what is kept of the results, are the archive's business. */
export type CollectOptions = Omit<BatchOptions, 'store' | 'retainResults' | 'onResult'>;

/**
 * Every document goes through the batch layer — worker threads, a time and memory bound per document, the
 * store as cache — also when there is only one: a single hostile PDF must not take the CLI down either.
 *
 * With a store the batch keeps no results: each one is counted into the digest as it arrives and the documents
 * are read back from the store, one at a time, when the outputs are written. Rejects as the batch does
 * (BatchAbortedError, BatchError, RuleLoadError).
 */
export async function collectArchive(files: readonly string[], options: CollectOptions, store?: Store): Promise<CollectedArchive> {
  const collector = new ArchiveCollector(files.length);
  const unstored = new Map<number, DocumentResult>();
  const { results, stats } = await runBatchWithStats(files, {
    ...options,
    store,
    retainResults: !store,
    onResult: (result, index, info) => {
      collector.add(result, index);
      if (store && !info.stored) unstored.set(index, result);
    },
  });
  const groups = collector.documentGroups();
  const read = (i: number): DocumentResult | null | undefined => (store ? unstored.get(i) ?? store.resultFor(files[i]!) : results[i]);
  const documents: Iterable<DocumentResult> = { [Symbol.iterator]: () => readBack(groups, files, read, store) };
  const digest = collector.digest();
  // Across the documents of this run: the table answers for the archive just analysed, as the outputs do.
  store?.replaceGoalsOverTime(digest.head.goalsOverTime);
  return { digest, documents, stats, fromStore: stats.cached === stats.documents };
}
