/**
 * Progress of a batch on stderr: a bar on a terminal, a plain line every ~5 s or every 10 % otherwise
 * (CI logs, `nohup`), nothing in quiet mode. stdout stays free for `--format json`.
 */
import cliProgress from 'cli-progress';

export interface BatchProgress {
  /** Documents finished (analysed, taken from the store, or failed). */
  done: number;
  total: number;
  /** Pages of the finished documents. */
  pages: number;
  /** Finished documents with an error. */
  errors: number;
  /** Finished documents taken from the store without analysis. */
  cached: number;
  /** Pages of the documents analysed in this run (not taken from the store): the basis of pages/s. */
  analysedPages: number;
  elapsedMs: number;
}

export interface ProgressReporter {
  update(p: BatchProgress): void;
  /** Prints the final state (plain mode) or closes the bar. */
  stop(p?: BatchProgress): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  /** Default process.stderr. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Force bar (true) or plain lines (false); default: whether the stream is a TTY. */
  tty?: boolean;
  /** Plain mode: at most one line per this many ms unless a 10 % step was crossed. Default 5000. */
  intervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** `1h 02m`, `3m 05s`, `12s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

export function pagesPerSecond(p: BatchProgress): number {
  return p.elapsedMs > 0 ? (p.analysedPages * 1000) / p.elapsedMs : 0;
}

/** Remaining time, extrapolated from the documents finished so far; null before the first one. */
export function etaMs(p: BatchProgress): number | null {
  if (p.done === 0 || p.done >= p.total) return p.done >= p.total ? 0 : null;
  return (p.elapsedMs / p.done) * (p.total - p.done);
}

/**
 * One plain progress line:
 * `verkstad: 40/120 documents (33%), 812 pages, 23.4 pages/s, 2 errors, 10 from store, 1m 05s elapsed, ETA 2m 10s`
 */
export function formatProgressLine(p: BatchProgress): string {
  const pct = p.total > 0 ? Math.floor((p.done * 100) / p.total) : 100;
  const parts = [
    `${p.done}/${p.total} documents (${pct}%)`,
    `${p.pages} pages`,
    `${pagesPerSecond(p).toFixed(1)} pages/s`,
    `${p.errors} ${p.errors === 1 ? 'error' : 'errors'}`,
  ];
  if (p.cached > 0) parts.push(`${p.cached} from store`);
  parts.push(`${formatDuration(p.elapsedMs)} elapsed`);
  if (p.done < p.total) {
    const eta = etaMs(p);
    parts.push(`ETA ${eta === null ? '?' : formatDuration(eta)}`);
  }
  return `verkstad: ${parts.join(', ')}`;
}

/**
 * Decides when plain mode prints: the first update, every `intervalMs`, whenever another 10 % is done,
 * and the end. Pure apart from the state it keeps.
 */
export class PlainProgressThrottle {
  private lastAt = -Infinity;
  private lastDecile = -1;
  private finished = false;

  /** Whether the line for the last document has been printed. */
  get printedEnd(): boolean {
    return this.finished;
  }

  constructor(private readonly intervalMs = 5000) {}

  shouldPrint(p: BatchProgress, now: number): boolean {
    if (this.finished) return false;
    const decile = p.total > 0 ? Math.floor((p.done * 10) / p.total) : 10;
    const end = p.done >= p.total;
    if (end || decile > this.lastDecile || now - this.lastAt >= this.intervalMs) {
      this.lastAt = now;
      this.lastDecile = decile;
      this.finished = end;
      return true;
    }
    return false;
  }
}

export function createProgressReporter(opts: ProgressOptions = {}): ProgressReporter {
  if (opts.quiet) return { update() {}, stop() {} };
  const stream = opts.stream ?? process.stderr;
  const tty = opts.tty ?? Boolean(stream.isTTY);
  if (!tty) {
    const throttle = new PlainProgressThrottle(opts.intervalMs);
    const now = opts.now ?? Date.now;
    let last: BatchProgress | undefined;
    return {
      update(p) {
        last = p;
        if (throttle.shouldPrint(p, now())) stream.write(`${formatProgressLine(p)}\n`);
      },
      stop(p) {
        // An interrupted batch still gets its last state printed once.
        const final = p ?? last;
        if (final && !throttle.printedEnd) stream.write(`${formatProgressLine(final)}\n`);
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: 'verkstad {bar} {value}/{total} documents | {pagesPerSec} pages/s | {errors} errors | ETA {etaText}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const payload = (p: BatchProgress) => ({
    pagesPerSec: pagesPerSecond(p).toFixed(1),
    errors: p.errors,
    etaText: p.done >= p.total ? 'done' : formatDuration(etaMs(p) ?? Number.NaN),
  });
  return {
    update(p) {
      if (!started) {
        bar.start(p.total, p.done, payload(p));
        started = true;
      } else {
        bar.update(p.done, payload(p));
      }
    },
    stop(p) {
      if (!started) return;
      if (p) bar.update(p.done, payload(p));
      bar.stop();
    },
  };
}
