import type { Mark } from '../model/extract.js';
import { learnLegend, statusOfMark, type Legend } from './status.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * A key drawn as lines of symbol and words in the running text ("● Uppfyllt", "● Delvis uppfyllt – utvecklingen
 * går i rätt riktning"; layout sees a heading or a marked line, not a legend block). Such a line is no goal: it
 * teaches the legend what its colour means, so that "green" in this report is whatever its key says.
 */
export const id = 'legend-line';

/** Learns the status line `title` (see status-line) with its drawn `marks` as a legend entry. */
export function learnLegendLine(title: string, marks: Mark[], legend: Legend, v: Vocabulary): void {
  const m = marks.find((x) => statusOfMark(x, legend) || x.colourClass === 'other');
  if (m) learnLegend(legend, [{ colourClass: m.colourClass, shape: m.shape, text: title, colour: m.colour }], v);
}
