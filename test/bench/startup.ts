/**
 * What starting a command costs, part by part. Each part is measured in a fresh process (step.js startup <part>),
 * from before its first import to after its work, so that it pays what a command starting cold pays; parts that
 * need others load those first, untimed. Medians over `runs` processes. The whole `verkstad check` on a one-page
 * Markdown draft is timed against a bare `node -e 0`, alternating the two, pair by pair.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.resolve(here, '..', '..', 'dist');
const rulesDir = path.resolve(here, '..', '..', 'rules');
const require = createRequire(import.meta.url);

/** The parts, in the order a command meets them, with what each is. */
export const STARTUP_PARTS: Record<string, string> = {
  commander: 'commander (argv)',
  zod: 'zod (the schemas that are the types)',
  'check-module': "check's modules (report, pipeline without pdfjs, segment, zod)",
  'rules-yaml': 'rules/ from YAML (parse, validate, compile every pattern)',
  'rules-compiled': 'rules/ from the compiled snapshot (patterns compiled at use)',
  model: 'the model JSON, both languages',
  'classifier-sv': 'classifier built + first Swedish sentence',
  stemmers: "natural's two stemmers",
  compromise: 'compromise, full (tagger)',
  'compromise-one': 'compromise/one (tokenizer)',
  'better-sqlite3': 'better-sqlite3 + an in-memory store',
  pdfjs: 'pdfjs with its load-time patches',
  'batch-worker': 'a batch worker until ready (thread + rules + model)',
};

const dist = (rel: string) => import(path.join(distDir, rel));

/** Runs one part in this process and returns its milliseconds. */
export async function measureStartupPart(part: string): Promise<number> {
  // Untimed prerequisites.
  if (part === 'classifier-sv') {
    const { loadRules } = await dist('ruleset/load.js');
    const { loadModels } = await dist('classify/model.js');
    const rules = loadRules(rulesDir);
    const { models } = loadModels(rulesDir);
    const t = performance.now();
    const { Classifier } = await dist('classify/index.js');
    new Classifier(rules, models).classify('Väntetiden har minskat till sex dagar.', 'sv');
    return performance.now() - t;
  }
  const t = performance.now();
  switch (part) {
    case 'commander': await import('commander'); break;
    case 'zod': await import('zod'); break;
    case 'check-module': await dist('cli/commands/check.js'); break;
    case 'rules-yaml': (await dist('ruleset/load.js')).loadRules(rulesDir, null); break;
    case 'rules-compiled': (await dist('ruleset/load.js')).loadRules(rulesDir); break;
    case 'model': (await dist('classify/model.js')).loadModels(rulesDir); break;
    case 'stemmers':
      require('natural/lib/natural/stemmers/porter_stemmer_sv');
      require('natural/lib/natural/stemmers/porter_stemmer');
      break;
    case 'compromise': require('compromise'); break;
    case 'compromise-one': require('compromise/one'); break;
    case 'better-sqlite3': {
      const { default: Database } = await import('better-sqlite3');
      new Database(':memory:').close();
      break;
    }
    case 'pdfjs': await dist('extract/pdfjs.js'); break;
    case 'batch-worker': {
      // What a batch worker does before its first document: its thread, then the analyzer (rules, model, code hash).
      const analyzer = JSON.stringify(path.join(distDir, 'batch', 'analyzer.js'));
      const worker = new Worker(
        `const { parentPort } = require('node:worker_threads');
         import(${analyzer}).then((m) => m.createAnalyzer({})).then(() => parentPort.postMessage('ready'));`,
        { eval: true },
      );
      await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
      await worker.terminate();
      break;
    }
    default: throw new Error(`unknown start-up part ${part}`);
  }
  return performance.now() - t;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Each part's median over `runs` fresh processes, the parts interleaved round by round. */
export function startupParts(runs = 5): { part: string; what: string; ms: number }[] {
  const times = new Map<string, number[]>();
  for (let r = 0; r < runs; r++) {
    for (const part of Object.keys(STARTUP_PARTS)) {
      const out = spawnSync(process.execPath, [path.join(here, 'step.js'), 'startup', part], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`start-up part ${part} failed: ${out.stderr}`);
      const ms = (JSON.parse(out.stdout.trim().split('\n').pop()!) as { ms: number }).ms;
      (times.get(part) ?? times.set(part, []).get(part)!).push(ms);
    }
  }
  return Object.entries(STARTUP_PARTS).map(([part, what]) => ({ part, what, ms: Math.round(median(times.get(part)!)) }));
}

/** Whole-process wall time of `args` and of `node -e 0`, alternating, `pairs` times: medians and the median ratio. */
export function pairedWithBareNode(args: string[], pairs = 9, cwd?: string): { ms: number; nodeMs: number; ratio: number } {
  const time = (argv: string[]) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd, stdio: 'ignore' });
    if (r.error) throw r.error;
    return performance.now() - t;
  };
  const a: number[] = [], b: number[] = [], ratio: number[] = [];
  time(args); // warm the file cache
  for (let i = 0; i < pairs; i++) {
    const [x, y] = i % 2 ? [time(['-e', '0']), time(args)].reverse() : [time(args), time(['-e', '0'])];
    a.push(x!);
    b.push(y!);
    ratio.push(x! / y!);
  }
  return { ms: Math.round(median(a)), nodeMs: Math.round(median(b)), ratio: Math.round(median(ratio) * 10) / 10 };
}
