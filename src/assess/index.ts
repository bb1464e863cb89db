import type { ClassifiedGoal } from '../model/goal.js';
import type { DocumentSummary, Evidence, Flag, Goal, Language } from '../model/result.js';
import { belowTargetFlag } from './below-target.js';
import type { AssessConfig } from './config.js';

/**
 * A flag's message says what its quoted sentences show. Where some read as a result for residents but below the
 * confidence threshold, they are listed with their label (`output`, `outcome`) and the message says why they do
 * not count, instead of claiming that nothing shows a result.
 */
const MESSAGES = {
  sv: {
    GREEN_INTERNAL_ONLY: (n: number) =>
      `Målet är grönt, men ingen av motiveringens ${n} meningar visar ett resultat eller en leverans till invånarna: allt handlar om internt arbete, planer eller bakgrund.`,
    GREEN_INTERNAL_ONLY_UNSURE: (n: number, unsure: number, threshold: number) =>
      `Målet är grönt, men ingen av motiveringens ${n} meningar visar med säkerhet ett resultat eller en leverans till invånarna: ` +
      `${unsure === 1 ? '1 mening läses' : `${unsure} meningar läses`} som ett resultat för invånarna men under säkerhetströskeln ${threshold}` +
      (unsure < n ? ', resten handlar om internt arbete, planer eller bakgrund.' : '.'),
    GREEN_NO_EVIDENCE: () => 'Målet är grönt, men motiveringen innehåller ingen evidens alls (bara en hänvisning eller ingen text).',
    organisation: 'Målet handlar om organisationen själv; intern evidens är vad det ska ha, så det flaggas inte.',
  },
  en: {
    GREEN_INTERNAL_ONLY: (n: number) =>
      `Rated green, but none of the ${n} sentences of its commentary shows a result for or a service delivered to residents: all of it is internal work, plans or background.`,
    GREEN_INTERNAL_ONLY_UNSURE: (n: number, unsure: number, threshold: number) =>
      `Rated green, but none of the ${n} sentences of its commentary clearly shows a result for or a service delivered to residents: ` +
      `${unsure === 1 ? '1 sentence reads' : `${unsure} sentences read`} as a result for residents but below the confidence threshold ${threshold}` +
      (unsure < n ? '; the rest is internal work, plans or background.' : '.'),
    GREEN_NO_EVIDENCE: () => 'Rated green, but the commentary holds no evidence at all (only a pointer, or no text).',
    organisation: 'This goal is about the organisation itself; internal evidence is what it should have, so it is not flagged.',
  },
};

function evidenceOf(g: ClassifiedGoal, config: AssessConfig): { evidence: Evidence; residentSentences: number; residentIndicators: number } {
  const substantive = g.sentences.filter((s) => !(s.label === 'context' && s.reasons.some((r) => r.endsWith('/hanvisning') || r.endsWith('/pointer'))));
  const residentSentences = g.sentences.filter((s) => s.residentFacing && s.confidence >= config.minResidentConfidence).length;
  const residentIndicators = config.indicatorsCountAsEvidence
    ? g.indicators.filter((i) => i.residentFacing && i.values.length > 0 && i.source !== 'text').length
    : 0;
  const resident = residentSentences + residentIndicators;
  let evidence: Evidence;
  if (resident === 0) evidence = substantive.length === 0 ? 'none' : 'internal-only';
  else evidence = resident === g.sentences.length + residentIndicators ? 'resident-facing' : 'mixed';
  return { evidence, residentSentences, residentIndicators };
}

/** Flags the green, resident-oriented goals that nothing in their justification ties to what residents received. */
export function assessGoals(goals: ClassifiedGoal[], language: Language, config: AssessConfig): Goal[] {
  const msg = MESSAGES[language];
  return goals.map((g) => {
    const { evidence } = evidenceOf(g, config);
    const flags: Flag[] = [];
    let notFlaggedBecause: string | null = null;
    if (g.status === 'green' && (evidence === 'internal-only' || evidence === 'none')) {
      if (g.orientation === 'organisation' && !config.flagOrganisationGoals) {
        notFlaggedBecause = msg.organisation;
      } else {
        const code = evidence === 'none' ? 'GREEN_NO_EVIDENCE' : 'GREEN_INTERNAL_ONLY';
        const unsure = g.sentences.filter((s) => s.residentFacing && s.confidence < config.minResidentConfidence).length;
        flags.push({
          code,
          level: config.levels[code],
          message:
            code === 'GREEN_NO_EVIDENCE' ? msg.GREEN_NO_EVIDENCE()
            : unsure > 0 ? msg.GREEN_INTERNAL_ONLY_UNSURE(g.sentences.length, unsure, config.minResidentConfidence)
            : msg.GREEN_INTERNAL_ONLY(g.sentences.length),
          sentences: g.sentences.map((s) => ({ text: s.text, page: s.page, label: s.label })),
        });
      }
    }
    const belowTarget = belowTargetFlag(g, language, config.levels.GREEN_BELOW_TARGET);
    if (belowTarget) flags.push(belowTarget);
    const { justification: _j, ...rest } = g;
    return { ...rest, evidence, flags, notFlaggedBecause };
  });
}

/** Counts goals for a summary, a batch of goals at a time: an archive's summary need not hold all its goals at once. */
export class SummaryTally {
  private readonly byStatus = { green: 0, yellow: 0, red: 0, unknown: 0 };
  private goals = 0;
  private green = 0;
  private flaggedGreen = 0;
  private withResident = 0;

  add(goals: readonly Goal[]): this {
    for (const g of goals) {
      this.goals++;
      this.byStatus[g.status]++;
      if (g.status !== 'green') continue;
      this.green++;
      if (g.flags.length > 0) this.flaggedGreen++;
      if (g.evidence === 'resident-facing' || g.evidence === 'mixed') this.withResident++;
    }
    return this;
  }

  summary(): DocumentSummary {
    return {
      goals: this.goals,
      byStatus: { ...this.byStatus },
      green: this.green,
      flaggedGreen: this.flaggedGreen,
      greenWithResidentEvidence: this.green ? Math.round((this.withResident / this.green) * 1000) / 1000 : null,
    };
  }
}

export function summarise(goals: readonly Goal[]): DocumentSummary {
  return new SummaryTally().add(goals).summary();
}
