import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, LineCounter } from 'yaml';
import type { Label, Language } from '../model/result.js';
import { COMPILED_RULES_FILE, readCompiledRules, writeCompiledRules } from './compiled.js';
import { RuleFile, type IdentityField, type IndicatorRole, type StructureRole } from './schema.js';

/** The YAML parser, loaded when a YAML file is parsed: rules found in the compiled snapshot need none. */
const yaml = (): typeof import('yaml') => createRequire(import.meta.url)('yaml') as typeof import('yaml');

export interface RuleError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatRuleError(e: RuleError): string {
  return `${e.file}:${e.line}:${e.column} ✖ ${e.message}`;
}

export class RuleLoadError extends Error {
  constructor(readonly errors: RuleError[]) {
    super(errors.map(formatRuleError).join('\n'));
    this.name = 'RuleLoadError';
  }
}

interface Base {
  /** `<lang>/<file>/<key>`: stable; the SARIF ruleId and the `reasons` entry. */
  id: string;
  language: Language;
  description: string;
  source?: string;
  examples: { match: string[]; noMatch: string[] };
  file: string;
  line: number;
}
export interface StatusRule extends Base { kind: 'status'; status: 'green' | 'yellow' | 'red' | 'unknown'; words: string[]; onlyInStatusColumn: boolean }
export interface OrientationRule extends Base { kind: 'orientation'; orientation: 'residents' | 'organisation'; regexes: RegExp[]; titleOnly: boolean }
export interface EvidenceRule extends Base {
  kind: 'pattern' | 'lexicon';
  label?: Label;
  feature?: string;
  weight: number;
  requires: string[];
  unless: string[];
  regexes: RegExp[];
  words: string[];
}
export interface StructureRule extends Base { kind: 'structure'; role: StructureRole; regexes: RegExp[] }
export interface IndicatorRule extends Base { kind: 'indicator'; role: IndicatorRole; value?: string; regexes: RegExp[] }
export interface IdentityRule extends Base { kind: 'identity'; field: IdentityField; value?: string; regexes: RegExp[] }
export type Rule = StatusRule | OrientationRule | EvidenceRule | StructureRule | IndicatorRule | IdentityRule;

export interface RuleSet {
  rules: Rule[];
  /** sha256 over the rule files: part of the cache key of every stored result. */
  hash: string;
  dir: string;
}

export function defaultRulesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/ruleset or src/ruleset → <package>/rules
  return path.resolve(here, '..', '..', 'rules');
}

