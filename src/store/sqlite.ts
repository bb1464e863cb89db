/**
 * The result store: one SQLite file (`<out>/verkstad.sqlite`, WAL mode) holding every analysed document,
 * written one transaction per document as the batch goes, so a crash loses at most the documents that
 * were being analysed. Results are keyed by content (sha256) and reused when the cache key matches.
 * Schema and example queries: src/store/README.md.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentResult } from '../model/result.js';
import { boundedFailureStillHolds, type Fingerprint, type RecordedLimits } from './cache-key.js';

export { cacheKeyFor, type Fingerprint, type RecordedLimits } from './cache-key.js';

export const STORE_FILE = 'verkstad.sqlite';
/** Bumped when a table changes; a store written by a newer verkstad is refused rather than misread. */
export const STORE_SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  sha256        TEXT PRIMARY KEY,
  file          TEXT NOT NULL,
  pages         INTEGER NOT NULL,
  language      TEXT NOT NULL,
  error_code    TEXT,
  error_message TEXT,
  goals         INTEGER NOT NULL,
  green         INTEGER NOT NULL,
  flagged_green INTEGER NOT NULL,
  analysed_at   TEXT NOT NULL,
  analysis_ms   INTEGER,
  cache_key     TEXT NOT NULL,
  tool_version  TEXT,
  rules_hash    TEXT,
  model_hash    TEXT,
  config_hash   TEXT,
  limits_json   TEXT,
  result_json   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
  path    TEXT PRIMARY KEY,
  sha256  TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_sha256 ON files(sha256);
CREATE TABLE IF NOT EXISTS goals (
  doc_sha256        TEXT NOT NULL,
  ordinal           INTEGER NOT NULL,
  goal_id           TEXT NOT NULL,
  title             TEXT NOT NULL,
  page              INTEGER NOT NULL,
  status            TEXT NOT NULL,
  status_source     TEXT NOT NULL,
  orientation       TEXT NOT NULL,
  evidence          TEXT NOT NULL,
  flagged           INTEGER NOT NULL,
  flag_codes        TEXT NOT NULL,
  sentences         INTEGER NOT NULL,
  resident_facing   INTEGER NOT NULL,
  PRIMARY KEY (doc_sha256, ordinal)
);
CREATE TABLE IF NOT EXISTS sentences (
  doc_sha256      TEXT NOT NULL,
  goal_ordinal    INTEGER NOT NULL,
  goal_id         TEXT NOT NULL,
  ordinal         INTEGER NOT NULL,
  page            INTEGER NOT NULL,
  label           TEXT NOT NULL,
  resident_facing INTEGER NOT NULL,
  confidence      REAL NOT NULL,
  reasons         TEXT NOT NULL,
  text            TEXT NOT NULL,
  PRIMARY KEY (doc_sha256, goal_ordinal, ordinal)
);
CREATE TABLE IF NOT EXISTS indicators (
  doc_sha256      TEXT NOT NULL,
  goal_ordinal    INTEGER NOT NULL,
  goal_id         TEXT NOT NULL,
  ordinal         INTEGER NOT NULL,
  name            TEXT NOT NULL,
  page            INTEGER NOT NULL,
  status          TEXT NOT NULL,
  resident_facing INTEGER NOT NULL,
  values_json     TEXT NOT NULL,
  PRIMARY KEY (doc_sha256, goal_ordinal, ordinal)
);
CREATE TABLE IF NOT EXISTS flags (
  doc_sha256   TEXT NOT NULL,
  goal_ordinal INTEGER NOT NULL,
  goal_id      TEXT NOT NULL,
  ordinal      INTEGER NOT NULL,
  code         TEXT NOT NULL,
  level        TEXT NOT NULL,
  message      TEXT NOT NULL,
  PRIMARY KEY (doc_sha256, goal_ordinal, ordinal)
);
CREATE TABLE IF NOT EXISTS analyses (
  id          INTEGER PRIMARY KEY,
  doc_sha256  TEXT NOT NULL,
  file        TEXT NOT NULL,
  cache_key   TEXT NOT NULL,
  analysed_at TEXT NOT NULL,
  ms          INTEGER,
  error_code  TEXT,
  UNIQUE (doc_sha256, cache_key, analysed_at, file)
);
CREATE INDEX IF NOT EXISTS analyses_doc ON analyses(doc_sha256);
CREATE VIEW IF NOT EXISTS errors AS
  SELECT d.sha256 AS doc_sha256, f.path AS file, d.error_code AS code, d.error_message AS message
  FROM files f JOIN documents d ON d.sha256 = f.sha256
  WHERE d.error_code IS NOT NULL;
CREATE VIEW IF NOT EXISTS goals_by_file AS
  SELECT f.path AS file, g.*
  FROM files f JOIN goals g ON g.doc_sha256 = f.sha256;
