import type { ClassifiedGoal, GoalDraft } from '../model/goal.js';
import { LABELS, RESIDENT_FACING, type Label, type LabelledSentence, type Language } from '../model/result.js';
import type { EvidenceRule, RuleSet } from '../ruleset/load.js';
import { compileLexicon, LexiconIndex, stemmerFor, tokens, tokensOf, words } from './features.js';
import type { NaiveBayesModel } from './model.js';
import { splitSentences } from './split.js';

export { splitSentences, splitSentencesSv, splitSentencesEn } from './split.js';

interface CompiledRules { rules: EvidenceRule[]; lexicons: LexiconIndex }

export interface ClassifierOptions {
  /** How much the rules weigh against the model's log-probabilities. */
  ruleWeight?: number;
  /** Scales the model's log-probabilities (naive Bayes is overconfident; tuned on the dev split). */
  modelWeight?: number;
}

/**
 * Labels sentences along the results chain. Rules (data in rules/) give explainable evidence; a naive Bayes model
 * trained with natural on our corpus weighs the words. The two are added as scores; the reasons list both.
 */
export class Classifier {
  private readonly compiled: Record<Language, CompiledRules>;
  readonly ruleWeight: number;
  readonly modelWeight: number;

  constructor(readonly rules: RuleSet, readonly models: Partial<Record<Language, NaiveBayesModel>>, options: ClassifierOptions = {}) {
    const ev = rules.rules.filter((r): r is EvidenceRule => r.kind === 'pattern' || r.kind === 'lexicon');
    const compile = (lang: Language): CompiledRules => {
      const own = ev.filter((r) => r.language === lang);
      return { rules: own, lexicons: new LexiconIndex(own.map((rule) => (rule.kind === 'lexicon' ? compileLexicon(rule) : undefined))) };
    };
    this.compiled = { sv: compile('sv'), en: compile('en') };
    this.ruleWeight = options.ruleWeight ?? 1;
    this.modelWeight = options.modelWeight ?? 0.5; // tuned on the dev split (naive Bayes is overconfident)
  }

  /** The rule ids and features that fire on a sentence (two passes, so a rule may require another's feature). */
  evidence(text: string, language: Language): { hits: EvidenceRule[]; features: Set<string> } {
    return this.evidenceOf(text, language, words(text));
  }

  private evidenceOf(text: string, language: Language, sentenceWords: readonly string[]): { hits: EvidenceRule[]; features: Set<string> } {
    const stemmer = stemmerFor(language);
    const { rules, lexicons } = this.compiled[language];
    const lexiconHits = lexicons.matches(sentenceWords.map((w) => stemmer.stem(w)));
    const features = new Set<string>();
    const hits: EvidenceRule[] = [];
    for (const pass of [0, 1]) {
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i]!;
        const conditional = rule.requires.length > 0 || rule.unless.length > 0;
        if ((pass === 0) === conditional) continue;
        if (rule.requires.some((f) => !features.has(f)) || rule.unless.some((f) => features.has(f))) continue;
        const matched = rule.kind === 'pattern' ? rule.regexes.some((re) => re.test(text)) : lexiconHits.has(i);
        if (!matched) continue;
        hits.push(rule);
        features.add(rule.id);
        if (rule.feature) features.add(rule.feature);
      }
    }
    return { hits, features };
  }

  /** The model's input: stems plus the ids of the rules that fired. */
  modelTokens(text: string, language: Language, features: Set<string>): string[] {
    return modelInput(tokens(text, language), features);
  }

  private readonly tables: Partial<Record<Language, LogTable>> = {};

  private tableFor(language: Language): LogTable | null {
    const model = this.models[language];
    if (!model) return null;
    return (this.tables[language] ??= logTable(model));
  }

  classify(text: string, language: Language): LabelledSentence {
    const sentenceWords = words(text);
    const { hits, features } = this.evidenceOf(text, language, sentenceWords);
    const ruleScore: Record<Label, number> = { outcome: 0, output: 0, internal: 0, intention: 0, context: 0 };
    for (const h of hits) if (h.label) ruleScore[h.label] += h.weight;
    const table = this.tableFor(language);
    const toks = modelInput(tokensOf(text, sentenceWords, stemmerFor(language)), features);
    const logp = table ? logProbs(table, toks) : uniform();
    const score = {} as Record<Label, number>;
    for (const l of LABELS) score[l] = this.modelWeight * logp[l] + this.ruleWeight * ruleScore[l];
    const label = LABELS.reduce((a, b) => (score[b] > score[a] ? b : a));
    const max = score[label];
    const z = LABELS.reduce((s, l) => s + Math.exp(score[l] - max), 0);
    const confidence = Math.round((1 / z) * 1000) / 1000;
    const reasons = [
      ...hits.filter((h) => h.label === label).sort((a, b) => b.weight - a.weight).map((h) => h.id),
      ...hits.filter((h) => !h.label).map((h) => h.id),
      ...(table ? strongestFeatures(table, toks, label, 3).map((t) => `model:${t}`) : []),
    ];
    return { text, label, residentFacing: RESIDENT_FACING.has(label), confidence, reasons: [...new Set(reasons)] };
  }
}

