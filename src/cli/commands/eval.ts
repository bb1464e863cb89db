import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadCorpus, splitOf } from '../../classify/corpus.js';
import { formatScores, score } from '../../classify/evaluate.js';
import { assessGoals } from '../../assess/index.js';
import { formatRealSetReport } from '../../classify/real-eval.js';
import { orientationFromTitleRules } from '../../classify/real-goals.js';
import { readRealSet, selectHalf, type OrgHalf, type RealSet } from '../../classify/real-set.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { contextOrFail, fail, out } from '../console.js';

interface EvalOptions {
  corpora: string;
  rules?: string;
  split: 'train' | 'dev' | 'test';
  writeBacklog?: boolean;
  real?: string;
  orgHalf?: OrgHalf;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('per-label precision/recall/F1, confusion matrix and resident-facing F1 on the test split')
    .option('--corpora <dir>', 'corpora folder', 'corpora')
    .option('--rules <dir>', 'rules folder')
    .addOption(new Option('--split <split>', 'which split').choices(['train', 'dev', 'test']).default('test'))
    .option('--write-backlog', 'write the misclassifications to corpora/backlog.jsonl')
    .option('--real <dir>', 'score a real labelled set instead (DIR/sentences.tsv, DIR/goals.json)')
    .addOption(new Option('--org-half <half>', 'with --real: only one half of the organisations').choices(['tune', 'holdout']))
    .action(evaluate);
}

async function evaluate(opts: EvalOptions): Promise<void> {
  const ctx = await contextOrFail({ rules: opts.rules });
  if (opts.real) {
    let set: RealSet;
    try {
      set = readRealSet(opts.real);
    } catch (e) {
      fail(e);
    }
    out(formatRealSetReport(opts.orgHalf ? selectHalf(set, opts.orgHalf) : set, {
      classify: (text, lang) => ctx.classifier.classify(text, lang),
      orientationOf: orientationFromTitleRules(ctx.rules),
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
