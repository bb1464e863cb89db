/**
 * One document analysed alone, in a process of its own (`child_process.fork` of alone-process.ts, which runs it in
 * one worker thread exactly as the pool does). Worker threads share their process's resident set, and memory a
 * stopped document left behind stays in it for a while, so in the batch process nobody can tell which document
 * took the memory. A process of its own holds one document: what it holds is that document's, and the memory
 * bound applies to it alone. The scheduler sends a document here whenever its verdict would otherwise depend on
 * what ran beside or before it (scheduler.ts).
 *
 * The child reports its resident set on a timer from its main thread (free, since the document runs in its
 * worker); the watchdog reads it and this run is killed past the bound. Time runs from the moment the child hands
 * the document to its worker, by the batch's own timer, so a test's clock governs it as it governs the pool.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { BatchError } from './errors.js';
import type { Job, Outcome } from './pool.js';
import type { DeadlineTimer } from './test-hooks.js';
import type { WorkerData } from './worker.js';

/** What the batch process asks the child. */
export interface AloneRequest {
  type: 'run';
  job: Job;
  workerData: WorkerData;
  heapMb: number;
  output: 'discard' | 'stderr';
  reportIntervalMs: number;
}

/** What the child tells the batch process. */
export type AloneMessage =
  | { type: 'rss'; bytes: number }
  /** The document was handed to the child's worker: its time starts. */
  | { type: 'started' }
  | { type: 'outcome'; outcome: Outcome }
  /** The child could not start its worker (rules that do not load): a problem of the batch, not of the document. */
  | { type: 'fatal'; message: string };

export interface AloneOptions {
  workerData: WorkerData;
  heapMb: number;
  timeoutMs: number;
  output: 'discard' | 'stderr';
  reportIntervalMs: number;
  deadlineTimer: DeadlineTimer;
}

const CHILD_URL = new URL('./alone-process.js', import.meta.url);

export class AloneRun {
  /** How the run ended; rejects (BatchError) only when the child could not start analysing at all. */
  readonly outcome: Promise<Outcome>;
  /** The child's highest resident set so far as it last reported it, in bytes (0 before its first report). */
  reportedRss = 0;
  private readonly child: ChildProcess;
  private settled = false;
  private cancelDeadline: () => void = () => {};
  private settle!: (o: Outcome) => void;
  private reject!: (e: Error) => void;

  constructor(
    readonly job: Job,
    opts: AloneOptions,
  ) {
    this.outcome = new Promise<Outcome>((resolve, reject) => {
      this.settle = resolve;
      this.reject = reject;
    });
    // No inherited flags (a test runner's loaders, an embedding program's own), advanced serialisation for results.
    this.child = fork(CHILD_URL, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let stderrTail = '';
    this.child.stdout!.on('data', (c: Buffer) => {
      if (opts.output === 'stderr') process.stderr.write(c);
    });
    this.child.stderr!.on('data', (c: Buffer) => {
      stderrTail = (stderrTail + c.toString('utf8')).slice(-2000);
      if (opts.output === 'stderr') process.stderr.write(c);
    });
    this.child.on('message', (msg: AloneMessage) => {
      if (msg.type === 'rss') this.reportedRss = msg.bytes;
      else if (msg.type === 'started' && !this.settled) {
        this.cancelDeadline = opts.deadlineTimer(opts.timeoutMs, () => this.kill({ kind: 'timeout', shared: false }));
      } else if (msg.type === 'outcome') this.kill(msg.outcome);
      else if (msg.type === 'fatal') this.fail(new BatchError(msg.message));
    });
    this.child.on('error', (err) => this.fail(new BatchError(`A process for analysing a document alone could not start: ${err.message}`, { cause: err })));
    this.child.on('exit', (code, signal) => {
      const tail = stderrTail.trim().split('\n').pop()?.slice(0, 300);
      this.kill({
        kind: 'crash',
        code: 'INTERNAL',
        message: `Internal error: the process analysing this document alone stopped unexpectedly (${signal ?? `exit code ${code}`})${tail ? `; last output: ${tail}` : ''}.`,
      });
    });
    const request: AloneRequest = {
      type: 'run',
      job,
      workerData: opts.workerData,
      heapMb: opts.heapMb,
      output: opts.output,
      reportIntervalMs: opts.reportIntervalMs,
    };
    this.child.send(request);
  }

  /** Ends the run with `outcome` (if it has not ended) and kills the child: its memory goes back at once. */
  kill(outcome: Outcome): void {
    if (!this.settled) {
      this.settled = true;
      this.cancelDeadline();
      this.settle(outcome);
    }
    this.stop();
  }

  private fail(err: Error): void {
    if (!this.settled) {
      this.settled = true;
      this.cancelDeadline();
      this.reject(err);
    }
    this.stop();
  }

  private stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** Resolves once the child has exited. */
  exited(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => this.child.once('exit', () => resolve()));
  }
}
