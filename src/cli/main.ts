#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { toolVersion } from '../version.js';
import { EXIT } from './exit.js';

const program = new Command();
program
  .name('verkstad')
  .description('Finds green goals in municipal follow-up reports whose evidence is only work inside the organisation.')
  .version(toolVersion(), '-V, --version')
  .showHelpAfterError()
  .exitOverride()
  .addHelpText(
    'after',
    `
Examples:
  verkstad analyze report.pdf                      analyse one report, write output/ (JSON, summary.csv, report.html)
  verkstad analyze archive/ --jobs 2 --out out/    a whole archive, on two cores, resumable
  verkstad analyze report.pdf --format json        print the public JSON on stdout
  verkstad check draft.pdf --format github         CI check: exit 1 when a green goal is flagged
  echo "Väntetiden har minskat till sex dagar." | verkstad classify --lang sv
  verkstad extract report.pdf --format text        show what the PDF holds: blocks, tables, status marks
  verkstad eval                                    precision/recall of the sentence labels on the test split

Exit codes: 0 done; 1 findings at or above --fail-on; 2 usage/config error or a document that could not be analysed.`,
  );

/**
 * Each command's module, loaded only when that command runs: `check` on a draft need not load the store, the
 * evaluation code, the trainer or the HTML report. Help, an unknown command and `--version` load them all (in
 * this order, the order of the help).
 */
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  analyze: async () => (await import('./commands/analyze.js')).registerAnalyze,
  check: async () => (await import('./commands/check.js')).registerCheck,
  classify: async () => (await import('./commands/classify.js')).registerClassify,
  extract: async () => (await import('./commands/extract.js')).registerExtract,
  train: async () => (await import('./commands/train.js')).registerTrain,
  eval: async () => (await import('./commands/eval.js')).registerEval,
  merge: async () => (await import('./commands/merge.js')).registerMerge,
  rules: async () => (await import('./commands/rules.js')).registerRules,
};
const named = process.argv.slice(2).find((a) => !a.startsWith('-'));
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
for (const register of await Promise.all(wanted.map((name) => COMMANDS[name]!()))) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`verkstad: ${(err as Error).message}\n`);
    process.exitCode = EXIT.usage;
  }
}
