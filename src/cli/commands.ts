import fs from 'node:fs';
import path from 'node:path';
import { createContext, type ContextOptions } from '../context.js';
import { loadCorpus, splitOf } from '../classify/corpus.js';
import { score, formatScores } from '../classify/evaluate.js';
import { modelPath } from '../classify/model.js';
import { trainModel } from '../classify/train.js';
import { Classifier } from '../classify/index.js';
import { formatRealSetReport } from '../classify/real-eval.js';
import { orientationFromTitleRules } from '../classify/real-goals.js';
import { readRealSet, selectHalf, type OrgHalf } from '../classify/real-set.js';
import { assessGoals } from '../assess/index.js';
import { detectLanguage } from '../segment/index.js';
// pdfjs (through pipeline, extract) is loaded only by the commands that read a PDF in this thread; a batch reads
// its PDFs in worker threads, and `classify`, `rules`, `eval` start faster without it.
const pdfStages = async () => ({
  ...(await import('../pipeline.js')),
  ...(await import('../extract/index.js')),
  ...(await import('../layout/index.js')),
});
import { BatchAbortedError, BatchError, runBatchWithStats, type BatchStats } from '../batch/run.js';
import { threadCpuMs } from '../batch/thread-cpu.js';
import { toolVersion } from '../version.js';
import { createProgressReporter } from '../batch/progress.js';
import { mergeStores, openStore, STORE_FILE, type Store } from '../store/sqlite.js';
import { openAtomic, writeFileAtomic } from '../io/atomic.js';
import { expandInputs, shard } from '../io/inputs.js';
import type { DocumentResult, Language, Level } from '../model/result.js';
import { format } from '../report/index.js';
import { documentJsonChunk, jsonParts } from '../report/json.js';
import { csvParts } from '../report/csv.js';
import { htmlParts } from '../report/html.js';
import type { ArchiveDigest } from '../report/archive.js';
import { defaultRulesDir, formatRuleError, loadRules, RuleLoadError } from '../ruleset/load.js';
import { runRuleExamples } from '../ruleset/examples.js';
import { analysisHead, ArchiveCollector, toAnalysis } from '../analysis.js';
import { EXIT } from './exit.js';
import { formatLayoutText } from './layout-text.js';

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');

function fail(e: unknown): never {
  if (e instanceof RuleLoadError) {
    for (const x of e.errors) err(formatRuleError(x));
    err(`${e.errors.length} problem(s) in rules or configuration.`);
  } else err(`verkstad: ${(e as Error).message}`);
  process.exit(EXIT.usage);
}

async function context(opts: { rules?: string; config?: string; maxPages?: string; lang?: string }) {
  const o: ContextOptions = { rulesDir: opts.rules, configPath: opts.config, maxPages: opts.maxPages ? Number(opts.maxPages) : undefined };
  if (opts.lang === 'sv' || opts.lang === 'en') o.language = opts.lang;
  try {
    return await createContext(o);
  } catch (e) {
    fail(e);
  }
}

const RANK: Record<Level | 'none', number> = { note: 1, warning: 2, error: 3, none: 99 };

export function exitCodeFor(digest: ArchiveDigest, failOn: Level | 'none'): number {
  if (digest.documents.some((d) => d.error)) return EXIT.usage;
  const worst = Math.max(0, ...digest.flagged.flatMap((g) => g.goal.flags.map((f) => RANK[f.level])));
  return worst >= RANK[failOn] ? EXIT.findings : EXIT.ok;
}

const colourOK = () => (process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);

/**
 * Every document goes through the batch layer — worker threads, a time and memory bound per document, the
 * store as cache — also when there is only one: a single hostile PDF must not take the CLI down either.
 *
 * With a store the batch keeps no results: each one is counted into the digest as it arrives and the documents
 * are read back from the store, one at a time, when the outputs are written.
 */
