import type { ClassifiedGoal } from '../model/goal.js';
import type { Flag, Indicator, Language, Level } from '../model/result.js';

/**
 * GREEN_BELOW_TARGET: the goal is green while one of its own indicators misses the target the report itself sets
 * for it. Whether it misses is the indicator's `meetsTarget` (segment): the latest value against the target in the
 * direction the report states, its floor shows or its target's bound says. An indicator whose direction is unknown
 * never misses: unknown is not a miss. The message carries the figures and the page, so that a reader can check them.
 */
export const id = 'green-below-target';

const NUMBER = { sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) };

/** "89 %", "89%", "12 dagar", "£1,250": a value with its unit, as the report's language writes it. */
export function figureText(value: number, unit: string | null, language: Language): string {
  const n = NUMBER[language].format(value);
  if (!unit) return n;
  if (unit === '£') return `£${n}`;
  if (unit === '%' && language === 'en') return `${n}%`;
  return `${n}\u00a0${unit}`;
}

const MESSAGES = {
  sv: {
    one: (i: Indicator, l: Language) =>
      `indikatorn ”${i.name}” når inte sitt eget målvärde: utfall ${figureText(i.latest!, i.unit, l)} mot målvärdet ${figureText(i.target!, i.unit, l)}` +
      `${i.floor !== null ? ` (golv ${figureText(i.floor, i.unit, l)})` : ''}, ${i.better === 'lower' ? 'lägre' : 'högre'} är bättre (s. ${i.page})`,
    lead: 'Målet är grönt, men ',
  },
  en: {
    one: (i: Indicator, l: Language) =>
      `its indicator “${i.name}” misses its own target: latest ${figureText(i.latest!, i.unit, l)} against a target of ${figureText(i.target!, i.unit, l)}` +
      `${i.floor !== null ? ` (floor ${figureText(i.floor, i.unit, l)})` : ''}, ${i.better === 'lower' ? 'lower' : 'higher'} is better (p. ${i.page})`,
    lead: 'Rated green, but ',
  },
};

/** The flag of a green goal with an indicator below its own target, or null. */
export function belowTargetFlag(g: Pick<ClassifiedGoal, 'status' | 'indicators'>, language: Language, level: Level): Flag | null {
  if (g.status !== 'green') return null;
  const missing = g.indicators.filter((i) => i.meetsTarget === false);
  if (!missing.length) return null;
  const msg = MESSAGES[language];
  return {
    code: 'GREEN_BELOW_TARGET',
    level,
    message: `${msg.lead}${missing.map((i) => msg.one(i, language)).join('; ')}.`,
    sentences: [],
    indicators: missing.map(({ name, page, values, latest, target, floor, unit, better }) => ({ name, page, values, latest, target, floor, unit, better })),
  };
}
