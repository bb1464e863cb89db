import { SummaryTally } from '../assess/index.js';
import type { DocumentResult } from '../model/result.js';
import { GoalsOverTimeBuilder } from '../overtime/index.js';
import { DigestBuilder, type ArchiveDigest } from '../report/streamed.js';
import { headOf } from './analysis.js';
import { contentKey, groupCopies, mergeCopies } from './copies.js';

/**
 * Counts an archive's results into its digest as they arrive, in any order, so that a batch need not keep its
 * results: the summary is tallied as they come, each document is kept without its goals. Copies (the same content
 * at several paths) are counted once, as one document (copies.ts).
 */
export class ArchiveCollector {
  private readonly tally = new SummaryTally();
  private readonly overTime = new GoalsOverTimeBuilder();
  private readonly builder: DigestBuilder;
  private readonly keys: string[];
  private readonly counted = new Set<string>();
  private failed = 0;

  constructor(private readonly count: number) {
    this.builder = new DigestBuilder(count);
    this.keys = new Array<string>(count);
  }

  /** Counts the result of the file at `index` of the input. */
  add(result: DocumentResult, index: number): void {
    this.builder.add(result, index);
    this.overTime.add(result, index); // copies too: the first path in the input names the report
    const key = contentKey(result, index);
    this.keys[index] = key;
    if (this.counted.has(key)) return; // a copy of a document already counted
    this.counted.add(key);
    this.tally.add(result.goals);
    if (result.error) this.failed++;
  }

  /** The input files by document: each document's indexes in input order, the documents in order of their first. */
  documentGroups(): number[][] {
    return groupCopies(this.keys);
  }

  digest(): ArchiveDigest {
    const groups = this.documentGroups();
    const overTime = this.overTime.build();
    const files = this.builder.build(headOf(this.tally, this.count, this.failed, overTime));
    return mergeCopies(files, groups, headOf(this.tally, groups.length, this.failed, overTime));
  }
}
