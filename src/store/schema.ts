/**
 * The store's tables and views (documented in src/store/README.md). Every statement is `IF NOT EXISTS`, so
 * opening a store runs it; a change to a table bumps STORE_SCHEMA_VERSION.
 */

/**
 * Columns added to a table after stores were written without them: opening an older store adds them (empty until
 * its documents are analysed again, which a new verkstad does anyway: its code is part of the cache key).
 */
export const ADDED_COLUMNS: Record<string, readonly string[]> = {
  documents: ['organisation TEXT', 'organisation_source TEXT', 'kind TEXT', 'kind_source TEXT', 'period TEXT', 'period_source TEXT'],
};

/** Bumped when a table changes; a store written by a newer verkstad is refused rather than misread. */
export const STORE_SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  sha256        TEXT PRIMARY KEY,
  file          TEXT NOT NULL,
  pages         INTEGER NOT NULL,
  language      TEXT NOT NULL,
  organisation  TEXT,
  organisation_source TEXT,
  kind          TEXT,
  kind_source   TEXT,
  period        TEXT,
  period_source TEXT,
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
CREATE TABLE IF NOT EXISTS goals_over_time (
  organisation  TEXT,
  goal          INTEGER NOT NULL,
  goal_title    TEXT NOT NULL,
  period_order  INTEGER NOT NULL,
  period        TEXT,
  kind          TEXT,
  file          TEXT NOT NULL,
  page          INTEGER NOT NULL,
  title         TEXT NOT NULL,
  match         REAL NOT NULL,
  status        TEXT NOT NULL,
  flag_codes    TEXT NOT NULL,
  evidence      TEXT NOT NULL,
  resident_facing INTEGER NOT NULL,
  persistently_green_without_evidence INTEGER NOT NULL
);
CREATE VIEW IF NOT EXISTS errors AS
  SELECT d.sha256 AS doc_sha256, f.path AS file, d.error_code AS code, d.error_message AS message
  FROM files f JOIN documents d ON d.sha256 = f.sha256
  WHERE d.error_code IS NOT NULL;
CREATE VIEW IF NOT EXISTS goals_by_file AS
  SELECT f.path AS file, g.*
  FROM files f JOIN goals g ON g.doc_sha256 = f.sha256;
`;
