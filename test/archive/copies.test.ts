import { describe, expect, it } from 'vitest';
import { ArchiveCollector } from '../../src/archive/collector.js';
import { atPaths, contentKey, groupCopies } from '../../src/archive/copies.js';
import type { DocumentResult } from '../../src/model/result.js';
import { sampleResult } from '../report/sample-results.js';

const [swedish, english, broken] = sampleResult.documents as [DocumentResult, DocumentResult, DocumentResult];
const copyOf = (d: DocumentResult, file: string): DocumentResult => ({ ...structuredClone(d), file, paths: [file] });

describe('copies', () => {
  it('groups input indexes by content, in input order; an unread file (no hash) is nobody’s copy', () => {
    expect(groupCopies(['a', 'b', 'a', 'c', 'b'])).toEqual([[0, 2], [1, 4], [3]]);
    expect(contentKey({ sha256: '' }, 3)).not.toBe(contentKey({ sha256: '' }, 4));
  });

  it('puts a document under all its paths, file first, in the public key order', () => {
    const d = atPaths(swedish, ['x/a.pdf', 'y/a.pdf']);
    expect(d.file).toBe('x/a.pdf');
    expect(d.paths).toEqual(['x/a.pdf', 'y/a.pdf']);
    expect(Object.keys(d).slice(0, 3)).toEqual(['file', 'paths', 'sha256']);
  });

  it('counts two copies once: one document with both paths, totals and flagged goals once', () => {
    const collector = new ArchiveCollector(4);
    // Results arrive in any order: the copy first.
    collector.add(copyOf(swedish, 'kopia/rapport.pdf'), 2);
    collector.add(english, 1);
    collector.add(copyOf(swedish, 'rapport.pdf'), 0);
    collector.add(broken, 3);
    const digest = collector.digest();
    expect(digest.documents.map((d) => [d.file, d.paths])).toEqual([
      ['rapport.pdf', ['rapport.pdf', 'kopia/rapport.pdf']],
      [english.file, [english.file]],
      [broken.file, [broken.file]],
    ]);
    const { greenWithResidentEvidence: _share, ...counts } = sampleResult.summary;
    expect(digest.head.summary).toMatchObject({ ...counts, documents: 3 });
    const flaggedOnce = [swedish, english].flatMap((d) => d.goals.filter((g) => g.flags.length)).length;
    expect(digest.flagged).toHaveLength(flaggedOnce);
    expect(digest.flagged.every((g) => g.document === digest.documents[g.documentIndex])).toBe(true);
    expect(collector.documentGroups()).toEqual([[0, 2], [1], [3]]);
  });
});
