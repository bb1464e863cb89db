import { createRequire } from 'node:module';
import type { Language } from '../model/result.js';

const require = createRequire(import.meta.url);

/**
 * Swedish abbreviations that never end a sentence. Intl.Segmenter breaks after them when a capital follows
 * ("bl.a. Region Skåne"), so their dots are hidden before segmenting. m.m., osv., m.fl. and the money units
 * (mnkr., tkr., mkr.) often end a sentence ("… uppgick till 48 mnkr. Nämnderna …") and are left alone.
 */
const SV_ABBREVIATIONS = [
  'bl.a.', 't.ex.', 's.k.', 'fr.o.m.', 't.o.m.', 'dvs.', 'd.v.s.', 'enl.', 'inkl.', 'exkl.', 'ca.', 'resp.', 'jfr.',
  'kap.', 'st.', 'nr.', 'p.g.a.', 'pga.', 'kl.', 'el.', 'fig.', 'tab.', 'ang.', 'f.d.', 'o.d.',
  'e.d.', 'dir.', 'avd.', 'adm.', 'sek.', 'prop.', 'SFS.', 't.v.', 'i.o.m.', 'p.s.s.', 'obs.', 'vs.',
];
const HIDDEN_DOT = '\uE000';
const abbreviationRe = new RegExp(
  `(^|[\\s(])(${SV_ABBREVIATIONS.map((a) => a.replace(/\./g, '\\.')).join('|')})(?=\\s|$)`,
  'giu',
);

let svSegmenter: Intl.Segmenter | null = null;

/** Swedish sentences, one paragraph at a time (Intl.Segmenter is quadratic on long input on Node 20). */
export function splitSentencesSv(paragraph: string): string[] {
  svSegmenter ??= new Intl.Segmenter('sv', { granularity: 'sentence' });
  const hidden = paragraph.replace(abbreviationRe, (_m, pre: string, abbr: string) => pre + abbr.replace(/\./g, HIDDEN_DOT));
  const out: string[] = [];
  for (const s of svSegmenter.segment(hidden)) {
    const text = s.segment.replace(new RegExp(HIDDEN_DOT, 'g'), '.').trim();
    if (!text) continue;
    // A sentence that starts with a lower-case letter or a digit group continues the one before ("… ca 1 250 hushåll").
    if (out.length && /^[\p{Ll}]/u.test(text)) out[out.length - 1] += ' ' + text;
    else out.push(text);
  }
  return out;
}

type Tokenizer = { tokenize(text: string): { out(format: 'array'): string[] } };
let nlp: Tokenizer | null = null;

/**
 * English sentences with compromise (it knows abbreviations such as Dr., e.g., No. and decimal numbers). Only its
 * tokenizer: compromise splits sentences while tokenizing, and `compromise/one` holds that step and its list of
 * abbreviations. The full build also tags every word (about 10 times the time, ~250 ms per English report) and takes
 * 0.25 s more to load; its sentences were the same on every corpus paragraph and every paragraph of the real reports.
 */
export function splitSentencesEn(paragraph: string): string[] {
  nlp ??= require('compromise/one') as Tokenizer;
  return nlp
    .tokenize(paragraph)
    .out('array')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function splitSentences(paragraph: string, language: Language): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  // Bullet-like runs ("• a • b") read as separate sentences.
  const parts = text.split(/\s+[•▪●◦]\s+|^[•▪●◦]\s+/).filter(Boolean);
  return parts.flatMap((p) => (language === 'sv' ? splitSentencesSv(p) : splitSentencesEn(p)));
}
