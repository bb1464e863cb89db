import type { Unit } from './units.js';
import { learnLegend, type Legend } from './status.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * A key that layout recognised as a legend block (a column of symbols, each with its meaning: "● Uppfyllt
 * ● Delvis uppfyllt ● Ej uppfyllt", often on the last page or in a box beside the first table). It is read before
 * any goal, because a report's key decides what its colours mean wherever it stands.
 */
export const id = 'legend-blocks';

export function learnLegendBlocks(us: Unit[], legend: Legend, v: Vocabulary): void {
  for (const u of us) {
    if (u.kind === 'legend') {
      learnLegend(legend, u.block.entries.map((e, k) => ({ ...e, colour: u.block.lines.flatMap((l) => l.marks)[k]?.colour })), v);
    }
  }
}
