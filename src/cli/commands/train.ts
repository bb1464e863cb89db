import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadCorpus, splitOf } from '../../classify/corpus.js';
import { Classifier } from '../../classify/index.js';
import { modelPath } from '../../classify/model.js';
import { trainModel } from '../../classify/train.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { defaultRulesDir } from '../../ruleset/load.js';
import { err, rulesOrFail } from '../console.js';

interface TrainOptions {
  corpora: string;
  rules?: string;
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train the sentence model from corpora/ (deterministic) and write rules/model/<lang>.json')
    .option('--corpora <dir>', 'corpora folder', 'corpora')
    .option('--rules <dir>', 'rules folder')
    .action(train);
}

async function train(opts: TrainOptions): Promise<void> {
  const rulesDir = opts.rules ?? defaultRulesDir();
  const bare = new Classifier(rulesOrFail(rulesDir), {});
  for (const lang of ['sv', 'en'] as const) {
    const examples = loadCorpus(opts.corpora, lang).filter((e) => splitOf(e.text) !== 'test');
    if (!examples.length) continue;
    const model = trainModel(examples, lang, bare);
    fs.mkdirSync(path.dirname(modelPath(rulesDir, lang)), { recursive: true });
    await writeFileAtomic(modelPath(rulesDir, lang), JSON.stringify(model) + '\n');
    err(`${lang}: trained on ${examples.length} sentences (train+dev), ${Object.keys(model.weights).length} features → ${path.relative(process.cwd(), modelPath(rulesDir, lang))}`);
  }
}