async function analyseFiles(
  files: string[],
  opts: Record<string, string | boolean | undefined>,
  store: Store | undefined,
  onDocument?: (cached: boolean) => void,
): Promise<{ digest: ArchiveDigest; documents: Iterable<DocumentResult>; stats: BatchStats }> {
  const progress = createProgressReporter({ quiet: Boolean(opts.quiet) || !store });
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const collector = new ArchiveCollector(files.length);
  const unstored = new Map<number, DocumentResult>();
  try {
    const { results, stats } = await runBatchWithStats(files, {
      jobs: jobsFor(opts, files.length),
      timeoutMs: Number(opts.timeout ?? 60) * 1000,
      memoryMb: opts.memory ? Number(opts.memory) : undefined,
      maxBytes: opts.maxBytes ? Number(opts.maxBytes) * 1024 * 1024 : undefined,
      maxPages: Number(opts.maxPages ?? 2000),
      rulesDir: opts.rules as string | undefined,
      configPath: opts.config as string | undefined,
      language: opts.lang === 'sv' || opts.lang === 'en' ? opts.lang : undefined,
      signal: controller.signal,
      store,
      retainResults: !store,
      onProgress: progress.update,
      onResult: (result, index, info) => {
        collector.add(result, index);
        if (store && !info.stored) unstored.set(index, result);
        onDocument?.(info.cached);
      },
    });
    const documents: Iterable<DocumentResult> = store ? { [Symbol.iterator]: () => readBack(store, files, unstored) } : results;
    return { digest: collector.digest(), documents, stats };
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

/** Worker threads for a batch: as asked, but no more than there are documents. */
const jobsFor = (opts: Record<string, string | boolean | undefined>, files: number): number => Math.max(1, Math.min(Number(opts.jobs ?? 1), files));

/** The batch's documents in input order: from the store, or the few results the store could not take. */
function* readBack(store: Store, files: readonly string[], unstored: ReadonlyMap<number, DocumentResult>): Generator<DocumentResult> {
  for (let i = 0; i < files.length; i++) {
    const result = unstored.get(i) ?? store.resultFor(files[i]!);
    if (!result) throw new Error(`The store has no result for ${files[i]}: was ${store.file} changed during the run?`);
    yield result;
  }
}

async function inputsOrFail(inputs: string[], shardSpec?: string): Promise<string[]> {
  const { files, missing } = await expandInputs(inputs);
  for (const m of missing) err(`verkstad: no such file or no reports in: ${m}`);
  if (missing.length || files.length === 0) {
    if (!files.length) err('verkstad: no input reports (PDF, DOCX, Markdown or text) found.');
    process.exit(EXIT.usage);
  }
  if (!shardSpec) return files;
  const m = /^(\d+)\/(\d+)$/.exec(shardSpec);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
    err(`verkstad: --shard expects k/n with 1 <= k <= n, got "${shardSpec}"`);
    process.exit(EXIT.usage);
  }
  return shard(files, Number(m[1]), Number(m[2]));
}

export function outputName(file: string): string {
  return path.basename(file).replace(/[^\p{L}\p{N}._-]+/gu, '_') + '.json';
}

const OUTPUTS_MANIFEST = '.verkstad-outputs.json';

/**
 * Writes per-document JSON, summary.csv, report.html and verkstad.json, each atomically, walking the documents
 * once (they may come from the store one at a time). The outputs are a pure function of the results: when a
 * rerun brings the same results (every document from the store, same tool version) and the files are all
 * there, they are left as they are — a finished archive reruns in seconds.
 */
export async function writeOutputs(
  dir: string,
  digest: ArchiveDigest,
  documents: Iterable<DocumentResult>,
  opts: { unchanged?: boolean } = {},
): Promise<boolean> {
  fs.mkdirSync(dir, { recursive: true });
  const names = new Map<string, number>();
  const docNames = digest.documents.map((d) => {
    let name = outputName(d.file);
    const n = names.get(name) ?? 0;
    names.set(name, n + 1);
    if (n) name = name.replace(/\.json$/, `.${d.sha256.slice(0, 8)}.json`);
    return name;
  });
  const manifest = JSON.stringify({ version: digest.head.tool.version, documents: digest.documents.map((d, i) => [d.file, d.sha256, docNames[i]]) });
  const manifestFile = path.join(dir, OUTPUTS_MANIFEST);
  const all = [...docNames, 'summary.csv', 'report.html', 'verkstad.json'];
  if (opts.unchanged && fs.existsSync(manifestFile) && fs.readFileSync(manifestFile, 'utf8') === manifest && all.every((f) => fs.existsSync(path.join(dir, f)))) {
    return false;
  }
  fs.rmSync(manifestFile, { force: true }); // a crash while writing must not leave a manifest that vouches for half the files
  const count = digest.documents.length;
  const json = jsonParts(digest.head, count);
  const sinks = [
    { file: 'verkstad.json', parts: json },
    { file: 'summary.csv', parts: csvParts() },
    { file: 'report.html', parts: htmlParts(digest) },
  ];
  const open = await Promise.all(sinks.map((s) => openAtomic(path.join(dir, s.file))));
  // Each document's own file is written (and fsync'ed) while the next document is turned into text.
  let pending: Promise<void> = Promise.resolve();
  try {
    for (let k = 0; k < sinks.length; k++) await open[k]!.write(sinks[k]!.parts.start);
    let i = 0;
    for (const d of documents) {
      if (i >= count) throw new Error('more documents than the digest counts');
      const chunk = documentJsonChunk(d);
      const own = jsonParts(analysisHead([d]), 1);
      await pending;
      pending = writeFileAtomic(path.join(dir, docNames[i]!), own.start + own.document(d, 0, chunk) + own.end);
      pending.catch(() => {}); // a failure is thrown by the next `await pending`, not reported as unhandled meanwhile
      await open[0]!.write(json.document(d, i, chunk));
      for (let k = 1; k < sinks.length; k++) await open[k]!.write(sinks[k]!.parts.document(d, i));
      i++;
    }
    await pending;
    if (i !== count) throw new Error(`${i} documents written, the digest counts ${count}`);
    for (let k = 0; k < sinks.length; k++) await open[k]!.write(sinks[k]!.parts.end);
  } catch (e) {
    await pending.catch(() => {});
    await Promise.all(open.map((o) => o.discard()));
    throw e;
  }
  await Promise.all(open.map((o) => o.commit()));
  await writeFileAtomic(manifestFile, manifest);
  return true;
}

/**
 * What `analyze --stats FILE` writes: the run's counts, times, peak memory and where the CPU went, measured when
 * the outputs are written. Not part of the results (they stay byte-identical from run to run); for people
 * sizing machines and for the benchmark. Times in ms; a figure that cannot be measured here is null.
 */
function runStats(stats: BatchStats, jobs: number) {
  const usage = process.resourceUsage();
  const processMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  const mainMs = threadCpuMs();
  const workersMs = stats.workerCpuMs;
  return {
    tool: toolVersion(),
    documents: stats.documents,
    analysed: stats.analysed,
    cached: stats.cached,
    errors: stats.errors,
    byError: stats.byError,
    pages: stats.pages,
    analysedPages: stats.analysedPages,
    jobs,
    workersStarted: stats.workersStarted,
    rerunAlone: stats.rerunAlone,
    /** From starting workers to the last result. */
    batchMs: stats.elapsedMs,
    /** From the process's start to the outputs written. */
    totalMs: Math.round(performance.now()),
    peakRssMb: Math.max(stats.peakRssMb, Math.round(usage.maxRSS / 1024)),
    cpuMs: {
      process: processMs,
      mainThread: mainMs === null ? null : Math.round(mainMs),
      workerThreads: workersMs === null ? null : Math.round(workersMs),
      // V8's optimising compiler and garbage-collector helpers, libuv's pool, Node's module-hooks threads.
      otherThreads: mainMs === null || workersMs === null ? null : Math.max(0, Math.round(processMs - mainMs - workersMs)),
    },
  };
}

/** For an archive, one line per document and the total; the details are in report.html and the JSON. */
function archiveSummary(digest: ArchiveDigest): string {
  const lines = digest.documents.map((d) =>
    d.error
      ? `${d.file}: ${d.error.code}: ${d.error.message}`
      : `${d.file}: ${d.summary.goals} goals, ${d.summary.green} green, ${d.summary.flaggedGreen} flagged`,
  );
  const s = digest.head.summary;
  lines.push(`${s.documents} documents (${s.failed} failed); ${s.goals} goals, ${s.green} green, ${s.flaggedGreen} of them flagged`);
  return lines.join('\n');
}

export async function analyzeCommand(inputs: string[], opts: Record<string, string | boolean | undefined>): Promise<void> {
  const files = await inputsOrFail(inputs, opts.shard as string | undefined);
  if (opts.dump) {
    const ctx = await context(opts as never);
    const stage = String(opts.dump);
    const { runStages } = await pdfStages();
    const s = await runStages(files[0], fs.readFileSync(files[0]), ctx).catch(fail);
    const pick: Record<string, unknown> = { extract: s.extract, layout: s.layout, segment: s.segment, classify: s.result.goals.map((g) => ({ title: g.title, sentences: g.sentences })), assess: s.result };
    if (!(stage in pick)) fail(new Error(`--dump expects extract|layout|segment|classify|assess, got "${stage}"`));
    out(JSON.stringify(pick[stage], null, 2));
    return;
  }
  const printOnly = Boolean(opts.format) && !opts.out;
  const outDir = (opts.out as string | undefined) ?? (printOnly ? undefined : 'output');
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  let analysed = 0;
  const store = outDir ? openStore(path.join(outDir, STORE_FILE)) : undefined;
  try {
    const { digest, documents, stats } = await analyseFiles(files, opts, store, (cached) => { if (!cached) analysed++; });
    const wrote = outDir ? await writeOutputs(outDir, digest, documents, { unchanged: analysed === 0 }) : false;
    if (opts.stats) await writeFileAtomic(String(opts.stats), JSON.stringify(runStats(stats, jobsFor(opts, files.length)), null, 2) + '\n');
    // The formats printed here need the whole result in memory; an archive's summary does not.
    const whole = () => toAnalysis([...documents]);
    if (opts.format) {
      out(format(String(opts.format) as Parameters<typeof format>[0], whole(), { colour: colourOK(), why: Boolean(opts.why) }));
    } else {
      out(digest.documents.length > 10 ? archiveSummary(digest) : format('text', whole(), { colour: colourOK(), why: Boolean(opts.why) }));
      const what = wrote ? `Wrote ${digest.documents.length} document result(s), summary.csv and report.html to` : 'Nothing changed since the last run: the outputs in';
      err(`${what} ${path.normalize(outDir! + '/')}${wrote ? '' : ' are up to date'} — open ${path.join(outDir!, 'report.html')}`);
    }
    process.exitCode = exitCodeFor(digest, (opts.failOn as Level | 'none') ?? 'none');
  } finally {
    store?.close();
  }
}

export async function checkCommand(inputs: string[], opts: Record<string, string | boolean | undefined>): Promise<void> {
  const files = await inputsOrFail(inputs);
  await context(opts as never); // rules and config errors first, with their file:line
  const { digest, documents } = await analyseFiles(files, { ...opts, quiet: true }, undefined);
  const result = toAnalysis([...documents]);
  const text = format(String(opts.format ?? 'text') as Parameters<typeof format>[0], result, { colour: colourOK() && !opts.out, why: Boolean(opts.why) });
  out(text);
  if (opts.out) await writeFileAtomic(String(opts.out), text);
  // Writing to --out never turns a failing check green.
  process.exitCode = exitCodeFor(digest, (opts.failOn as Level) ?? 'warning');
}

async function readStdinLines(): Promise<string[]> {
  if (process.stdin.isTTY) return [];
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

export async function classifyCommand(sentences: string[], opts: { lang: string; format: string; rules?: string }): Promise<void> {
  const ctx = await context({ rules: opts.rules });
  const lines = sentences.length ? sentences : await readStdinLines();
  const results = lines.map((s) => {
    const lang: Language = opts.lang === 'sv' || opts.lang === 'en' ? opts.lang : detectLanguage(s);
    return ctx.classifier.classify(s, lang);
  });
  if (opts.format === 'text') {
    for (const r of results) out(`${r.label.padEnd(9)} ${r.confidence.toFixed(2)}  ${r.text}\n          ${r.reasons.join(', ')}`);
  } else out(JSON.stringify(results, null, 2));
}

function parsePages(spec: string | undefined, n: number): Set<number> | null {
  if (!spec) return null;
  const set = new Set<number>();
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let p = a; p <= (b || a) && p <= n; p++) set.add(p);
  }
  return set;
}

