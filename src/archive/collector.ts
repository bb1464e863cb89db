import { SummaryTally } from '../assess/index.js';
import type { DocumentResult } from '../model/result.js';
import { DigestBuilder, type ArchiveDigest } from '../report/streamed.js';
import { headOf } from './analysis.js';

/**
 * Counts an archive's results into its digest as they arrive, in any order, so that a batch need not keep its
 * results: the summary is tallied as they come, each document is kept without its goals.
 */
export class ArchiveCollector {
  private readonly tally = new SummaryTally();
  private readonly builder: DigestBuilder;
  private failed = 0;

  constructor(private readonly count: number) {
    this.builder = new DigestBuilder(count);
  }

  /** Counts the result of the document at `index` of the input. */
  add(result: DocumentResult, index: number): void {
    this.builder.add(result, index);
    this.tally.add(result.goals);
    if (result.error) this.failed++;
  }

  digest(): ArchiveDigest {
    return this.builder.build(headOf(this.tally, this.count, this.failed));
  }
}