export function position(doc: Document, lc: LineCounter, pathKeys: PropertyKey[]): { line: number; column: number } {
  for (let n = pathKeys.length; n >= 0; n--) {
    const node = doc.getIn(pathKeys.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) {
      const pos = lc.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
    // Point at the key of a missing or bad value where there is one.
    if (n > 0) {
      const parent = doc.getIn(pathKeys.slice(0, n - 1) as (string | number)[], true);
      if (yaml().isMap(parent)) {
        const pair = parent.items.find((p) => yaml().isScalar(p.key) && p.key.value === pathKeys[n - 1]);
        const key = pair?.key as { range?: [number, number, number] } | undefined;
        if (key?.range) {
          const pos = lc.linePos(key.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
    }
  }
  return { line: 1, column: 1 };
}

/**
 * JavaScript's \\b is ASCII-only even with the u flag (it sees no word edge before "ö"): use Unicode ones. A \\b
 * that opens a word (at the start, or before a letter or a group) becomes "no letter before"; one that closes a
 * word becomes "no letter after". One-sided checks are much cheaper than the two-sided alternation.
 */
const WORD = '[\\p{L}\\p{N}_]';
export function unicodeBoundaries(pattern: string): string {
  return pattern.replace(/(?<!\\)\\b/g, (_m, offset: number, all: string) => {
    const before = all.slice(0, offset);
    const after = all.slice(offset + 2);
    // Before something that takes a word character it opens a word; before a group it opens one when it
    // follows the start, an alternative, a space or a lookaround; anything else (the end, ")", "[^.]") closes.
    const opens = /^(\\[dwp]|\[(?!\^)|[\p{L}\p{N}])/u.test(after)
      ? !/[\p{L}\p{N}]$/u.test(before)
      : after.startsWith('(') && (before === '' || /[(|\s^!=]$/.test(before));
    return opens ? `(?<!${WORD})` : `(?!${WORD})`;
  });
}

function compile(pattern: string, where: () => RuleError, errors: RuleError[]): RegExp | null {
  try {
    return new RegExp(unicodeBoundaries(pattern), 'iu');
  } catch (e) {
    errors.push({ ...where(), message: `invalid regular expression ${JSON.stringify(pattern)}: ${(e as Error).message}` });
    return null;
  }
}

/**
 * Reads every YAML file under `dir`, validates all of them, and throws one error listing every problem found.
 * When the files are byte for byte those the compiled snapshot was made from (`compiledFile`, written by the build:
 * see compiled.ts), the rules come from it instead, without parsing YAML; null reads the YAML in any case.
 */
export function loadRules(dir = defaultRulesDir(), compiledFile: string | URL | null = COMPILED_RULES_FILE): RuleSet {
  const files = listYaml(dir).map((abs) => ({ abs, rel: path.relative(path.dirname(dir), abs).split(path.sep).join('/'), text: fs.readFileSync(abs, 'utf8') }));
  const hash = createHash('sha256');
  for (const { rel, text } of files) hash.update(rel).update('\0').update(text).update('\0');
  const digest = hash.digest('hex').slice(0, 16);
  const compiled = compiledFile ? readCompiledRules(compiledFile, digest) : null;
  if (compiled) return { rules: compiled, hash: digest, dir };
  const errors: RuleError[] = [];
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  const { LineCounter, parseDocument } = yaml();
  for (const { abs, rel, text } of files) {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length) {
      for (const e of doc.errors) {
        const pos = lc.linePos(e.pos[0]);
        errors.push({ file: rel, line: pos.line, column: pos.col, message: e.message.split('\n')[0] });
      }
      continue;
    }
    const parsed = RuleFile.safeParse(doc.toJS());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const pos = position(doc, lc, issue.path);
        errors.push({ file: rel, ...pos, message: describeIssue(issue, doc.getIn(issue.path as (string | number)[])) });
      }
      continue;
    }
    const data = parsed.data;
    const lang = data.language;
    const dirLang = path.basename(path.dirname(abs));
    if (dirLang !== lang) {
      const pos = position(doc, lc, ['language']);
      errors.push({ file: rel, ...pos, message: `expected language "${dirLang}" (the folder it is in), got "${lang}"` });
    }
    const stem = path.basename(abs).replace(/\.ya?ml$/, '');
    for (const [key, entry] of Object.entries(data.entries)) {
      const id = `${lang}/${stem}/${key}`;
      const pos = position(doc, lc, ['entries', key]);
      const where = () => ({ file: rel, ...pos, message: '' });
      if (seen.has(id)) errors.push({ ...where(), message: `duplicate rule id "${id}" (also in ${seen.get(id)}): rename one` });
      seen.set(id, rel);
      const base = { id, language: lang, description: entry.description, source: entry.source ?? data.source, examples: entry.examples, file: rel, line: pos.line };
      const regexes = (ps: string[]) => ps.map((p) => compile(p, where, errors)).filter((r): r is RegExp => r !== null);
      switch (data.kind) {
        case 'status': {
          const e = entry as { status: StatusRule['status']; words: string[]; onlyInStatusColumn: boolean };
          rules.push({ ...base, kind: 'status', status: e.status, words: e.words, onlyInStatusColumn: e.onlyInStatusColumn });
          break;
        }
        case 'orientation': {
          const e = entry as { orientation: OrientationRule['orientation']; patterns: string[]; titleOnly: boolean };
          rules.push({ ...base, kind: 'orientation', orientation: e.orientation, regexes: regexes(e.patterns), titleOnly: e.titleOnly });
          break;
        }
        case 'structure': {
          const e = entry as { role: StructureRole; patterns: string[] };
          rules.push({ ...base, kind: 'structure', role: e.role, regexes: regexes(e.patterns) });
          break;
        }
        case 'indicator': {
          const e = entry as { role: IndicatorRole; value?: string; patterns: string[] };
          rules.push({ ...base, kind: 'indicator', role: e.role, value: e.value, regexes: regexes(e.patterns) });
          break;
        }
        case 'identity': {
          const e = entry as { field: IdentityField; value?: string; patterns: string[] };
          rules.push({ ...base, kind: 'identity', field: e.field, value: e.value, regexes: regexes(e.patterns) });
          break;
        }
        case 'pattern': {
          const e = entry as { label?: Label; feature?: string; weight: number; requires: string[]; unless: string[]; patterns: string[] };
          if (!e.label && !e.feature) errors.push({ ...where(), message: 'expected a `label` or a `feature`, got neither' });
          rules.push({ ...base, kind: 'pattern', label: e.label, feature: e.feature, weight: e.weight, requires: e.requires, unless: e.unless, regexes: regexes(e.patterns), words: [] });
          break;
        }
        case 'lexicon': {
          const e = entry as { label?: Label; feature?: string; weight: number; requires: string[]; unless: string[]; words: string[] };
          if (!e.label && !e.feature) errors.push({ ...where(), message: 'expected a `label` or a `feature`, got neither' });
          rules.push({ ...base, kind: 'lexicon', label: e.label, feature: e.feature, weight: e.weight, requires: e.requires, unless: e.unless, regexes: [], words: e.words });
          break;
        }
      }
    }
  }
  // A status word in two entries would make the first one win silently.
  const statusWords = new Map<string, StatusRule>();
  for (const r of rules) {
    if (r.kind !== 'status') continue;
    for (const w of r.words) {
      const key = `${r.language}:${w.toLowerCase().trim()}`;
      const other = statusWords.get(key);
      if (other && other !== r) errors.push({ file: r.file, line: r.line, column: 1, message: `unexpected duplicate status word "${w}" (also in ${other.id}): remove one` });
      statusWords.set(key, r);
    }
  }
  if (errors.length) throw new RuleLoadError(errors);
  return { rules, hash: digest, dir };
}

/** Validates the rules in `dir` from their YAML and writes the compiled snapshot the loader reads (`npm run build`). */
export function compileRules(dir = defaultRulesDir(), file: string | URL = COMPILED_RULES_FILE): RuleSet {
  const ruleSet = loadRules(dir, null);
  writeCompiledRules(ruleSet, file);
  return ruleSet;
}

export function describeIssue(issue: { code: string; message: string; path: PropertyKey[]; values?: unknown[]; input?: unknown; expected?: string; keys?: string[] }, actual?: unknown): string {
  const at = issue.path.length ? `${issue.path.join('.')}: ` : '';
  if (issue.code === 'invalid_value' && issue.values) {
    return `${at}expected one of ${issue.values.map(String).join('|')}, got ${JSON.stringify(actual ?? issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys' && issue.keys) return `${at}unexpected key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove or rename`;
  if (issue.code === 'invalid_union') return `${at}expected kind to be one of status|orientation|pattern|lexicon|structure|indicator|identity`;
  return `${at}${issue.message}`;
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Parses a YAML file against a schema, collecting every problem as file:line:column errors. */
export function parseYamlFile<T>(file: string, text: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { code: string; message: string; path: PropertyKey[] }[] } } }): T {
  const { LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    throw new RuleLoadError(doc.errors.map((e) => {
      const pos = lc.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, message: e.message.split('\n')[0] };
    }));
  }
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw new RuleLoadError(parsed.error.issues.map((issue) => ({ file, ...position(doc, lc, issue.path), message: describeIssue(issue, doc.getIn(issue.path as (string | number)[])) })));
  }
  return parsed.data;
}
