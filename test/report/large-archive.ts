import { createHash } from 'node:crypto';
import type { DocumentResult } from '../../src/model/result.js';
import { swedishDocument } from './sample-results.js';

/**
 * `n` reports of `n / 5` made-up organisations over five years, each the Swedish sample with its flagged goals: an
 * archive large enough for report.html to go into pages (src/report/html-pages.ts).
 */
export function largeArchive(n: number): DocumentResult[] {
  return Array.from({ length: n }, (_, i) => {
    const file = `arkiv/kommun-${Math.floor(i / 5)}-${2021 + (i % 5)}.pdf`;
    return {
      ...swedishDocument,
      file,
      paths: [file],
      sha256: createHash('sha256').update(file).digest('hex'),
      organisation: { value: `Kommun ${Math.floor(i / 5)}`, source: 'first-page' },
      period: { value: String(2021 + (i % 5)), source: 'first-page' },
    };
  });
}
