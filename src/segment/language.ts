import type { LayoutDocument } from '../model/layout.js';
import type { Language } from '../model/result.js';
import { THRESHOLDS } from './thresholds.js';

const SV = new Set(['och', 'att', 'det', 'som', 'för', 'med', 'har', 'en', 'av', 'på', 'är', 'till', 'inte', 'under', 'ska', 'vi', 'de', 'om', 'den', 'kommer', 'målet', 'året']);
const EN = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'for', 'with', 'has', 'are', 'on', 'this', 'by', 'was', 'have', 'be', 'from', 'that', 'will', 'were']);

/** Swedish or English, by counting the commonest function words of each. */
export function detectLanguage(text: string): Language {
  let sv = 0, en = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (SV.has(w)) sv++;
    if (EN.has(w)) en++;
  }
  if (/[åäö]/i.test(text)) sv += THRESHOLDS.swedishLettersWeight;
  return sv >= en ? 'sv' : 'en';
}

export function documentText(doc: LayoutDocument, maxChars = THRESHOLDS.languageSampleChars): string {
  let out = '';
  for (const p of doc.pages) for (const b of p.blocks) {
    if (b.kind === 'table') for (const r of b.table.rows) out += r.cells.map((c) => c.text).join(' ') + '\n';
    else out += b.lines.map((l) => l.text).join(' ') + '\n';
    if (out.length > maxChars) return out;
  }
  return out;
}
