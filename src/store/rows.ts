/**
 * The rows of the store's tables (schema.ts) and how a document's result becomes them. Each table's columns
 * are listed once, checked against its row type by the compiler; the SQL that writes them is built from that
 * list (statements.ts).
 */
import type { DocumentResult } from '../model/result.js';
import type { Fingerprint, RecordedLimits } from './cache-key.js';

export interface DocumentRow {
  sha256: string;
  file: string;
  pages: number;
  language: string;
  organisation: string | null;
  organisation_source: string | null;
  kind: string | null;
  kind_source: string | null;
  period: string | null;
  period_source: string | null;
  error_code: string | null;
  error_message: string | null;
  goals: number;
  green: number;
  flagged_green: number;
  analysed_at: string;
  analysis_ms: number | null;
  cache_key: string;
  tool_version: string | null;
  rules_hash: string | null;
  model_hash: string | null;
  config_hash: string | null;
  limits_json: string | null;
  result_json: string;
}

export interface FileRow {
  path: string;
  sha256: string;
  seen_at: string;
}

/** A row of `analyses` as written (its `id` is SQLite's). */
export interface AnalysisRow {
  doc_sha256: string;
  file: string;
  cache_key: string;
  analysed_at: string;
  ms: number | null;
  error_code: string | null;
}

interface GoalRow {
  doc_sha256: string;
  ordinal: number;
  goal_id: string;
  title: string;
  page: number;
  status: string;
  status_source: string;
  orientation: string;
  evidence: string;
  flagged: number;
  flag_codes: string;
  sentences: number;
  resident_facing: number;
}

interface SentenceRow {
  doc_sha256: string;
  goal_ordinal: number;
  goal_id: string;
  ordinal: number;
  page: number;
  label: string;
  resident_facing: number;
  confidence: number;
  reasons: string;
  text: string;
}

interface IndicatorRow {
  doc_sha256: string;
  goal_ordinal: number;
  goal_id: string;
  ordinal: number;
  name: string;
  page: number;
  status: string;
  resident_facing: number;
  values_json: string;
}

interface FlagRow {
  doc_sha256: string;
  goal_ordinal: number;
  goal_id: string;
  ordinal: number;
  code: string;
  level: string;
  message: string;
}

/** A table's columns in order; the object literal must name every field of the row type and no other. */
const columns = <Row>(all: Record<keyof Row, true>) => Object.keys(all) as (keyof Row & string)[];

export const COLUMNS = {
  documents: columns<DocumentRow>({
    sha256: true, file: true, pages: true, language: true, organisation: true, organisation_source: true, kind: true, kind_source: true,
    period: true, period_source: true, error_code: true, error_message: true, goals: true, green: true,
    flagged_green: true, analysed_at: true, analysis_ms: true, cache_key: true, tool_version: true, rules_hash: true,
    model_hash: true, config_hash: true, limits_json: true, result_json: true,
  }),
  files: columns<FileRow>({ path: true, sha256: true, seen_at: true }),
  analyses: columns<AnalysisRow>({ doc_sha256: true, file: true, cache_key: true, analysed_at: true, ms: true, error_code: true }),
  goals: columns<GoalRow>({
    doc_sha256: true, ordinal: true, goal_id: true, title: true, page: true, status: true, status_source: true, orientation: true,
    evidence: true, flagged: true, flag_codes: true, sentences: true, resident_facing: true,
  }),
  sentences: columns<SentenceRow>({
    doc_sha256: true, goal_ordinal: true, goal_id: true, ordinal: true, page: true, label: true, resident_facing: true,
    confidence: true, reasons: true, text: true,
  }),
  indicators: columns<IndicatorRow>({
    doc_sha256: true, goal_ordinal: true, goal_id: true, ordinal: true, name: true, page: true, status: true,
    resident_facing: true, values_json: true,
  }),
  flags: columns<FlagRow>({ doc_sha256: true, goal_ordinal: true, goal_id: true, ordinal: true, code: true, level: true, message: true }),
};

/** The tables rebuilt from a document's result each time it is stored. */
export const GOAL_TABLES = ['goals', 'sentences', 'indicators', 'flags'] as const;

export interface PutMeta {
  fingerprint?: Fingerprint;
  limits?: RecordedLimits;
  /** Wall time of the analysis in the worker. */
  ms?: number;
  /** ISO time; default now. */
  analysedAt?: string;
}

export function documentRow(result: DocumentResult, cacheKey: string, meta: PutMeta, analysedAt: string): DocumentRow {
  return {
    sha256: result.sha256,
    file: result.file,
    pages: result.pages,
    language: result.language,
    // Results stored by a verkstad that did not read them have no such fields.
    organisation: result.organisation?.value ?? null,
    organisation_source: result.organisation?.source ?? null,
    kind: result.kind?.value ?? null,
    kind_source: result.kind?.source ?? null,
    period: result.period?.value ?? null,
    period_source: result.period?.source ?? null,
    error_code: result.error?.code ?? null,
    error_message: result.error?.message ?? null,
    goals: result.goals.length,
    green: result.summary.byStatus.green,
    flagged_green: result.summary.flaggedGreen,
    analysed_at: analysedAt,
    analysis_ms: meta.ms ?? null,
    cache_key: cacheKey,
    tool_version: meta.fingerprint?.tool ?? null,
    rules_hash: meta.fingerprint?.rules ?? null,
    model_hash: meta.fingerprint?.model ?? null,
    config_hash: meta.fingerprint?.config ?? null,
    limits_json: meta.limits ? JSON.stringify(meta.limits) : null,
    result_json: JSON.stringify(result),
  };
}

/** The rows of the goal tables for one document: each goal, its sentences, indicators and flags. */
export function goalRows(result: DocumentResult): { goals: GoalRow[]; sentences: SentenceRow[]; indicators: IndicatorRow[]; flags: FlagRow[] } {
  const rows = { goals: [] as GoalRow[], sentences: [] as SentenceRow[], indicators: [] as IndicatorRow[], flags: [] as FlagRow[] };
  const doc_sha256 = result.sha256;
  result.goals.forEach((g, goal_ordinal) => {
    const goal_id = g.id;
    rows.goals.push({
      doc_sha256, ordinal: goal_ordinal, goal_id, title: g.title, page: g.page, status: g.status, status_source: g.statusSource,
      orientation: g.orientation, evidence: g.evidence, flagged: g.flags.length > 0 ? 1 : 0, flag_codes: g.flags.map((f) => f.code).join(','),
      sentences: g.sentences.length, resident_facing: g.sentences.filter((x) => x.residentFacing).length,
    });
    g.sentences.forEach((x, ordinal) => {
      rows.sentences.push({
        doc_sha256, goal_ordinal, goal_id, ordinal, page: x.page, label: x.label, resident_facing: x.residentFacing ? 1 : 0,
        confidence: x.confidence, reasons: x.reasons.join(','), text: x.text,
      });
    });
    g.indicators.forEach((ind, ordinal) => {
      rows.indicators.push({
        doc_sha256, goal_ordinal, goal_id, ordinal, name: ind.name, page: ind.page, status: ind.status,
        resident_facing: ind.residentFacing ? 1 : 0, values_json: JSON.stringify(ind.values),
      });
    });
    g.flags.forEach((f, ordinal) => {
      rows.flags.push({ doc_sha256, goal_ordinal, goal_id, ordinal, code: f.code, level: f.level, message: f.message });
    });
  });
  return rows;
}
