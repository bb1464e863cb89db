/**
 * A file-system failure told the way a person can act on it: what verkstad was doing, on which path, and why in
 * words (`Could not write out/report.html: read-only file system (EROFS)`). Node's own messages name the system
 * call and whatever path it was given (often a temporary file), and the SQLite driver names neither; a
 * read-only disk must not read as "no such file". The io, store, batch and archive layers throw it (or put its
 * message on a document); the CLI prints the message as it is.
 */

/** What was being done to the path. */
export type IoOperation = 'read' | 'list' | 'write' | 'create' | 'open' | 'remove' | 'lock';

const DOING: Record<IoOperation, string> = {
  read: 'read',
  list: 'list the folder',
  write: 'write',
  create: 'create the folder',
  open: 'open',
  remove: 'remove',
  lock: 'lock',
};

/** The system's reason in plain words, for the codes a user meets; others fall back to the system's text. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error (a failing disk or network share)',
  EBUSY: 'the file is busy',
  SQLITE_BUSY: 'the database is locked by another program',
  SQLITE_LOCKED: 'the database is locked by another program',
  SQLITE_READONLY: 'the database is read-only',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_NOTADB: 'it is not a verkstad store (not an SQLite database)',
  SQLITE_FULL: 'no space left on the device',
  SQLITE_IOERR: 'input/output error',
};

/** Why `err` happened, in words, with its code: `read-only file system (EROFS)`. */
export function ioReason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const known = code ? (REASONS[code] ?? REASONS[code.replace(/_[A-Z]+$/, '')]) : undefined;
  if (known) return `${known} (${code})`;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  // Node writes `EXDEV: cross-device link not permitted, rename 'a' -> 'b'`: keep the reason, drop the call.
  const system = /^([A-Z][A-Z0-9_]+): ([^,]+),/.exec(message);
  if (system) return `${system[2]} (${system[1]})`;
  return code ? `${message} (${code})` : message;
}

/** `Could not write out/report.html: read-only file system (EROFS)`. */
export function ioErrorMessage(operation: IoOperation, path: string, err: unknown): string {
  // `mkdir -p` over a file says only that something exists.
  const inTheWay = operation === 'create' && (err as { code?: unknown } | null)?.code === 'EEXIST';
  return `Could not ${DOING[operation]} ${path}: ${inTheWay ? 'a file of that name is in the way (EEXIST)' : ioReason(err)}`;
}

export class IoError extends Error {
  /** The system's code (`EROFS`, `SQLITE_BUSY`), when it gave one. */
  readonly code: string | undefined;

  constructor(
    readonly operation: IoOperation,
    readonly path: string,
    cause: unknown,
  ) {
    super(ioErrorMessage(operation, path, cause), { cause });
    this.name = 'IoError';
    const code = (cause as { code?: unknown } | null)?.code;
    this.code = typeof code === 'string' ? code : undefined;
  }
}

/** Runs `fn`; a failure becomes an IoError naming `operation` and `path` (an IoError already is one). */
export async function withIo<T>(operation: IoOperation, path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw err instanceof IoError ? err : new IoError(operation, path, err);
  }
}

/** `withIo` for synchronous calls. */
export function withIoSync<T>(operation: IoOperation, path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof IoError ? err : new IoError(operation, path, err);
  }
}
