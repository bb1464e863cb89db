import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/model/result.js';
import { mergeStores, openStore } from '../../src/store/sqlite.js';

const result = (over: Partial<DocumentResult> = {}): DocumentResult => ({
  file: 'a.pdf', sha256: 'a'.repeat(64), pages: 3, language: 'sv',
  organisation: { value: 'Åsby kommun, Socialnämnden', source: 'running-header' }, kind: { value: 'delårsrapport', source: 'first-page' }, period: { value: '2026 T2', source: 'first-page' },
  error: null, goals: [], summary: { goals: 0, byStatus: { green: 0, yellow: 0, red: 0, unknown: 0 }, green: 0, flaggedGreen: 0, greenWithResidentEvidence: null }, ...over,
});

describe('store: whose report, which period', () => {
  it('documents carry organisation, kind and period with how each was read', () => {
    const store = openStore(fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-store-')));
    store.put(result(), 'key');
    expect(store.db.prepare('SELECT organisation, organisation_source, kind, kind_source, period, period_source FROM documents').get()).toEqual({
      organisation: 'Åsby kommun, Socialnämnden', organisation_source: 'running-header', kind: 'delårsrapport', kind_source: 'first-page', period: '2026 T2', period_source: 'first-page',
    });
    store.close();
  });

  it('a store written before these columns gets them when opened, and merges from it still read it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-store-'));
    const old = new Database(path.join(dir, 'old.sqlite'));
    old.exec(`CREATE TABLE documents (sha256 TEXT PRIMARY KEY, file TEXT NOT NULL, pages INTEGER NOT NULL, language TEXT NOT NULL, error_code TEXT, error_message TEXT,
      goals INTEGER NOT NULL, green INTEGER NOT NULL, flagged_green INTEGER NOT NULL, analysed_at TEXT NOT NULL, analysis_ms INTEGER, cache_key TEXT NOT NULL,
      tool_version TEXT, rules_hash TEXT, model_hash TEXT, config_hash TEXT, limits_json TEXT, result_json TEXT NOT NULL);
      CREATE TABLE files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, seen_at TEXT NOT NULL);
      CREATE TABLE analyses (id INTEGER PRIMARY KEY, doc_sha256 TEXT NOT NULL, file TEXT NOT NULL, cache_key TEXT NOT NULL, analysed_at TEXT NOT NULL, ms INTEGER, error_code TEXT, UNIQUE (doc_sha256, cache_key, analysed_at, file));`);
    const { organisation: _o, kind: _k, period: _p, ...before } = result();
    old.prepare(`INSERT INTO documents VALUES (?, 'a.pdf', 3, 'sv', NULL, NULL, 0, 0, 0, '2026-01-01', NULL, 'key', NULL, NULL, NULL, NULL, NULL, ?)`).run('a'.repeat(64), JSON.stringify(before));
    old.prepare(`INSERT INTO files VALUES ('a.pdf', ?, '2026-01-01')`).run('a'.repeat(64));
    old.close();
    const into = openStore(path.join(dir, 'merged.sqlite'));
    expect(mergeStores(into, [path.join(dir, 'old.sqlite')]).added).toBe(1);
    expect(into.db.prepare('SELECT organisation FROM documents').get()).toEqual({ organisation: null });
    into.close();
    const reopened = openStore(path.join(dir, 'old.sqlite'));
    expect((reopened.db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name)).toContain('period_source');
    reopened.close();
  });
});
