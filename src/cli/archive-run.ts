/**
 * Running an archive from the command line, for `analyze` and `check`: the inputs named on it, progress on
 * stderr, Ctrl-C, and the batch's own failures as exit codes. The archive itself is src/archive/.
 */
import os from 'node:os';
import path from 'node:path';
import type { CollectedArchive, CollectOptions } from '../archive/collect.js';
import { collectInProcess, draftsForInProcess } from '../archive/in-process.js';
import { describeOwner, lockOutFolder, OutLockedError, type OutLock } from '../archive/lock.js';
import { DOCUMENTS_DIR } from '../archive/output-names.js';
import { BatchAbortedError, BatchError } from '../batch/errors.js';
import { processRunning, removeStaleTemporaries } from '../io/atomic.js';
import { expandInputs, resolveShard, shard } from '../io/inputs.js';
import type { Store } from '../store/sqlite.js';
import { contextOrFail, err, fail } from './console.js';
import { EXIT } from './exit.js';

/**
 * The files the inputs name (in one shard of them, with `--shard k/n` or `--shard auto`), or exit 2 when they name
 * none or the shard cannot be known.
 */
export async function inputsOrExit(inputs: string[], shardOf?: { k: number; n: number } | 'auto', shardCount?: string): Promise<string[]> {
  if (shardCount !== undefined && shardOf !== 'auto') {
    err('verkstad: --shard-count goes with --shard auto');
    process.exit(EXIT.usage);
  }
  const { files, missing, unreadable } = await expandInputs(inputs);
  for (const m of missing) err(`verkstad: no such file or no reports in: ${m}`);
  for (const u of unreadable) err(`verkstad: ${u}`);
  if (missing.length || unreadable.length || files.length === 0) {
    if (!files.length) err('verkstad: no input reports (PDF, DOCX, Markdown or text) found.');
    process.exit(EXIT.usage);
  }
  if (!shardOf) return files;
  const spec = shardOf === 'auto' ? resolveShard('auto', process.env, shardCount) : shardOf;
  if ('error' in spec) {
    err(`verkstad: ${spec.error}`);
    process.exit(EXIT.usage);
  }
  return shard(files, spec.k, spec.n);
}

/** Worker threads for a batch: as asked, but no more than there are documents. */
export const jobsFor = (jobs: number, files: number): number => Math.max(1, Math.min(jobs, files));

/**
 * The archive analysed, with a progress bar or lines (unless `quiet`, and only with a store: without one the
 * results are printed, not an archive written). Ctrl-C stops it with exit 130; what was stored stays stored.
 * A few small Markdown or text drafts without a store are analysed in this thread (archive/in-process.ts says why
 * that is safe); everything else through the batch's workers.
 */
export async function collectOrExit(files: string[], options: CollectOptions & { quiet?: boolean }, store?: Store): Promise<CollectedArchive> {
  const { quiet, ...batch } = options;
  const drafts = store ? null : await draftsForInProcess(files, batch.maxBytes);
  if (drafts) {
    const ctx = await contextOrFail({ rules: batch.rulesDir, config: batch.configPath, lang: batch.language, maxPages: batch.maxPages, marks: batch.marks });
    return collectInProcess(files, drafts, ctx);
  }
  // The batch (worker pool, bomb check, progress bar) is loaded only here: a draft checked in-process never needs it.
  const [{ collectArchive }, { createProgressReporter }] = await Promise.all([import('../archive/collect.js'), import('../batch/progress.js')]);
  const progress = createProgressReporter({ quiet: Boolean(quiet) || !store });
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await collectArchive(files, { ...batch, signal: controller.signal, onProgress: progress.update }, store);
  } catch (e) {
    if (e instanceof BatchAbortedError) {
      progress.stop();
      err(`Stopped after ${e.done} of ${e.total} document(s); run the same command again to finish the rest.`);
      process.exit(130);
    }
    if (e instanceof BatchError) return fail(new Error(e.message));
    return fail(e);
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }
}

/**
 * Takes the output folder for this run, or exits 2 naming the run that holds it. A note that a run died holding
 * it is taken over with a message; temporaries that killed writes left in it are removed. The hold ends when this
 * process does (`release()` ends it earlier).
 */
export async function claimOutFolderOrExit(dir: string): Promise<OutLock> {
  let lock: OutLock;
  try {
    lock = lockOutFolder(dir, commandLine());
  } catch (e) {
    if (e instanceof OutLockedError) {
      err(`verkstad: ${e.message}. Wait for it to finish, or write to another --out folder.`);
      process.exit(EXIT.usage);
    }
    return fail(e);
  }
  process.once('exit', () => lock.release());
  const stale = lock.stale;
  if (stale) {
    const gone = (!stale.host || stale.host === os.hostname()) && !processRunning(stale.pid);
    const why = gone ? 'it is no longer running' : 'it no longer holds the folder';
    err(`verkstad: note: ${path.normalize(dir + '/')} was last held by a run that did not finish ${describeOwner(stale)}; ${why}, so this run takes the folder over.`);
  }
  try {
    const removed = [...(await removeStaleTemporaries(dir)), ...(await removeStaleTemporaries(path.join(dir, DOCUMENTS_DIR)))];
    if (removed.length) err(`verkstad: removed ${removed.length} temporary file(s) that an interrupted run left in ${path.normalize(dir + '/')}.`);
  } catch (e) {
    return fail(e);
  }
  return lock;
}

/** How this run was started, for the lock's note: `verkstad analyze archive/ --out out/`. */
function commandLine(): string {
  return ['verkstad', ...process.argv.slice(2).map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`))].join(' ');
}
