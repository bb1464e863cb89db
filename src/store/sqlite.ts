/**
 * The result store: one SQLite file (`<out>/verkstad.sqlite`, WAL mode) holding every analysed document,
 * written one transaction per document as the batch goes, so a crash loses at most the documents that
 * were being analysed. Results are keyed by content (sha256) and reused when the cache key matches.
 * Schema and example queries: src/store/README.md.
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { IoError, withIoSync } from '../model/io-error.js';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentResult, GoalsOverTime } from '../model/result.js';
import { boundedFailureStillHolds, resultWithinLimits, type RecordedLimits } from './cache-key.js';
import { COLUMNS, documentRow, GOAL_TABLES, goalRows, type AnalysisRow, type DocumentRow, type FileRow, type PutMeta } from './rows.js';
import { GOAL_OVER_TIME_COLUMNS, goalOverTimeRows } from './over-time-rows.js';
import { ADDED_COLUMNS, SCHEMA, STORE_SCHEMA_VERSION } from './schema.js';
import { insertSql, selectSql } from './statements.js';

export { cacheKeyFor, type Fingerprint, type RecordedLimits } from './cache-key.js';
export type { PutMeta } from './rows.js';

export const STORE_FILE = 'verkstad.sqlite';

const BOUNDED_CODES = new Set(['TIMEOUT', 'TOO_LARGE']);

/**
 * Opens (creating if needed) the store in `out`: a directory (the store is `<out>/verkstad.sqlite`) or a
 * path ending in `.sqlite` / `.db`.
 */
export function openStore(out: string, opts: { readonly?: boolean } = {}): Store {
  const file = /\.(sqlite3?|db)$/i.test(out) ? out : path.join(out, STORE_FILE);
  if (!opts.readonly) withIoSync('create', path.dirname(file), () => mkdirSync(path.dirname(file), { recursive: true }));
  try {
    return new Store(file, opts);
  } catch (err) {
    if (err instanceof StoreVersionError) throw err;
    throw new IoError('open', file, whyNotOpened(file, err, opts.readonly ?? false));
  }
}

/**
 * SQLite says only "unable to open database file" (SQLITE_CANTOPEN) or "attempt to write a readonly database": the
 * file system says why (a read-only disk, no permission, a missing folder), and that is what a person can act on.
 */
function whyNotOpened(file: string, err: unknown, readonly: boolean): unknown {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^SQLITE_(CANTOPEN|READONLY|IOERR)/.test(code)) return err;
  for (const [target, mode] of [
    [file, readonly ? constants.R_OK : constants.R_OK | constants.W_OK],
    [path.dirname(file), readonly ? constants.R_OK : constants.W_OK],
  ] as const) {
    try {
      if (target !== file || existsSync(file)) accessSync(target, mode);
    } catch (fsErr) {
      return fsErr;
    }
  }
  return err;
}

/** A store written by a newer verkstad: refused rather than misread. */
export class StoreVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreVersionError';
  }
}

export interface MergeReport {
  /** Documents copied into the target (new content, or a newer analysis of stored content). */
  added: number;
  /** Documents the target already had with the same or a newer analysis. */
  kept: number;
  files: number;
}

