import type { DocumentOverride, Identified } from '../model/identity.js';
import type { LayoutDocument } from '../model/layout.js';
import type { RuleSet } from '../ruleset/load.js';
import type { IdentityField } from '../ruleset/schema.js';
import { overridesFor } from './overrides.js';
import { periodShown, periodStated } from './period.js';
import { sourcesOf, type SourceText } from './sources.js';
import { findIn } from './words.js';

/**
 * The identify stage: whose report a document is (the municipality, region or council, and the committee or nämnd
 * where one is named), what kind of report, and for which period, each with where it was read. The sources are read
 * in the order they are trusted (sources.ts); each value comes from the first source that gives it, the
 * organisation's two parts each from their own. The configuration's `documents:` globs override any of them.
 * What no source gives is null: unknown is an answer.
 */
export interface DocumentIdentity {
  organisation: Identified | null;
  kind: Identified | null;
  period: Identified | null;
}

export interface IdentifyInput {
  file: string;
  layout: LayoutDocument;
  /** The PDF's metadata (Title, Subject, Author …); empty for drafts. */
  info: Readonly<Record<string, string>>;
  rules: RuleSet;
  overrides: readonly DocumentOverride[];
}

function firstOf(sources: readonly SourceText[], read: (source: SourceText) => string | null): Identified | null {
  for (const s of sources) {
    const value = read(s);
    if (value) return { value, source: s.source };
  }
  return null;
}

const firstInLines = (field: IdentityField, rules: RuleSet) => (source: SourceText) => {
  for (const l of source.lines) {
    const found = findIn(l, field, rules);
    if (found) return found.value;
  }
  return null;
};

export function identifyDocument(input: IdentifyInput): DocumentIdentity {
  const { rules } = input;
  const sources = sourcesOf(input.file, input.layout, input.info);
  const body = firstOf(sources, firstInLines('organisation', rules));
  const committee = firstOf(sources, firstInLines('committee', rules));
  const organisation = body || committee ? { value: [body?.value, committee?.value].filter(Boolean).join(', '), source: (body ?? committee)!.source } : null;
  const read: DocumentIdentity = {
    organisation,
    kind: firstOf(sources, firstInLines('kind', rules)),
    period: firstOf(sources, (source) => periodStated(source, rules)) ?? firstOf(sources, (source) => periodShown(source, rules)),
  };
  const forced = overridesFor(input.file, input.overrides);
  for (const k of ['organisation', 'kind', 'period'] as const) if (forced[k] !== undefined) read[k] = { value: forced[k]!, source: 'config' };
  return read;
}
