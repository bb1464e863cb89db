import { Option, type Command } from 'commander';
import type { Language } from '../../model/result.js';
import { runRuleExamples } from '../../rule-examples.js';
import { contextOrFail, err, out, rulesOrFail } from '../console.js';
import { EXIT } from '../exit.js';

interface RulesOptions {
  rules?: string;
}

interface RulesListOptions extends RulesOptions {
  lang?: Language;
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('check or list the rules');
  rules.command('check').description('validate every rule file and run every rule example').option('--rules <dir>', 'rules folder').action(check);
  rules.command('list').description('list the rules with their ids').option('--rules <dir>', 'rules folder').addOption(new Option('--lang <lang>', 'only this language').choices(['sv', 'en'])).action(list);
}

async function check(opts: RulesOptions): Promise<void> {
  const rules = rulesOrFail(opts.rules);
  const ctx = await contextOrFail({ rules: opts.rules });
  const failures = runRuleExamples(rules, ctx.classifier);
  for (const f of failures) err(`${f.file}:${f.line} ✖ ${f.id}: ${f.message}`);
  if (failures.length) {
    err(`${failures.length} rule example(s) failed.`);
    process.exitCode = EXIT.usage;
  } else out(`${rules.rules.length} rules in ${rules.dir} are valid; every example holds.`);
}

function list(opts: RulesListOptions): void {
  for (const r of rulesOrFail(opts.rules).rules) {
    if (opts.lang && r.language !== opts.lang) continue;
    const what = r.kind === 'status' ? `→ ${r.status}` : r.kind === 'orientation' ? `→ ${r.orientation}` : r.kind === 'structure' || r.kind === 'indicator' ? `role ${r.role}` : r.kind === 'identity' ? `${r.field}${r.value ? ` → ${r.value}` : ''}` : `${r.label ?? ''}${r.feature ? ` [${r.feature}]` : ''} ${r.weight}`;
    out(`${r.id.padEnd(42)} ${r.kind.padEnd(11)} ${what.padEnd(26)} ${r.description}`);
  }
}