export class Store {
  readonly db: Database.Database;
  private readonly reads: ReturnType<Store['prepareReads']>;
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
      throw new StoreVersionError(`${file} was written by a newer verkstad (store schema ${version}; this one reads ${STORE_SCHEMA_VERSION})`);
    }
    if (!opts.readonly) {
      this.db.exec(SCHEMA);
      this.addMissingColumns();
      if (version < STORE_SCHEMA_VERSION) this.db.pragma(`user_version = ${STORE_SCHEMA_VERSION}`);
    }
    this.reads = this.prepareReads();
    this.writes = opts.readonly ? null : this.prepareWrites();
    this.putTx = this.db.transaction((result: DocumentResult, cacheKey: string, meta: PutMeta, logAnalysis: boolean) =>
      this.writeDocument(result, cacheKey, meta, logAnalysis),
    );
  }

  /** A store written before a column was added gets it (ADDED_COLUMNS). */
  private addMissingColumns(): void {
    for (const [table, columns] of Object.entries(ADDED_COLUMNS)) {
      const have = new Set((this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
      for (const column of columns) if (!have.has(column.split(' ')[0]!)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column}`);
    }
  }

  private prepareReads() {
    const db = this.db;
    return {
      lookup: db.prepare<[string, string], Pick<DocumentRow, 'result_json' | 'error_code' | 'limits_json'>>(
        'SELECT result_json, error_code, limits_json FROM documents WHERE sha256 = ? AND cache_key = ?',
      ),
      docBySha: db.prepare<[string], Pick<DocumentRow, 'result_json'>>('SELECT result_json FROM documents WHERE sha256 = ?'),
      fileSha: db.prepare<[string], { sha256: string }>('SELECT sha256 FROM files WHERE path = ?'),
      analysedAt: db.prepare<[string], Pick<DocumentRow, 'cache_key' | 'analysed_at'>>('SELECT cache_key, analysed_at FROM documents WHERE sha256 = ?'),
    };
  }

  private prepareWrites() {
    const db = this.db;
    const insert = (table: keyof typeof COLUMNS) => db.prepare(insertSql(table, COLUMNS[table]));
    return {
      deleteGoals: GOAL_TABLES.map((t) => db.prepare(`DELETE FROM ${t} WHERE doc_sha256 = ?`)),
      upsertDocument: db.prepare<[DocumentRow]>(insertSql('documents', COLUMNS.documents, { upsert: { key: 'sha256' } })),
      insertGoalRows: Object.fromEntries(GOAL_TABLES.map((t) => [t, insert(t)])) as Record<(typeof GOAL_TABLES)[number], Database.Statement>,
      upsertFile: db.prepare<[FileRow]>(insertSql('files', COLUMNS.files, { upsert: { key: 'path' } })),
      /** A path seen in another store: its newer sighting wins. */
      upsertNewerFile: db.prepare<[FileRow]>(insertSql('files', COLUMNS.files, { upsert: { key: 'path', where: 'excluded.seen_at > files.seen_at' } })),
      insertAnalysis: db.prepare<[AnalysisRow]>(insertSql('analyses', COLUMNS.analyses, { orIgnore: true })),
    };
  }

  private get w(): ReturnType<Store['prepareWrites']> {
    if (!this.writes) throw new Error(`${this.file} is open read-only`);
    return this.writes;
  }

  /**
   * The stored result for this content under this cache key, with `file` set to `file` (the path it has now),
   * or null. With `limits` (the bounds of this run): a stored TIMEOUT / TOO_LARGE is returned only when it was
   * made under exactly these bounds, and any other result only when this run would not refuse the document
   * outright (more pages than `maxPages`, or `bytes`, the file's size, past `maxBytes`).
   */
  lookup(sha256: string, cacheKey: string, file?: string, limits?: RecordedLimits, bytes?: number): DocumentResult | null {
    const row = this.reads.lookup.get(sha256, cacheKey);
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
    if (!(row.error_code && BOUNDED_CODES.has(row.error_code)) && !resultWithinLimits(result.pages, bytes, limits)) return null;
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
    this.w.upsertFile.run({ path: file, sha256, seen_at: seenAt });
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
    const sha = this.reads.fileSha.get(file)?.sha256;
    const row = sha ? this.reads.docBySha.get(sha) : undefined;
    // A result stored before documents were identified has no organisation, kind or period: unknown, not absent.
    if (!row) return null;
    const stored = JSON.parse(row.result_json) as DocumentResult;
    return { ...stored, organisation: stored.organisation ?? null, kind: stored.kind ?? null, period: stored.period ?? null, file };
  }

  /** Every path the store has a result for, sorted (UTF-16 code units, as `expandInputs` sorts). */
  files(): string[] {
    return (this.db.prepare('SELECT f.path FROM files f JOIN documents d ON d.sha256 = f.sha256').pluck().all() as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Rewrites `goals_over_time` (over-time-rows.ts) with an archive's goals over time, in one transaction. */
  replaceGoalsOverTime(overTime: GoalsOverTime): void {
    const insert = this.db.prepare(insertSql('goals_over_time', GOAL_OVER_TIME_COLUMNS));
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM goals_over_time').run();
      for (const row of goalOverTimeRows(overTime)) insert.run(row);
    })();
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
    for (const del of s.deleteGoals) del.run(sha);
    s.upsertDocument.run(documentRow(result, cacheKey, meta, analysedAt));
    const rows = goalRows(result);
    for (const table of GOAL_TABLES) for (const row of rows[table]) s.insertGoalRows[table].run(row);
    s.upsertFile.run({ path: result.file, sha256: sha, seen_at: analysedAt });
    if (logAnalysis) {
      s.insertAnalysis.run({ doc_sha256: sha, file: result.file, cache_key: cacheKey, analysed_at: analysedAt, ms: meta.ms ?? null, error_code: result.error?.code ?? null });
    }
  }

  /**
   * Copies `source` into this store in one transaction: a document the store lacks, or holds under another
   * cache key and from an earlier analysis, is taken (its goal rows rebuilt from result_json); paths merge by
   * their latest sighting; every analysis is kept.
   */
  mergeFrom(source: Store, report: MergeReport): void {
    this.db.transaction(() => {
      // A source written before a column was added lacks it (read-only, it is not given it): read what it has.
      const have = new Set((source.db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name));
      const columns = COLUMNS.documents.map((c) => (have.has(c) ? c : `NULL AS ${c}`));
      for (const row of source.db.prepare(`${selectSql('documents', columns)} ORDER BY sha256`).all() as DocumentRow[]) {
        const have = this.reads.analysedAt.get(row.sha256);
        if (have && (have.cache_key === row.cache_key || have.analysed_at >= row.analysed_at)) {
          report.kept++;
          continue;
        }
        this.importDocument(row);
        report.added++;
      }
      for (const f of source.db.prepare(selectSql('files', COLUMNS.files)).all() as FileRow[]) report.files += this.w.upsertNewerFile.run(f).changes;
      for (const a of source.db.prepare(selectSql('analyses', COLUMNS.analyses)).all() as AnalysisRow[]) this.w.insertAnalysis.run(a);
    })();
  }

  /** Copies one document row from another store (children are rebuilt from its result_json). */
  private importDocument(row: DocumentRow): void {
    const result = JSON.parse(row.result_json) as DocumentResult;
    const limits = row.limits_json ? (JSON.parse(row.limits_json) as RecordedLimits) : undefined;
    const fingerprint =
      row.tool_version !== null
        ? { tool: row.tool_version, rules: row.rules_hash ?? '', model: row.model_hash ?? '', config: row.config_hash ?? undefined }
        : undefined;
    this.putTx({ ...result, file: row.file }, row.cache_key, { analysedAt: row.analysed_at, ms: row.analysis_ms ?? undefined, limits, fingerprint }, false);
  }
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
        into.mergeFrom(from, report);
      } finally {
        from.close();
      }
    }
  } finally {
    if (typeof target === 'string') into.close();
  }
  return report;
}