export async function extractCommand(file: string, opts: { format: string; raw?: boolean; pages?: string }): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    fail(e);
  }
  try {
    const { extractDocument, layoutDocument } = await pdfStages();
    const doc = await extractDocument(bytes);
    const only = parsePages(opts.pages, doc.numPages);
    if (opts.raw) {
      const pages = doc.pages.filter((p) => !only || only.has(p.number));
      out(JSON.stringify({ ...doc, pages }, null, opts.format === 'json' ? 2 : 0));
      return;
    }
    const layout = layoutDocument(doc);
    const pages = layout.pages.filter((p) => !only || only.has(p.number));
    out(opts.format === 'json' ? JSON.stringify({ ...layout, pages }, null, 2) : formatLayoutText({ ...layout, pages }));
  } catch (e) {
    const f = e as { code?: string; message: string };
    err(`${file}: ${f.code ?? 'INTERNAL'}: ${f.message}`);
    process.exitCode = EXIT.usage;
  }
}

export async function trainCommand(opts: { corpora: string; rules?: string }): Promise<void> {
  const rulesDir = opts.rules ?? defaultRulesDir();
  let rules;
  try { rules = loadRules(rulesDir); } catch (e) { fail(e); }
  const bare = new Classifier(rules, {});
  for (const lang of ['sv', 'en'] as const) {
    const examples = loadCorpus(opts.corpora, lang).filter((e) => splitOf(e.text) !== 'test');
    if (!examples.length) continue;
    const model = trainModel(examples, lang, bare);
    fs.mkdirSync(path.dirname(modelPath(rulesDir, lang)), { recursive: true });
    await writeFileAtomic(modelPath(rulesDir, lang), JSON.stringify(model) + '\n');
    err(`${lang}: trained on ${examples.length} sentences (train+dev), ${Object.keys(model.weights).length} features → ${path.relative(process.cwd(), modelPath(rulesDir, lang))}`);
  }
}

