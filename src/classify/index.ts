import type { ClassifiedGoal, GoalDraft } from '../model/goal.js';
import { LABELS, RESIDENT_FACING, type Label, type LabelledSentence, type Language } from '../model/result.js';
import type { EvidenceRule, RuleSet } from '../ruleset/load.js';
import { compileLexicon, DEFAULT_FEATURES, LexiconIndex, modelFeatures, stemmerFor, tokensOf, words, type FeatureOptions } from './features.js';
import type { SentenceModel } from './model.js';
import { lowerCasePattern, OpeningIndex } from './prefilter.js';
import { evaluationOrder } from './rule-order.js';
import { splitSentences } from './split.js';

export { splitSentences, splitSentencesSv, splitSentencesEn } from './split.js';

interface CompiledRules {
  rules: EvidenceRule[];
  lexicons: LexiconIndex;
  order: number[];
  /** Rule i's expressions are patterns first[i] … first[i + 1] - 1 of `openings`. */
  first: number[];
  openings: OpeningIndex;
  /** Scratch: which patterns may match the sentence at hand. */
  candidates: Uint8Array;
  /**
   * Rule i's expressions, compiled for lower-cased text (`lowerCasePattern`) when first a candidate: most are
   * never one in a short draft, and compiling all of them was ~75 ms of `verkstad check` on one.
   */
  lowered: (RegExp | undefined)[][];
}

export interface ClassifierOptions {
  /** How much the rules' own weights count beside the model's scores (the model also sees which rules fired). */
  ruleWeight?: number;
  /** Divides the combined scores before they become a confidence (above 1: less sure). */
  temperature?: number;
  /**
   * Added to the scores of outcome and output. The corpus is written by us and says resident-facing things more
   * plainly than reports do, so on real text the model under-calls them (recall below precision on both halves of
   * ../shared/real-text); 0.5, measured on the real set's tuning half of the organisations, evens them out for a few
   * tenths of a point on the corpus's test split.
   */
  residentBias?: number;
  /**
   * Skip the patterns whose opening words are not in the sentence and match the rest on lower-cased text
   * (`prefilter.ts`); off only to check that they change nothing.
   */
  prefilter?: boolean;
}

/** A model's weights as a Map, built once per model: a Map lookup per token is what classify spends its time on. */
interface LoadedModel { bias: number[]; weights: Map<string, number[]>; features: FeatureOptions }

/**
 * Labels sentences along the results chain. Rules (data in rules/) give explainable evidence; a softmax regression
 * trained on our corpus weighs the words, their pairs and the rules that fired. The rules' own weights are added to
 * the model's scores; the reasons list both.
 */
export class Classifier {
  /** Each language's rules, compiled at its first sentence (a Swedish report never compiles the English ones). */
  private readonly compiled: Partial<Record<Language, CompiledRules>> = {};
  private readonly compile: (language: Language) => CompiledRules;
  private readonly loaded: Partial<Record<Language, LoadedModel>> = {};
  readonly ruleWeight: number;
  readonly temperature: number;
  readonly residentBias: number;
  private readonly prefilter: boolean;

  constructor(readonly rules: RuleSet, readonly models: Partial<Record<Language, SentenceModel>>, options: ClassifierOptions = {}) {
    const ev = rules.rules.filter((r): r is EvidenceRule => r.kind === 'pattern' || r.kind === 'lexicon');
    const compile = (lang: Language): CompiledRules => {
      const own = ev.filter((r) => r.language === lang);
      const first = [0];
      for (const r of own) first.push(first[first.length - 1]! + r.regexes.length);
      const openings = new OpeningIndex(own.flatMap((r) => r.regexes.map((re) => re.source)));
      return {
        rules: own,
        lexicons: new LexiconIndex(own.map((rule) => (rule.kind === 'lexicon' ? compileLexicon(rule) : undefined))),
        order: evaluationOrder(own),
        first,
        openings,
        candidates: new Uint8Array(first[first.length - 1]!),
        lowered: own.map(() => []),
      };
    };
    this.compile = compile;
    this.ruleWeight = options.ruleWeight ?? 1;
    this.temperature = options.temperature ?? 1;
    this.residentBias = options.residentBias ?? 0.5;
    this.prefilter = options.prefilter ?? true;
  }

  /** The rule ids and features that fire on a sentence (conditional rules after those they name: `rule-order.ts`). */
  evidence(text: string, language: Language): { hits: EvidenceRule[]; features: Set<string> } {
    return this.evidenceOf(text, language, words(text));
  }

