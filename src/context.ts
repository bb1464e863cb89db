import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AssessConfig, defaultConfig } from './assess/config.js';
import { CsvOptions } from './model/csv-options.js';
import { Classifier } from './classify/index.js';
import { loadModels } from './classify/model.js';
import type { MarksWhere, PipelineContext } from './pipeline.js';
import { LIMITS } from './limits.js';
import { defaultRulesDir, loadRules, parseYamlFile, RuleLoadError } from './ruleset/load.js';
import { toolVersion } from './version.js';

export interface ContextOptions {
  rulesDir?: string;
  configPath?: string;
  maxPages?: number;
  language?: 'sv' | 'en';
  /** Read the operator list where the text says goals or statuses can be (default), or on every page. */
  marks?: MarksWhere;
}

/**
 * Loads rules, model and configuration once; a worker or a CLI command then analyses any number of documents.
 * Everything is read and checked here, so that a broken file fails at once; the classifier is built from them at
 * its first sentence (its patterns compiled for both languages: ~70 ms), which a process that only checks the rules
 * or computes the cache key (the CLI's main thread beside a batch) never pays.
 */
export async function createContext(opts: ContextOptions = {}): Promise<PipelineContext & { modelHash: string }> {
  const rulesDir = opts.rulesDir ?? defaultRulesDir();
  const rules = loadRules(rulesDir);
  const { models, hash } = loadModels(rulesDir);
  const config = loadConfig(opts.configPath);
  let classifier: Classifier | undefined;
  return {
    rules,
    get classifier() {
      return (classifier ??= new Classifier(rules, models));
    },
    config,
    extract: { maxPages: opts.maxPages ?? LIMITS.maxPages, ...(opts.marks === 'all' ? { graphics: true } : {}) },
    language: opts.language,
    modelHash: hash,
  };
}

export function contextFingerprint(ctx: PipelineContext & { modelHash?: string }): { tool: string; rules: string; model: string } {
  return { tool: toolVersion(), rules: ctx.rules.hash, model: ctx.modelHash ?? 'none' };
}

/**
 * The configuration file: the assessment's settings and, under `csv:`, how summary.csv is written. Only the
 * assessment's part goes into an analysis (and its cache key): a new delimiter re-analyses nothing.
 */
const ConfigFile = AssessConfig.extend({ csv: CsvOptions.default(CsvOptions.parse({})) });
/** package.json with a `verkstad` field: the field is the configuration, the rest is the package's business. */
const PackageJsonWithConfig = z.object({ verkstad: ConfigFile }).passthrough();

/** `verkstad.config.yaml` in the working directory (or the given path), else package.json's `verkstad` field. */
export function loadConfig(configPath?: string): AssessConfig {
  return loadSettings(configPath).assess;
}

/** Both parts of the configuration (see `loadConfig` for where it is read from). */
export function loadSettings(configPath?: string): { assess: AssessConfig; csv: CsvOptions } {
  const split = ({ csv, ...assess }: z.infer<typeof ConfigFile>) => ({ assess, csv });
  const candidates = configPath ? [configPath] : ['verkstad.config.yaml', 'verkstad.config.yml'];
  for (const c of candidates) {
    if (!fs.existsSync(c)) {
      if (configPath) throw new RuleLoadError([{ file: c, line: 1, column: 1, message: 'config file not found' }]);
      continue;
    }
    return split(parseYamlFile(c, fs.readFileSync(c, 'utf8'), ConfigFile));
  }
  const pkg = path.resolve('package.json');
  if (fs.existsSync(pkg)) {
    const text = fs.readFileSync(pkg, 'utf8');
    let field: unknown;
    try {
      field = (JSON.parse(text) as { verkstad?: unknown }).verkstad;
    } catch {
      return { assess: defaultConfig(), csv: CsvOptions.parse({}) }; // not a package.json we can read, and not ours to judge
    }
    // A `verkstad` field is ours: every problem in it is reported as package.json:line:column (JSON is YAML).
    if (field !== undefined) return split(parseYamlFile(path.relative(process.cwd(), pkg) || pkg, text, PackageJsonWithConfig).verkstad);
  }
  return { assess: defaultConfig(), csv: CsvOptions.parse({}) };
}
