#!/usr/bin/env node
/**
 * Runs the CLI on every bomb (and the large files that must pass) with the default limits and prints, per file,
 * the verdict and the peak RSS of the whole process: `node dist/cli/main.js analyze <file> --out <tmp>` under
 * GNU time (`/usr/bin/time -v`), or with the child's own maxRSS where that is missing. Not a test: figures
 * depend on the machine. Build first (`npx tsc -p tsconfig.json`).
 *
 *   node test/hostile/measure.mjs                 # the table
 *   node test/hostile/measure.mjs --unguarded     # also each file with the bomb check off (runBatch, inflateLimits: false)
 *   node test/hostile/measure.mjs --only bomb-lzw,bomb-brotli
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);

if (args[0] === '--generate') {
  // Run as a child: generating takes a GB for a moment (the Brotli input), and Linux hands a process's peak RSS
  // on to the programs it starts, which would then report it as theirs.
  register(new URL('./ts-hooks.mjs', import.meta.url));
  const { writeBombSet } = await import('./bombs.ts');
  const { writeHostileSet } = await import('./generate.ts');
  const cases = [
    ...(await writeHostileSet(path.join(args[1], 'hostile'))).filter((c) => c.name === 'bomb'),
    ...(await writeBombSet(path.join(args[1], 'bombs'))),
  ];
  console.log(JSON.stringify(cases));
  process.exit(0);
}

const unguarded = args.includes('--unguarded');
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : null;
const gnuTime = existsSync('/usr/bin/time') && !args.includes('--no-gnu-time') ? '/usr/bin/time' : null;
const cli = path.join(root, 'dist/cli/main.js');
if (!existsSync(cli)) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` first');

const work = mkdtempSync(path.join(os.tmpdir(), 'verkstad-bombs-'));
try {
  const generated = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--generate', work], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (generated.status !== 0) throw new Error(`generating the bombs failed: ${generated.stderr}`);
  const cases = JSON.parse(generated.stdout).filter((c) => !only || only.has(c.name));

  const rows = [];
  for (const c of cases) {
    const out = path.join(work, `out-${c.name}`);
    const guarded = run([cli, 'analyze', c.file, '--out', out, '--quiet'], () => verdictFrom(path.join(out, 'documents', `${path.basename(c.file)}.json`)));
    const row = { case: c, guarded };
    if (unguarded) {
      // A file, not `-e`: worker threads inherit the process's flags, and `--input-type` is refused in a worker.
      const script = path.join(work, `unguarded-${c.name}.mjs`);
      writeFileSync(
        script,
        `const { runBatch } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/batch/run.js')).href)});
        const [r] = await runBatch([${JSON.stringify(c.file)}], { jobs: 1, inflateLimits: false });
        console.log(JSON.stringify(r.error ?? { code: 'OK', message: '' }));`,
      );
      row.unguarded = run([script], (stdout) => JSON.parse(stdout.trim().split('\n').pop()));
    }
    rows.push(row);
    process.stderr.write(`${c.name}: ${row.guarded.code} ${row.guarded.rssMb} MB\n`);
  }

  const header = ['file', 'size', 'expected', 'verdict', 'peak RSS', 'wall', ...(unguarded ? ['check off: verdict', 'peak RSS', 'wall'] : [])];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const { case: c, guarded, unguarded: off } of rows) {
    const cells = [
      c.name,
      size(statSync(c.file).size),
      c.expectCode,
      guarded.code === c.expectCode ? guarded.code : `**${guarded.code}**`,
      `${guarded.rssMb} MB`,
      `${guarded.seconds} s`,
      ...(off ? [off.code, `${off.rssMb} MB`, `${off.seconds} s`] : []),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log('');
  for (const { case: c, guarded } of rows) console.log(`- ${c.name}: ${guarded.message}`);
  const peak = Math.max(...rows.map((r) => r.guarded.rssMb));
  const wrong = rows.filter((r) => r.guarded.code !== r.case.expectCode).map((r) => r.case.name);
  console.log(`\nhighest peak RSS ${peak} MB (target ≤ 700 MB); ${wrong.length ? `unexpected verdicts: ${wrong.join(', ')}` : 'every verdict as expected'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Runs node with `nodeArgs`, measuring peak RSS and wall time; `read(stdout)` gives the verdict. */
function run(nodeArgs, read) {
  const t0 = performance.now();
  // Without GNU time the child reports its own maxRSS as it exits (threads included: workers are threads).
  const reporter = `process.on('exit', () => process.stderr.write('\\nmaxRSS kB: ' + process.resourceUsage().maxRSS + '\\n'));`;
  const argv = gnuTime
    ? [gnuTime, ['-v', process.execPath, ...nodeArgs]]
    : [process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(reporter)}`, ...nodeArgs]];
  const p = spawnSync(argv[0], argv[1], { encoding: 'utf8', cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const m = gnuTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(p.stderr) : /maxRSS kB: (\d+)/.exec(p.stderr);
  const rssMb = m ? Math.round(Number(m[1]) / 1024) : NaN;
  let verdict;
  try {
    verdict = read(p.stdout);
  } catch (err) {
    verdict = { code: `no result (exit ${p.status})`, message: String(p.stderr).split('\n').slice(-3).join(' ') };
  }
  return { code: verdict.code, message: verdict.message, rssMb, seconds };
}

function verdictFrom(jsonFile) {
  const doc = JSON.parse(readFileSync(jsonFile, 'utf8')).documents[0];
  return doc.error ?? { code: 'OK', message: '' };
}

function size(n) {
  return n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`;
}
