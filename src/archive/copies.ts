/**
 * Copies count once. An archive often holds the same report twice (a board's copy and the council's, a file saved
 * again under a new name): the batch analyses the content once, and the archive reports it once, as one document
 * listed under every path it was found at, so that totals, flags and the flagged goals are not inflated.
 */
import type { DocumentResult } from '../model/result.js';
import type { ArchiveDigest } from '../report/streamed.js';
import type { Store } from '../store/sqlite.js';

/** What copies share: the content's sha256. A file that could not be read has none and is nobody's copy. */
export function contentKey(result: Pick<DocumentResult, 'sha256'>, index: number): string {
  return result.sha256 || `unread:${index}`;
}

/** Input indexes grouped by key: each group in input order, the groups in the order of their first index. */
export function groupCopies(keys: readonly string[]): number[][] {
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()];
}

/** The document under all its paths: `file` is the first, `paths` every one (in the public JSON's key order). */
export function atPaths(result: DocumentResult, paths: readonly string[]): DocumentResult {
  const { file: _file, paths: _paths, ...rest } = result;
  return { file: paths[0]!, paths: [...paths], ...rest };
}

/**
 * A digest of every input file made into a digest of documents: each group of copies becomes its first file's
 * document under all the group's paths, and only that document's flagged goals stay. `head` is the summary
 * counted once per document.
 */
export function mergeCopies(digest: ArchiveDigest, groups: readonly number[][], head: ArchiveDigest['head']): ArchiveDigest {
  const position = new Map<number, number>();
  const documents = groups.map((group, j) => {
    position.set(group[0]!, j);
    return atPaths(digest.documents[group[0]!]!, group.map((i) => digest.documents[i]!.file));
  });
  const flagged = digest.flagged.flatMap((g) => {
    const j = position.get(g.documentIndex);
    return j === undefined ? [] : [{ ...g, document: documents[j]!, documentIndex: j }];
  });
  return { head, documents, flagged };
}

/**
 * The documents in input order, each copy group once under all its paths, as `read` gives each group's first: the
 * batch reads the store, or the few results the store could not take, or without a store its own results; drafts
 * analysed in-process read their results.
 */
export function* readBack(
  groups: readonly number[][],
  files: readonly string[],
  read: (index: number) => DocumentResult | null | undefined,
  store: Pick<Store, 'file'> | undefined,
): Generator<DocumentResult> {
  for (const group of groups) {
    const first = group[0]!;
    const result = read(first);
    if (!result) throw new Error(`The store has no result for ${files[first]}: was ${store?.file} changed during the run?`);
    yield atPaths(result, group.map((i) => files[i]!));
  }
}