export async function evalCommand(opts: { corpora: string; rules?: string; split: 'train' | 'dev' | 'test'; writeBacklog?: boolean; real?: string; orgHalf?: OrgHalf }): Promise<void> {
  const ctx = await context({ rules: opts.rules });
  if (opts.real) {
    let set;
    try { set = readRealSet(opts.real); } catch (e) { fail(e); }
    out(formatRealSetReport(opts.orgHalf ? selectHalf(set, opts.orgHalf) : set, {
      classify: (text, lang) => ctx.classifier.classify(text, lang),
      orientationOf: orientationFromTitleRules(ctx.rules), // at merge: classify/orientation.ts's orientationOf
      flagged: (goal, lang) => assessGoals([goal], lang, ctx.config)[0]!.flags.length > 0,
    }, { title: opts.orgHalf ? `${opts.real} (${opts.orgHalf} half of the organisations)` : opts.real }));
    return;
  }
  const backlog: string[] = [];
  for (const lang of ['sv', 'en'] as const) {
    const examples = loadCorpus(opts.corpora, lang).filter((e) => splitOf(e.text) === opts.split);
    if (!examples.length) continue;
    const pairs = examples.map((e) => {
      const r = ctx.classifier.classify(e.text, lang);
      if (r.label !== e.label) backlog.push(JSON.stringify({ lang, text: e.text, gold: e.label, predicted: r.label, confidence: r.confidence, reasons: r.reasons.slice(0, 4), where: `${e.file}:${e.line}` }));
      return { gold: e.label, predicted: r.label };
    });
    out(formatScores(`${lang} — ${opts.split} split`, score(pairs)) + '\n');
  }
  const backlogFile = path.join(opts.corpora, 'backlog.jsonl');
  if (opts.writeBacklog) {
    await writeFileAtomic(backlogFile, backlog.join('\n') + (backlog.length ? '\n' : ''));
    out(`Backlog: ${backlog.length} known misclassification(s) written to ${backlogFile}.`);
  } else {
    const known = fs.existsSync(backlogFile) ? fs.readFileSync(backlogFile, 'utf8').split('\n').filter(Boolean).length : 0;
    out(`Backlog: ${backlog.length} misclassification(s) on this split; ${known} tracked in ${backlogFile} (rewrite with --write-backlog).`);
  }
}