const modelInput = (stems: string[], features: Set<string>): string[] => [...stems, ...[...features].map((f) => `rule:${f}`)];

const uniform = (): Record<Label, number> => ({ outcome: 0, output: 0, internal: 0, intention: 0, context: 0 });

interface LogTable {
  prior: number[];
  /** Per feature, log(count(f, label) / total(label)) for each label, in LABELS order. */
  features: Map<string, Float64Array>;
}

/** The model's log-probabilities, computed once per model instead of per sentence. */
export function logTable(model: NaiveBayesModel): LogTable {
  const total = LABELS.map((l) => model.classTotals[l] ?? 1);
  const features = new Map<string, Float64Array>();
  for (const [f, counts] of Object.entries(model.counts)) {
    features.set(f, Float64Array.from(LABELS.map((l, k) => Math.log((counts[l] ?? model.smoothing) / total[k]))));
  }
  return { prior: total.map((t) => Math.log(t / model.totalExamples)), features };
}

/**
 * Log-probabilities under the trained model, normalised over the labels. Same arithmetic as natural's (apparatus)
 * BayesClassifier — log P(c) + Σ log(count(f,c) / total(c)) over present features — but sparse, so it does not
 * build a dense vector over the whole vocabulary per sentence.
 */
export function logProbs(table: LogTable, toks: string[]): Record<Label, number> {
  const acc = [...table.prior];
  const seen = new Set<string>();
  for (const t of toks) {
    if (seen.has(t)) continue;
    seen.add(t);
    const row = table.features.get(t);
    if (!row) continue; // unknown to the model: natural skips it too
    for (let k = 0; k < acc.length; k++) acc[k] += row[k];
  }
  const max = Math.max(...acc);
  const z = Math.log(acc.reduce((sum, v) => sum + Math.exp(v - max), 0)) + max;
  const out = uniform();
  LABELS.forEach((l, k) => (out[l] = acc[k] - z));
  return out;
}

function strongestFeatures(table: LogTable, toks: string[], label: Label, n: number): string[] {
  const li = LABELS.indexOf(label);
  const scored: [string, number][] = [];
  for (const t of new Set(toks)) {
    const row = table.features.get(t);
    if (!row || t.startsWith('rule:')) continue;
    let other = -Infinity;
    for (let k = 0; k < row.length; k++) if (k !== li && row[k] > other) other = row[k];
    if (row[li] > other) scored.push([t, row[li] - other]);
  }
  return scored.sort((x, y) => y[1] - x[1]).slice(0, n).map((x) => x[0]);
}

export type { ClassifiedGoal };

/** Splits each goal's justification into sentences with their pages, and labels them. */
export function classifyGoalSentences(goals: GoalDraft[], language: Language, classifier: Classifier): ClassifiedGoal[] {
  return goals.map((g) => ({
    ...g,
    sentences: g.justification.flatMap((p) =>
      splitSentences(p.text, language).map((text) => ({ ...classifier.classify(text, language), page: p.page })),
    ),
    indicators: g.indicators.map((i) => ({ ...i, residentFacing: indicatorIsResidentFacing(i.name, language, classifier) })),
  }));
}

/** An indicator counts as resident-facing evidence when its name measures something residents get or experience. */
export function indicatorIsResidentFacing(name: string, language: Language, classifier: Classifier): boolean {
  const { features } = classifier.evidence(name, language);
  if (features.has('staff') || features.has('internal-object')) return false;
  return features.has('resident') || features.has('service');
}

