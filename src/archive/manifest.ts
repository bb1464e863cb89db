/**
 * The outputs manifest, `.verkstad-outputs.json` in the output folder: the tool version and, for every document,
 * its path, content hash and output file. The outputs are a pure function of the results, so when a rerun brings
 * the same manifest and every file is there they are left as they are: a finished archive reruns in seconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveDigest } from '../report/streamed.js';
import { documentOutputNames as outputNamesFor } from './output-names.js';

const MANIFEST = '.verkstad-outputs.json';

/** What an archive's output folder holds besides each document's own JSON. */
export const ARCHIVE_OUTPUTS = ['summary.csv', 'report.html', 'verkstad.json'] as const;

/** Each document's output file in input order (output-names.ts: under documents/, names that cannot collide). */
export function documentOutputNames(digest: ArchiveDigest): string[] {
  return outputNamesFor(digest.documents.map((d) => d.file));
}

/** The manifest of outputs written for `digest` with these document file names. */
export function manifestText(digest: ArchiveDigest, names: readonly string[]): string {
  return JSON.stringify({ version: digest.head.tool.version, documents: digest.documents.map((d, i) => [d.file, d.sha256, names[i]]) });
}

export function manifestFile(dir: string): string {
  return path.join(dir, MANIFEST);
}

/** `dir` holds this manifest and every output it names. */
export function manifestHolds(dir: string, manifest: string, names: readonly string[]): boolean {
  const file = manifestFile(dir);
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === manifest && [...names, ...ARCHIVE_OUTPUTS].every((f) => fs.existsSync(path.join(dir, f)));
}
