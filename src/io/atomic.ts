/**
 * Writing outputs so that a reader (or a crash) never sees half a file: the data goes to a temporary
 * file in the same directory, is fsync'ed, then renamed over the target (rename is atomic within one
 * file system, which is why the temporary file must not live in /tmp).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** `mkdir -p`: creates `dir` and its parents; an existing directory is fine. */
export async function mkdirp(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
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
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'w');
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
      if (chunk.length) await fh.writeFile(chunk);
    },
    async commit() {
      try {
        await fh.sync();
        await close();
        await rename(tmp, file);
      } catch (err) {
        await close().catch(() => {});
        await unlink(tmp).catch(() => {});
        throw err;
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
