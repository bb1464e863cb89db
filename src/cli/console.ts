/**
 * How a command speaks: results on stdout, messages on stderr, and failing with exit 2 with the errors a person
 * can act on (every rule or configuration problem as `file:line:column ✖ message`).
 */
import { createContext, type ContextOptions } from '../context.js';
import { defaultRulesDir, formatRuleError, loadRules, RuleLoadError, type RuleSet } from '../ruleset/load.js';
import { EXIT } from './exit.js';
import { forcedLanguage, type ContextFlags } from './options.js';

export const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
export const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');

export function fail(e: unknown): never {
  if (e instanceof RuleLoadError) {
    for (const x of e.errors) err(formatRuleError(x));
    err(`${e.errors.length} problem(s) in rules or configuration.`);
  } else err(`verkstad: ${(e as Error).message}`);
  process.exit(EXIT.usage);
}

/** ANSI colours on a terminal, unless NO_COLOR; FORCE_COLOR decides either way. */
export const colourOK = () => (process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);

/**
 * Rules, model and configuration for analysing in this thread, or exit 2 with what is wrong with them. Loaded once
 * per process for the same flags: `check` loads them to report rule errors first, then analyses drafts with them.
 */
export async function contextOrFail(flags: ContextFlags & { maxPages?: number }) {
  const options: ContextOptions = { rulesDir: flags.rules, configPath: flags.config, maxPages: flags.maxPages, language: forcedLanguage(flags.lang), marks: flags.marks };
  const key = JSON.stringify(options);
  let context = contexts.get(key);
  if (!context) contexts.set(key, (context = createContext(options)));
  try {
    return await context;
  } catch (e) {
    fail(e);
  }
}
const contexts = new Map<string, ReturnType<typeof createContext>>();

/** The rules alone (no model, no configuration), or exit 2 with every problem in them. */
export function rulesOrFail(dir: string = defaultRulesDir()): RuleSet {
  try {
    return loadRules(dir);
  } catch (e) {
    fail(e);
  }
}