`;

export interface PutMeta {
  fingerprint?: Fingerprint;
  limits?: RecordedLimits;
  /** Wall time of the analysis in the worker. */
  ms?: number;
  /** ISO time; default now. */
  analysedAt?: string;
}

interface DocumentRow {
  sha256: string;
  file: string;
  analysed_at: string;
  analysis_ms: number | null;
  cache_key: string;
  tool_version: string | null;
  rules_hash: string | null;
  model_hash: string | null;
  config_hash: string | null;
  limits_json: string | null;
  error_code: string | null;
  result_json: string;
}

const BOUNDED_CODES = new Set(['TIMEOUT', 'TOO_LARGE']);

/**
 * Opens (creating if needed) the store in `out`: a directory (the store is `<out>/verkstad.sqlite`) or a
 * path ending in `.sqlite` / `.db`.
 */
export function openStore(out: string, opts: { readonly?: boolean } = {}): Store {
  const file = /\.(sqlite3?|db)$/i.test(out) ? out : path.join(out, STORE_FILE);
  if (!opts.readonly) mkdirSync(path.dirname(file), { recursive: true });
  return new Store(file, opts);
}

export class Store {
  readonly db: Database.Database;
  private readonly stmt: ReturnType<Store['prepareReads']>;
  private readonly writes: ReturnType<Store['prepareWrites']> | null;
  private readonly putTx: (result: DocumentResult, cacheKey: string, meta: PutMeta, logAnalysis: boolean) => void;

  constructor(
    readonly file: string,
    opts: { readonly?: boolean } = {},
  ) {
    this.db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    this.db.pragma('busy_timeout = 10000');
    if (!opts.readonly) {
      this.db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL loses no committed transaction when the process dies (kill -9), only on power loss.
      this.db.pragma('synchronous = NORMAL');
    }
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > STORE_SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`${file} was written by a newer verkstad (store schema ${version}; this one reads ${STORE_SCHEMA_VERSION})`);
    }
    if (!opts.readonly) {
      this.db.exec(SCHEMA);
      if (version < STORE_SCHEMA_VERSION) this.db.pragma(`user_version = ${STORE_SCHEMA_VERSION}`);
    }
    this.stmt = this.prepareReads();
    this.writes = opts.readonly ? null : this.prepareWrites();
    this.putTx = this.db.transaction((result: DocumentResult, cacheKey: string, meta: PutMeta, logAnalysis: boolean) =>
      this.writeDocument(result, cacheKey, meta, logAnalysis),
    );
  }

  private prepareReads() {
    const db = this.db;
    return {
      lookup: db.prepare<[string, string], Pick<DocumentRow, 'result_json' | 'error_code' | 'limits_json'>>(
        'SELECT result_json, error_code, limits_json FROM documents WHERE sha256 = ? AND cache_key = ?',
      ),
      docBySha: db.prepare<[string], Pick<DocumentRow, 'result_json'>>('SELECT result_json FROM documents WHERE sha256 = ?'),
      fileSha: db.prepare<[string], { sha256: string }>('SELECT sha256 FROM files WHERE path = ?'),
    };
  }

  private prepareWrites() {
    const db = this.db;
    return {
      delGoals: db.prepare('DELETE FROM goals WHERE doc_sha256 = ?'),
      delSentences: db.prepare('DELETE FROM sentences WHERE doc_sha256 = ?'),
      delIndicators: db.prepare('DELETE FROM indicators WHERE doc_sha256 = ?'),
      delFlags: db.prepare('DELETE FROM flags WHERE doc_sha256 = ?'),
      upsertDoc: db.prepare(`INSERT INTO documents (sha256, file, pages, language, error_code, error_message, goals, green,
          flagged_green, analysed_at, analysis_ms, cache_key, tool_version, rules_hash, model_hash, config_hash, limits_json, result_json)
        VALUES (@sha256, @file, @pages, @language, @error_code, @error_message, @goals, @green, @flagged_green, @analysed_at,
          @analysis_ms, @cache_key, @tool_version, @rules_hash, @model_hash, @config_hash, @limits_json, @result_json)
        ON CONFLICT(sha256) DO UPDATE SET file = excluded.file, pages = excluded.pages, language = excluded.language,
          error_code = excluded.error_code, error_message = excluded.error_message, goals = excluded.goals,
          green = excluded.green, flagged_green = excluded.flagged_green, analysed_at = excluded.analysed_at,
          analysis_ms = excluded.analysis_ms, cache_key = excluded.cache_key, tool_version = excluded.tool_version,
          rules_hash = excluded.rules_hash, model_hash = excluded.model_hash, config_hash = excluded.config_hash, limits_json = excluded.limits_json,
          result_json = excluded.result_json`),
      insGoal: db.prepare(`INSERT INTO goals (doc_sha256, ordinal, goal_id, title, page, status, status_source, orientation,
          evidence, flagged, flag_codes, sentences, resident_facing)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insSentence: db.prepare(`INSERT INTO sentences (doc_sha256, goal_ordinal, goal_id, ordinal, page, label, resident_facing,
          confidence, reasons, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insIndicator: db.prepare(`INSERT INTO indicators (doc_sha256, goal_ordinal, goal_id, ordinal, name, page, status,
          resident_facing, values_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insFlag: db.prepare(`INSERT INTO flags (doc_sha256, goal_ordinal, goal_id, ordinal, code, level, message)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      upsertFile: db.prepare(`INSERT INTO files (path, sha256, seen_at) VALUES (?, ?, ?)
        ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, seen_at = excluded.seen_at`),
      insAnalysis: db.prepare(`INSERT OR IGNORE INTO analyses (doc_sha256, file, cache_key, analysed_at, ms, error_code)
        VALUES (?, ?, ?, ?, ?, ?)`),
    };
  }

  private get w(): ReturnType<Store['prepareWrites']> {
    if (!this.writes) throw new Error(`${this.file} is open read-only`);
    return this.writes;
  }

  /**
   * The stored result for this content under this cache key, with `file` set to `file` (the path it has now),
   * or null. A stored TIMEOUT / TOO_LARGE is only returned when `limits` are no more generous than the
   * limits it was produced under (a longer --timeout deserves a new try).
   */
  lookup(sha256: string, cacheKey: string, file?: string, limits?: RecordedLimits): DocumentResult | null {
    const row = this.stmt.lookup.get(sha256, cacheKey);
    if (!row) return null;
    if (row.error_code && BOUNDED_CODES.has(row.error_code)) {
      const stored = row.limits_json ? (JSON.parse(row.limits_json) as Partial<RecordedLimits>) : null;
      if (!boundedFailureStillHolds(stored, limits)) return null;
    }
    let result: DocumentResult;
    try {
      result = JSON.parse(row.result_json) as DocumentResult;
    } catch {
      return null;
    }
    if (file !== undefined) result.file = file;
    return result;
  }

  /**
   * Stores one analysed document (its row, its goals, sentences, indicators and flags, the path it was read
   * from, and one row in `analyses`) in a single transaction, replacing any earlier result for the same content.
   */
  put(result: DocumentResult, cacheKey: string, meta: PutMeta = {}): void {
    this.putTx(result, cacheKey, meta, true);
  }

  /** Records that `file` currently holds the content `sha256` (a cache hit), so `allResults()` lists it. */
  recordFile(file: string, sha256: string, seenAt: string = new Date().toISOString()): void {
    this.w.upsertFile.run(file, sha256, seenAt);
  }

  /**
   * Stored results, for regenerating outputs. With `files`: one result per file that is in the store, in
   * that order (files never stored are left out). Without: every file the store has seen, sorted by path
   * (UTF-16 code units, as `expandInputs` sorts).
   */
  allResults(files?: readonly string[]): DocumentResult[] {
    return [...this.eachResult(files ?? this.files())];
  }

  /**
   * Like `allResults(files)`, one document at a time: the outputs of an archive are written from here without
   * holding the archive in memory. Each walk reads the store afresh.
   */
  *eachResult(files: readonly string[]): Generator<DocumentResult> {
    for (const file of files) {
      const result = this.resultFor(file);
      if (result) yield result;
    }
  }

  /** The stored result of the content `file` held when it was last analysed or seen, with `file` as its path. */
  resultFor(file: string): DocumentResult | null {
    const sha = this.stmt.fileSha.get(file)?.sha256;
    const row = sha ? this.stmt.docBySha.get(sha) : undefined;
    return row ? { ...(JSON.parse(row.result_json) as DocumentResult), file } : null;
  }

  /** Every path the store has a result for, sorted (UTF-16 code units, as `expandInputs` sorts). */
  files(): string[] {
    return (this.db.prepare('SELECT f.path FROM files f JOIN documents d ON d.sha256 = f.sha256').pluck().all() as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Row counts of every table, for tests and `verkstad merge` summaries. */
  counts(): Record<'documents' | 'files' | 'goals' | 'sentences' | 'indicators' | 'flags' | 'analyses', number> {
    const count = (t: string): number => (this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return {
      documents: count('documents'),
      files: count('files'),
      goals: count('goals'),
      sentences: count('sentences'),
      indicators: count('indicators'),
      flags: count('flags'),
      analyses: count('analyses'),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private writeDocument(result: DocumentResult, cacheKey: string, meta: PutMeta, logAnalysis: boolean): void {
    const s = this.w;
    const sha = result.sha256;
    const analysedAt = meta.analysedAt ?? new Date().toISOString();
    const stored: DocumentResult = { ...result };
    s.delGoals.run(sha);
    s.delSentences.run(sha);
    s.delIndicators.run(sha);
    s.delFlags.run(sha);
    s.upsertDoc.run({
      sha256: sha,
      file: result.file,
      pages: result.pages,
      language: result.language,
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
      result_json: JSON.stringify(stored),
    });
    result.goals.forEach((g, gi) => {
      const residentFacing = g.sentences.filter((x) => x.residentFacing).length;
      s.insGoal.run(sha, gi, g.id, g.title, g.page, g.status, g.statusSource, g.orientation, g.evidence,
        g.flags.length > 0 ? 1 : 0, g.flags.map((f) => f.code).join(','), g.sentences.length, residentFacing);
      g.sentences.forEach((x, si) => {
        s.insSentence.run(sha, gi, g.id, si, x.page, x.label, x.residentFacing ? 1 : 0, x.confidence, x.reasons.join(','), x.text);
      });
      g.indicators.forEach((ind, ii) => {
        s.insIndicator.run(sha, gi, g.id, ii, ind.name, ind.page, ind.status, ind.residentFacing ? 1 : 0, JSON.stringify(ind.values));
      });
      g.flags.forEach((f, fi) => {
        s.insFlag.run(sha, gi, g.id, fi, f.code, f.level, f.message);
      });
    });
    s.upsertFile.run(result.file, sha, analysedAt);
    if (logAnalysis) s.insAnalysis.run(sha, result.file, cacheKey, analysedAt, meta.ms ?? null, result.error?.code ?? null);
  }

  /** Copies one document row from another store (children are rebuilt from its result_json). */
  importDocument(row: DocumentRow): void {
    const result = JSON.parse(row.result_json) as DocumentResult;
    const limits = row.limits_json ? (JSON.parse(row.limits_json) as RecordedLimits) : undefined;
    const fingerprint =
      row.tool_version !== null
        ? { tool: row.tool_version, rules: row.rules_hash ?? '', model: row.model_hash ?? '', config: row.config_hash ?? undefined }
        : undefined;
    this.putTx({ ...result, file: row.file }, row.cache_key, { analysedAt: row.analysed_at, ms: row.analysis_ms ?? undefined, limits, fingerprint }, false);
  }
}

export interface MergeReport {
  /** Documents copied into the target (new content, or a newer analysis of stored content). */
  added: number;
  /** Documents the target already had with the same or a newer analysis. */
  kept: number;
  files: number;
}

/**
 * `verkstad merge`: copies the stores of shard runs into `target` (a directory or .sqlite path; created if
 * missing). Documents are keyed by content: when two stores hold the same document, the one with the
 * same cache key already in the target is kept, otherwise the later `analysed_at` wins. `files` rows are
 * merged by path (latest `seen_at` wins), `analyses` rows are all kept (duplicates ignored).
 * Each source is merged in one transaction.
 */
export function mergeStores(target: string | Store, sources: readonly string[]): MergeReport {
  const into = typeof target === 'string' ? openStore(target) : target;
  const report: MergeReport = { added: 0, kept: 0, files: 0 };
  try {
    for (const source of sources) {
      const from = openStore(source, { readonly: true });
      try {
        const mergeOne = into.db.transaction(() => {
          const docs = from.db.prepare('SELECT * FROM documents ORDER BY sha256').all() as DocumentRow[];
          const existing = into.db.prepare<[string], { cache_key: string; analysed_at: string }>(
            'SELECT cache_key, analysed_at FROM documents WHERE sha256 = ?',
          );
          for (const row of docs) {
            const have = existing.get(row.sha256);
            if (have && (have.cache_key === row.cache_key || have.analysed_at >= row.analysed_at)) {
              report.kept++;
              continue;
            }
            into.importDocument(row);
            report.added++;
          }
          const files = from.db.prepare('SELECT path, sha256, seen_at FROM files').all() as { path: string; sha256: string; seen_at: string }[];
          const upsert = into.db.prepare(`INSERT INTO files (path, sha256, seen_at) VALUES (?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, seen_at = excluded.seen_at WHERE excluded.seen_at > files.seen_at`);
          for (const f of files) report.files += upsert.run(f.path, f.sha256, f.seen_at).changes;
          const analyses = from.db.prepare('SELECT doc_sha256, file, cache_key, analysed_at, ms, error_code FROM analyses').all() as unknown[][];
          const ins = into.db.prepare(`INSERT OR IGNORE INTO analyses (doc_sha256, file, cache_key, analysed_at, ms, error_code)
            VALUES (@doc_sha256, @file, @cache_key, @analysed_at, @ms, @error_code)`);
          for (const a of analyses) ins.run(a);
        });
        mergeOne();
      } finally {
        from.close();
      }
    }
  } finally {
    if (typeof target === 'string') into.close();
  }
  return report;
}
