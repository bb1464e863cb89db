/**
 * One run at a time on an output folder. Two runs writing one --out would both analyse everything, race each
 * other's outputs and meet in the store as SQLite's bare "database is locked".
 *
 * The lock is the operating system's: `.verkstad.lock` is a small SQLite file held in an exclusive transaction for
 * as long as the run lasts. The system releases it when the process ends in any way (kill -9 included), so a lock
 * can never be left behind by a dead run, and a pid that was reused cannot hold it. Who holds it is written beside
 * it, in `.verkstad.lock.json` (pid, start time, host, command), for the message a second run prints; that file is
 * removed when the run ends, and one found under a lock nobody holds is a stale note that is taken over.
 *
 * The lock file itself stays: deleting it while another process waits on it would let two runs hold two files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { temporaryFor } from '../io/atomic.js';
import { IoError, withIoSync } from '../model/io-error.js';

export const LOCK_FILE = '.verkstad.lock';
export const LOCK_OWNER_FILE = '.verkstad.lock.json';

/** Who holds (or held) an output folder. */
export interface LockOwner {
  pid: number;
  /** ISO time the run started. */
  startedAt: string;
  host: string;
  command: string;
}

/** The folder is held by another run: `owner` is what it wrote about itself (null when that cannot be read). */
export class OutLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | null,
  ) {
    super(`${path.normalize(dir + '/')} is in use by another verkstad run ${describeOwner(owner)}`);
    this.name = 'OutLockedError';
  }
}

export interface OutLock {
  /** A run that ended without releasing (killed): what it wrote about itself; null when there was none. */
  readonly stale: LockOwner | null;
  /** Ends the run's hold: removes the owner file and lets the system lock go. Safe to call twice. */
  release(): void;
}

/**
 * Takes `dir` (creating it) for this run, or throws OutLockedError naming the run that holds it. Never waits: the
 * caller decides what to tell the user.
 */
export function lockOutFolder(dir: string, command: string): OutLock {
  withIoSync('create', dir, () => fs.mkdirSync(dir, { recursive: true }));
  const lockFile = path.join(dir, LOCK_FILE);
  const ownerFile = path.join(dir, LOCK_OWNER_FILE);
  let db: Database.Database;
  try {
    // Loaded here, not at import: `check` on a draft takes no --out and should not load a native module.
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    db = new Sqlite(lockFile, { timeout: 0 });
  } catch (err) {
    throw new IoError('lock', lockFile, err);
  }
  try {
    // A journal on disk, not WAL: in WAL mode an exclusive transaction would not keep another process out.
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if (isBusy(err)) throw new OutLockedError(dir, readOwner(ownerFile));
    throw new IoError('lock', lockFile, err);
  }
  const stale = readOwner(ownerFile);
  const me: LockOwner = { pid: process.pid, startedAt: new Date().toISOString(), host: os.hostname(), command };
  const tmp = temporaryFor(ownerFile);
  try {
    fs.writeFileSync(tmp, JSON.stringify(me, null, 2) + '\n');
    fs.renameSync(tmp, ownerFile);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    db.close();
    throw new IoError('write', ownerFile, err);
  }
  let released = false;
  return {
    stale,
    release() {
      if (released) return;
      released = true;
      // Only the file this run wrote: the owner file is ours while we hold the lock.
      fs.rmSync(ownerFile, { force: true });
      if (db.open) {
        if (db.inTransaction) db.exec('ROLLBACK');
        db.close();
      }
    },
  };
}

/** `(pid 4711 on host, started 2025-12-05 10:02:11, "verkstad analyze archive/ --out out/")`. */
export function describeOwner(owner: LockOwner | null): string {
  if (!owner) return '(it has not said which: its note is missing or unreadable)';
  const host = owner.host === os.hostname() ? '' : ` on ${owner.host}`;
  return `(pid ${owner.pid}${host}, started ${owner.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}, "${owner.command}")`;
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.startedAt !== 'string') return null;
    return { pid: owner.pid, startedAt: owner.startedAt, host: String(owner.host ?? ''), command: String(owner.command ?? '') };
  } catch {
    return null;
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
