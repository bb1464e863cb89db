import path from 'node:path';
import picomatch from 'picomatch';
import type { DocumentOverride } from '../model/identity.js';

/**
 * `documents:` in the configuration, for archives whose reports do not say whose they are: each entry's globs
 * against the file's path as given and every tail of it (so `lund/**` matches `archive/lund/2025/ar.pdf`, and
 * `*.pdf` any PDF), and the values of every matching entry, a later entry winning over an earlier one.
 */
export type OverrideValues = Partial<Record<'organisation' | 'kind' | 'period', string>>;

const matchers = new WeakMap<DocumentOverride, (test: string) => boolean>();

function matcherOf(o: DocumentOverride): (test: string) => boolean {
  let m = matchers.get(o);
  if (!m) {
    m = picomatch(o.match, { dot: true });
    matchers.set(o, m);
  }
  return m;
}

/** The file's path and its tails, with forward slashes: "a/b/c.pdf", "b/c.pdf", "c.pdf". */
function tails(file: string): string[] {
  const parts = path.normalize(file).split(/[\\/]+/).filter((p) => p && p !== '.');
  return parts.map((_, i) => parts.slice(i).join('/'));
}

export function overridesFor(file: string, overrides: readonly DocumentOverride[]): OverrideValues {
  const out: OverrideValues = {};
  const paths = tails(file);
  for (const o of overrides) {
    const matches = matcherOf(o);
    if (!paths.some((p) => matches(p))) continue;
    if (o.organisation !== undefined) out.organisation = o.organisation;
    if (o.kind !== undefined) out.kind = o.kind;
    if (o.period !== undefined) out.period = o.period;
  }
  return out;
}
