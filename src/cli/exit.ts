import type { Level } from '../model/result.js';
import type { ArchiveDigest } from '../report/streamed.js';

/** The three exit codes (DESIGN.md). */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const RANK: Record<Level | 'none', number> = { note: 1, warning: 2, error: 3, none: 99 };

/** 2 when a document could not be analysed, else 1 when a flag is at or above `failOn`, else 0. */
export function exitCodeFor(digest: ArchiveDigest, failOn: Level | 'none'): number {
  if (digest.documents.some((d) => d.error)) return EXIT.usage;
  const worst = Math.max(0, ...digest.flagged.flatMap((g) => g.goal.flags.map((f) => RANK[f.level])));
  return worst >= RANK[failOn] ? EXIT.findings : EXIT.ok;
}
