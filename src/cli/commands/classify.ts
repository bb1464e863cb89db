import { Option, type Command } from 'commander';
import type { Language } from '../../model/result.js';
import { detectLanguage } from '../../segment/index.js';
import { contextOrFail, out } from '../console.js';

interface ClassifyOptions {
  lang: Language | 'auto';
  format: 'json' | 'text';
  rules?: string;
}

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('label sentences (arguments, or one per line on stdin)')
    .argument('[sentences...]', 'sentences; read from stdin when none are given')
    .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en', 'auto']).default('auto'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('json'))
    .option('--rules <dir>', 'rules folder')
    .action(classify);
}

async function classify(sentences: string[], opts: ClassifyOptions): Promise<void> {
  const ctx = await contextOrFail({ rules: opts.rules });
  const lines = sentences.length ? sentences : await readStdinLines();
  const results = lines.map((s) => ctx.classifier.classify(s, opts.lang === 'auto' ? detectLanguage(s) : opts.lang));
  if (opts.format === 'text') {
    for (const r of results) out(`${r.label.padEnd(9)} ${r.confidence.toFixed(2)}  ${r.text}\n          ${r.reasons.join(', ')}`);
  } else out(JSON.stringify(results, null, 2));
}

async function readStdinLines(): Promise<string[]> {
  if (process.stdin.isTTY) return [];
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}
