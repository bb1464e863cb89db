/**
 * A reused output folder does not lie. A run writes one JSON file per document in `documents/` beside summary.csv; when new
 * inputs go into an old `--out`, the per-document files of documents this run did not have would sit beside a
 * summary that does not list them. They are removed, but only files verkstad itself wrote there (as its outputs
 * manifest records): whatever else the folder holds is the user's. The store keeps every result it ever had, so
 * nothing is lost: a later run over those inputs writes their files again from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ARCHIVE_OUTPUTS } from './manifest.js';
import { DOCUMENTS_DIR } from './output-names.js';
import { PAGES_DIR } from '../report/html-pages.js';

/** A page of a large archive's report.html (src/report/html-pages.ts), by the only names verkstad gives them. */
const REPORT_PAGE = new RegExp(`^${PAGES_DIR}/(goals|over-time)-\\d+\\.html$`);

/**
 * A name the manifest may ask to remove: a bare `.json` file name in `documents/` (output-names.ts), or in the
 * folder itself as manifests before `documents/` named them, or a report page; never one of the archive's own
 * files, never a path that leads elsewhere.
 */
function removable(name: string): boolean {
  if (REPORT_PAGE.test(name)) return true;
  const inDocuments = name.startsWith(`${DOCUMENTS_DIR}/`);
  const file = inDocuments ? name.slice(DOCUMENTS_DIR.length + 1) : name;
  return (
    file.endsWith('.json') &&
    file === path.basename(file) &&
    !file.includes('\\') &&
    !file.startsWith('.') &&
    (inDocuments || !(ARCHIVE_OUTPUTS as readonly string[]).includes(file))
  );
}

/** Removes the per-document files of `previous` that this run did not write (`current`). Returns the removed names. */
export function removeStaleOutputs(dir: string, previous: readonly string[], current: readonly string[]): string[] {
  const keep = new Set(current);
  const stale = [...new Set(previous)].filter((name) => !keep.has(name) && removable(name));
  for (const name of stale) fs.rmSync(path.join(dir, name), { force: true });
  if (stale.some((name) => REPORT_PAGE.test(name))) {
    try {
      fs.rmdirSync(path.join(dir, PAGES_DIR)); // only when empty: whatever else is there is the user's
    } catch {
      // not empty, or gone
    }
  }
  return stale;
}
