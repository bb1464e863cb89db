// A stand-in for the pipeline (runBatch({ analyzerModule })), driven by the text of each input file:
//   pages N      the result says N pages
//   sleep MS     takes MS milliseconds
//   spin MS      keeps the CPU busy for MS milliseconds
//   grow MB      allocates MB megabytes (touched, so it counts in RSS) in 32 MB steps every 20 ms, then sleeps 30 s
//   heap         grows the JavaScript heap until V8 gives up
//   exit N       the worker thread exits with code N
//   throw        an uncaught exception in the worker
//   error CODE   the result carries error CODE
// Anything else: a result with one goal whose title is the first line.
import { createHash } from 'node:crypto';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const held = [];

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
      let pages = 1;
      for (const line of text.split('\n')) {
        const [cmd, arg] = line.trim().split(/\s+/);
        if (cmd === 'pages') pages = Number(arg);
        else if (cmd === 'sleep') await sleep(Number(arg));
        else if (cmd === 'spin') {
          for (const end = performance.now() + Number(arg); performance.now() < end; );
        }
        else if (cmd === 'grow') {
          for (let mb = 0; mb < Number(arg); mb += 32) {
            held.push(Buffer.alloc(32 * 1024 * 1024, 1));
            await sleep(20);
          }
          await sleep(30_000);
        } else if (cmd === 'heap') {
          const junk = [];
          for (;;) junk.push({ a: Math.random(), b: `${Math.random()}`.repeat(20) });
        } else if (cmd === 'exit') process.exit(Number(arg));
        else if (cmd === 'throw') {
          setTimeout(() => {
            throw new Error('fake analyzer exploded');
          }, 0);
          await sleep(10_000);
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
