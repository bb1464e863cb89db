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
export const ARCHIVE_OUTPUTS = ['summary.csv', 'goals_over_time.csv', 'report.html', 'verkstad.json'] as const;

/** Each document's output file in input order (output-names.ts: under documents/, names that cannot collide). */
export function documentOutputNames(digest: ArchiveDigest): string[] {
  return outputNamesFor(digest.documents.map((d) => d.file));
}

/**
 * What the outputs depend on besides the results: each document's link in report.html and how summary.csv names
 * its paths (both follow from where the folder and the inputs are), and summary.csv's delimiter and mark.
 */
export interface OutputsShape {
  link(file: string): string;
  label(file: string): string;
  csv: unknown;
}

/**
 * The manifest of outputs written for `digest` with these document file names: every document as
 * `[paths, sha256, output name, link, labels]` (the name third, where every manifest has had it).
 */
export function manifestText(digest: ArchiveDigest, names: readonly string[], shape: OutputsShape, pages: readonly string[] = []): string {
  return JSON.stringify({
    version: digest.head.tool.version,
    csv: shape.csv,
    documents: digest.documents.map((d, i) => [d.paths, d.sha256, names[i], shape.link(d.file), d.paths.map(shape.label)]),
    // report.html's pages, for a large archive (src/report/html-pages.ts); absent where there are none.
    ...(pages.length > 0 ? { pages } : {}),
  });
}

/**
 * Written while the outputs are being written, in place of the manifest: it vouches for nothing (it never equals a
 * manifest), and it names every per-document file of the last run and of this one, so that a run cut short still
 * leaves the next one the list of what verkstad wrote here.
 */
export function writingManifestText(files: readonly string[]): string {
  return JSON.stringify({ writing: true, files: [...new Set(files)].sort() });
}

/** The per-document files and report pages the folder's manifest (complete or not) says verkstad wrote; none without one. */
export function previousDocumentOutputs(dir: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(manifestFile(dir), 'utf8'));
  } catch {
    return []; // no manifest (or not ours): nothing here is known to be verkstad's
  }
  const m = parsed as { documents?: unknown; files?: unknown; pages?: unknown };
  const names = Array.isArray(m.files) ? m.files : Array.isArray(m.documents) ? m.documents.map((d) => (Array.isArray(d) ? d[2] : undefined)) : [];
  const pages = Array.isArray(m.pages) ? m.pages : [];
  return [...names, ...pages].filter((n): n is string => typeof n === 'string');
}

export function manifestFile(dir: string): string {
  return path.join(dir, MANIFEST);
}

/** `dir` holds this manifest and every output it names. */
export function manifestHolds(dir: string, manifest: string, names: readonly string[]): boolean {
  const file = manifestFile(dir);
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === manifest && [...names, ...ARCHIVE_OUTPUTS].every((f) => fs.existsSync(path.join(dir, f)));
}
