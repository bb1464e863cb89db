import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadCorpus, splitOf } from '../../classify/corpus.js';
import { formatScores, score } from '../../classify/evaluate.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { contextOrFail, out } from '../console.js';

interface EvalOptions {
  corpora: string;
  rules?: string;
  split: 'train' | 'dev' | 'test';
  writeBacklog?: boolean;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('per-label precision/recall/F1, confusion matrix and resident-facing F1 on the test split')
    .option('--corpora <dir>', 'corpora folder', 'corpora')
    .option('--rules <dir>', 'rules folder')
    .addOption(new Option('--split <split>', 'which split').choices(['train', 'dev', 'test']).default('test'))
    .option('--write-backlog', 'write the misclassifications to corpora/backlog.jsonl')
    .action(evaluate);
}

async function evaluate(opts: EvalOptions): Promise<void> {
  const ctx = await contextOrFail({ rules: opts.rules });
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
