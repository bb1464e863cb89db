import { STATUS_GLYPH_CHARS, STATUS_GLYPH_CLASS } from '../model/symbols.js';
import { clean } from './plain-text.js';

/**
 * Glyph reports draw the traffic light as a text symbol before or after the goal's title ("● Trygg skola",
 * "Residents can find good jobs ⬤ On track ↑" in English heading-and-glyph layouts): the title is the words
 * without the symbols, and ends where a status symbol follows it.
 */
export const id = 'title-text';

const SYMBOL_AFTER_TITLE = new RegExp(`(\\S)\\s+${STATUS_GLYPH_CLASS}\\s.*$`, 'u');
const SYMBOLS_AROUND = new RegExp(`^[${STATUS_GLYPH_CHARS}\\s]+|[${STATUS_GLYPH_CHARS}↑↓→←↗↘\\s]+$`, 'gu');

export const titleText = (s: string) => clean(s).replace(SYMBOL_AFTER_TITLE, '$1').replace(SYMBOLS_AROUND, '');
