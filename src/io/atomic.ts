/**
 * Writing outputs so that a reader (or a crash) never sees half a file: the data goes to a temporary
 * file in the same directory, is fsync'ed, then renamed over the target (rename is atomic within one
 * file system, which is why the temporary file must not live in /tmp).
 *
 * A temporary is named `.<target>.verkstad-<pid>-<12 hex>.tmp`: a process killed while writing leaves one behind,
 * and the next run on the folder removes it (`removeStaleTemporaries`), recognising ours by that name and leaving
 * any other file alone. Every failure is an IoError naming the target and what was being done.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { IoError, withIo } from '../model/io-error.js';

/** `mkdir -p`: creates `dir` and its parents; an existing directory is fine. */
export async function mkdirp(dir: string): Promise<void> {
  await withIo('create', dir, () => mkdir(dir, { recursive: true }));
}

/** Ours: `.<name>.verkstad-<pid>-<hex>.tmp`, and the form before it, `.<name>.<pid>.<hex>.tmp`. */
const TEMPORARY = /^\..+\.(?:verkstad-(\d+)-|(\d+)\.)[0-9a-f]{12}\.tmp$/;

/** The temporary file a write of `file` by this process goes through. */
export function temporaryFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.verkstad-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Removes the temporaries that writes into `dir` left behind when their process was killed (ours by name, of a
 * process that is no longer running; never this process's own). Returns the names removed. A folder that does
 * not exist has none.
 */
export async function removeStaleTemporaries(dir: string, running: (pid: number) => boolean = processRunning): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return [];
    throw new IoError('list', dir, err);
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const m = TEMPORARY.exec(name);
    if (!m) continue;
    const pid = Number(m[1] ?? m[2]);
    if (pid === process.pid || running(pid)) continue;
    await withIo('remove', path.join(dir, name), () => unlink(path.join(dir, name)).catch((err: { code?: string }) => {
      if (err.code !== 'ENOENT') throw err;
    }));
    removed.push(name);
  }
  return removed;
}

/** Whether process `pid` runs on this host (one we may not signal runs too). */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/**
 * Writes `data` to `file` atomically: a reader sees the old content or the new one, never a mix,
 * and after a `kill -9` there is never a truncated `file` (at most a stray `.file.*.tmp` next to it).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const out = await openAtomic(file);
  try {
    await out.write(data);
  } catch (err) {
    await out.discard();
    throw err;
  }
  await out.commit();
}

export interface AtomicFile {
  write(chunk: string | Uint8Array): Promise<void>;
  /** fsync, rename over the target, fsync the directory. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is left as it was. */
  discard(): Promise<void>;
}

/** A file written in parts and put in place atomically by `commit()` (several can be open at once). */
export async function openAtomic(file: string): Promise<AtomicFile> {
  const dir = path.dirname(file);
  await mkdirp(dir);
  const tmp = temporaryFor(file);
  const fh = await withIo('write', file, () => open(tmp, 'w'));
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await fh.close();
    }
  };
  return {
    async write(chunk) {
      // writeFile writes all of the chunk (write may stop short) from the current position.
      if (chunk.length) await withIo('write', file, () => fh.writeFile(chunk));
    },
    async commit() {
      try {
        await fh.sync();
        await close();
        await rename(tmp, file);
      } catch (err) {
        await close().catch(() => {});
        await unlink(tmp).catch(() => {});
        throw new IoError('write', file, err);
      }
      await syncDir(dir);
    },
    async discard() {
      await close().catch(() => {});
      await unlink(tmp).catch(() => {});
    },
  };
}

/** fsync the directory so the rename itself survives a power cut (a no-op where directories cannot be opened). */
async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // Windows and some network file systems refuse; the rename is still atomic for readers.
  } finally {
    await fh?.close().catch(() => {});
  }
}