export async function rulesCheckCommand(opts: { rules?: string }): Promise<void> {
  let rules;
  try { rules = loadRules(opts.rules ?? defaultRulesDir()); } catch (e) { fail(e); }
  const ctx = await context({ rules: opts.rules });
  const failures = runRuleExamples(rules, ctx.classifier);
  for (const f of failures) err(`${f.file}:${f.line} ✖ ${f.id}: ${f.message}`);
  if (failures.length) {
    err(`${failures.length} rule example(s) failed.`);
    process.exitCode = EXIT.usage;
  } else out(`${rules.rules.length} rules in ${rules.dir} are valid; every example holds.`);
}

export async function rulesListCommand(opts: { rules?: string; lang?: string }): Promise<void> {
  let rules;
  try { rules = loadRules(opts.rules ?? defaultRulesDir()); } catch (e) { fail(e); }
  for (const r of rules.rules) {
    if (opts.lang && r.language !== opts.lang) continue;
    const what = r.kind === 'status' ? `→ ${r.status}` : r.kind === 'orientation' ? `→ ${r.orientation}` : r.kind === 'structure' ? `role ${r.role}` : `${r.label ?? ''}${r.feature ? ` [${r.feature}]` : ''} ${r.weight}`;
    out(`${r.id.padEnd(42)} ${r.kind.padEnd(11)} ${what.padEnd(26)} ${r.description}`);
  }
}

export async function mergeCommand(stores: string[], opts: { out: string }): Promise<void> {
  fs.mkdirSync(opts.out, { recursive: true });
  const target = openStore(path.join(opts.out, STORE_FILE));
  try {
    const report = mergeStores(target, stores);
    const files = target.files();
    const collector = new ArchiveCollector(files.length);
    let i = 0;
    for (const d of target.eachResult(files)) collector.add(d, i++);
    await writeOutputs(opts.out, collector.digest(), { [Symbol.iterator]: () => target.eachResult(files) });
    err(`Merged ${stores.length} store(s): ${report.added} added, ${report.kept} already there; ${files.length} document(s) → ${path.normalize(opts.out + '/')}`);
  } catch (e) {
    fail(e);
  } finally {
    target.close();
  }
}