  private evidenceOf(text: string, language: Language, sentenceWords: readonly string[]): { hits: EvidenceRule[]; features: Set<string> } {
    const stemmer = stemmerFor(language);
    const { rules, lexicons, order, first, openings, candidates, lowered } = (this.compiled[language] ??= this.compile(language));
    const lower = text.toLowerCase();
    if (this.prefilter) openings.candidates(lower, candidates);
    else candidates.fill(1);
    const lexiconHits = lexicons.matches(sentenceWords.map((w) => stemmer.stem(w)));
    const features = new Set<string>();
    const hits: EvidenceRule[] = [];
    for (const i of order) {
      const rule = rules[i]!;
      if (rule.requires.some((f) => !features.has(f)) || rule.unless.some((f) => features.has(f))) continue;
      const matched =
        rule.kind !== 'pattern' ? lexiconHits.has(i)
        : this.prefilter ? matchesLowered(rule, lowered[i]!, candidates, first[i]!, lower)
        : rule.regexes.some((re) => re.test(text));
      if (!matched) continue;
      hits.push(rule);
      features.add(rule.id);
      if (rule.feature) features.add(rule.feature);
    }
    return { hits, features };
  }

  /** The model's input for a sentence: what `verkstad train` learns from and `classify` scores. */
  modelInput(text: string, language: Language, opts: FeatureOptions = DEFAULT_FEATURES): string[] {
    const sentenceWords = words(text);
    const { features } = this.evidenceOf(text, language, sentenceWords);
    return modelFeatures(tokensOf(text, sentenceWords, stemmerFor(language)), features, opts);
  }

  private modelFor(language: Language): LoadedModel | null {
    const m = this.models[language];
    if (!m) return null;
    return (this.loaded[language] ??= { bias: m.bias, weights: new Map(Object.entries(m.weights)), features: m.features });
  }

  classify(text: string, language: Language): LabelledSentence {
    const sentenceWords = words(text);
    const { hits, features } = this.evidenceOf(text, language, sentenceWords);
    const score: number[] = LABELS.map(() => 0);
    for (const h of hits) if (h.label) score[LABELS.indexOf(h.label)] += this.ruleWeight * h.weight;
    const model = this.modelFor(language);
    const input = model ? modelFeatures(tokensOf(text, sentenceWords, stemmerFor(language)), features, model.features) : [];
    if (model) {
      for (let k = 0; k < score.length; k++) score[k] += model.bias[k]!;
      for (const f of new Set(input)) {
        const ws = model.weights.get(f);
        if (ws) for (let k = 0; k < score.length; k++) score[k] += ws[k]!;
      }
    }
    score[0] += this.residentBias;
    score[1] += this.residentBias;
    let best = 0;
    for (let k = 1; k < score.length; k++) if (score[k]! > score[best]!) best = k;
    const label = LABELS[best]!;
    const z = score.reduce((s, v) => s + Math.exp((v - score[best]!) / this.temperature), 0);
    const confidence = Math.round((1 / z) * 1000) / 1000;
    const reasons = [
      ...hits.filter((h) => h.label === label).sort((a, b) => b.weight - a.weight).map((h) => h.id),
      ...hits.filter((h) => !h.label).map((h) => h.id),
      ...(model ? strongestFeatures(model, input, best, 3).map((t) => `model:${t}`) : []),
    ];
    return { text, label, residentFacing: RESIDENT_FACING.has(label), confidence, reasons: [...new Set(reasons)] };
  }
}

/** The words and word pairs that pushed the sentence most towards its label over the runner-up labels. */
function strongestFeatures(model: LoadedModel, input: readonly string[], best: number, n: number): string[] {
  const scored: [string, number][] = [];
  for (const t of new Set(input)) {
    const ws = model.weights.get(t);
    if (!ws || t.startsWith('rule:')) continue;
    let other = -Infinity;
    for (let k = 0; k < ws.length; k++) if (k !== best && ws[k]! > other) other = ws[k]!;
    if (ws[best]! > other && ws[best]! > 0) scored.push([t, ws[best]! - other]);
  }
  return scored.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, n).map((x) => x[0]);
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

/** Whether one of the rule's expressions that the prefilter left as candidates matches the lower-cased sentence. */
function matchesLowered(rule: EvidenceRule, lowered: (RegExp | undefined)[], candidates: Uint8Array, first: number, lower: string): boolean {
  for (let k = 0; k < rule.regexes.length; k++) {
    if (candidates[first + k] === 1 && (lowered[k] ??= lowerCasePattern(rule.regexes[k]!)).test(lower)) return true;
  }
  return false;
}
