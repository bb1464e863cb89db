#!/usr/bin/env node
// Rebuilds the sample PDFs in corpora/samples/ from corpora/samples/src/.
//   node corpora/samples/generate.mjs            (all three)
//   node corpora/samples/generate.mjs en-council  (only files whose name contains the argument)
// A producer whose program is missing (chromium, soffice) is skipped with a message.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');

function findProgram(names) {
  for (const name of names) {
    if (name.includes('/')) { if (existsSync(name)) return name; continue; }
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

function chromiumPdf(htmlFile, outPdf) {
  const chromium = findProgram(['chromium', 'chromium-browser', 'google-chrome', '/usr/bin/chromium']);
  if (!chromium) return `skipped: chromium not found`;
  const profile = mkdtempSync(join(tmpdir(), 'verkstad-chromium-'));
  try {
    execFileSync(chromium, [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`, '--no-pdf-header-footer',
      `--print-to-pdf=${outPdf}`, pathToFileURL(resolve(htmlFile)).href,
    ], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return null;
}

// LibreOffice: .fodt -> .docx -> .pdf (a Word round-trip, as in real exports).
function libreOfficeWordRoundTrip(fodtFile, outPdf) {
  const soffice = findProgram(['soffice', 'libreoffice']);
  if (!soffice) return `skipped: soffice (LibreOffice) not found`;
  const work = mkdtempSync(join(tmpdir(), 'verkstad-lo-'));
  const home = join(work, 'home');
  const env = { ...process.env, HOME: home };
  const stem = basename(fodtFile).replace(/\.fodt$/, '');
  try {
    const run = (args) => execFileSync(soffice, ['--headless', ...args], {
      env, cwd: work, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000,
    });
    run(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, resolve(fodtFile)]);
    const docx = join(work, `${stem}.docx`);
    if (!existsSync(docx)) throw new Error(`LibreOffice produced no ${stem}.docx`);
    run(['--convert-to', 'pdf:writer_pdf_Export:{"UseLosslessCompression":{"type":"boolean","value":"true"}}', '--outdir', join(work, 'pdf'), docx]);
    const pdf = join(work, 'pdf', `${stem}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice produced no ${stem}.pdf`);
    copyFileSync(pdf, outPdf);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return null;
}

const jobs = [
  { out: 'sv-namnd-delarsrapport.pdf', from: 'sv-namnd-delarsrapport.html', build: chromiumPdf },
  { out: 'sv-kultur-bokslut.pdf', from: 'sv-kultur-bokslut.fodt', build: libreOfficeWordRoundTrip },
  { out: 'en-council-qpr.pdf', from: 'en-council-qpr.html', build: chromiumPdf },
];

const filter = process.argv[2];
let failed = 0;
for (const job of jobs) {
  if (filter && !job.out.includes(filter)) continue;
  const input = join(src, job.from);
  const output = join(here, job.out);
  if (!existsSync(input)) { console.error(`${job.out}: source ${job.from} missing`); failed++; continue; }
  try {
    const skipped = job.build(input, output);
    if (skipped) { console.log(`${job.out}: ${skipped}`); continue; }
    console.log(`${job.out}: ${(statSync(output).size / 1024).toFixed(0)} KB from src/${job.from}`);
  } catch (err) {
    failed++;
    console.error(`${job.out}: failed: ${err.stderr ? String(err.stderr).trim() : err.message}`);
  }
}
process.exitCode = failed ? 1 : 0;
