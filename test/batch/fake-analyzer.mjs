// A stand-in for the pipeline (runBatch({ analyzerModule })), driven by the text of each input file, one command
// a line. Nothing here depends on how fast the machine is: a document that should outlast its time limit or fill
// the memory never finishes on its own, and the test decides when its time runs out (a clock it moves) or what
// the watchdog reads (a meter it controls, see helpers.ts).
//   pages N         the result says N pages
//   hold            never finishes: only the batch can end it (time limit, memory alarm, abort)
//   hold-once NAME  the first attempt writes the marker NAME beside the file and holds; a later one (after a
//                   time limit or a memory alarm, in a new worker) finds the marker and goes on
//   mark NAME       writes the marker NAME beside the file
//   await NAME      waits until the marker NAME exists beside the file
//   uses MB         from now on the document holds MB megabytes, as the test's memory meter reads it (<file>.uses;
//                   every attempt starts holding nothing)
//   count NAME      appends a line to the marker NAME beside the file (one per attempt: the test counts them)
//   cpu MS          the document costs MS ms of this thread's CPU, as threadCpuMs() below reports it
//   cpu unknown     this thread's CPU time cannot be read from now on (threadCpuMs() is null)
//   heap            grows the JavaScript heap until V8 gives up
//   exit N          the worker thread exits with code N
//   throw           an uncaught exception in the worker
//   error CODE      the result carries error CODE
// Anything else: a result with one goal whose title is the first line.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What a freshly started worker reports having used to load this module and build the analyzer. */
export const STARTUP_CPU_MS = 30;
let cpuMs = STARTUP_CPU_MS;

export function threadCpuMs() {
  return cpuMs;
}

const never = () => new Promise(() => {});
const tick = () => new Promise((r) => setTimeout(r, 5));

async function untilExists(file) {
  while (!fs.existsSync(file)) await tick();
}

export function errorResult(file, sha256, failure, pages = 0) {
  return {
    file,
    sha256,
    pages,
    language: 'sv',
    error: { code: failure.code, message: failure.message },
    goals: [],
    summary: { goals: 0, byStatus: { green: 0, yellow: 0, red: 0, unknown: 0 }, green: 0, flaggedGreen: 0, greenWithResidentEvidence: null },
  };
}

export async function createAnalyzer(opts) {
  return {
    fingerprint: { tool: 'fake-1', rules: opts.rulesDir ?? 'default-rules', model: 'fake-model' },
    async analyze(file, bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const text = Buffer.from(bytes).toString('utf8');
      const beside = (name) => path.join(path.dirname(file), name);
      fs.rmSync(`${file}.uses`, { force: true });
      let pages = 1;
      for (const line of text.split('\n')) {
        const [cmd, arg] = line.trim().split(/\s+/);
        if (cmd === 'pages') pages = Number(arg);
        else if (cmd === 'hold') await never();
        else if (cmd === 'hold-once') {
          if (!fs.existsSync(beside(arg))) {
            fs.writeFileSync(beside(arg), '');
            await never();
          }
        } else if (cmd === 'mark') fs.writeFileSync(beside(arg), '');
        else if (cmd === 'count') fs.appendFileSync(beside(arg), `${process.pid}\n`);
        else if (cmd === 'await') await untilExists(beside(arg));
        else if (cmd === 'uses') fs.writeFileSync(`${file}.uses`, arg);
        else if (cmd === 'cpu') cpuMs = arg === 'unknown' || cpuMs === null ? null : cpuMs + Number(arg);
        else if (cmd === 'heap') {
          const junk = [];
          for (;;) junk.push({ a: Math.random(), b: `${Math.random()}`.repeat(20) });
        } else if (cmd === 'exit') process.exit(Number(arg));
        else if (cmd === 'throw') {
          setTimeout(() => {
            throw new Error('fake analyzer exploded');
          }, 0);
          await never();
        } else if (cmd === 'error') return errorResult(file, sha256, { code: arg, message: `fake ${arg}` }, pages);
      }
      const title = text.split('\n')[0] ?? '';
      return {
        file,
        sha256,
        pages,
        language: 'sv',
        error: null,
        goals: [
          {
            id: 'g1',
            title,
            page: 1,
            status: 'green',
            statusSource: 'word',
            statusEvidence: 'fake',
            orientation: 'residents',
            orientationReason: null,
            evidence: 'internal-only',
            sentences: [{ text: `Vi har ${title}.`, page: 1, label: 'internal', residentFacing: false, confidence: 0.9, reasons: ['fake/internal'] }],
            indicators: [],
            activities: [],
            flags: [{ code: 'GREEN_INTERNAL_ONLY', level: 'warning', message: 'fake flag', sentences: [] }],
            notFlaggedBecause: null,
          },
        ],
        summary: { goals: 1, byStatus: { green: 1, yellow: 0, red: 0, unknown: 0 }, green: 1, flaggedGreen: 1, greenWithResidentEvidence: 0 },
      };
    },
  };
}
