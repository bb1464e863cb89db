/** Glyphs reports use as status symbols when they draw the traffic light as text (●, ■, ⬤ …). */
export const STATUS_GLYPH_CHARS = '●⬤■◼⬛▪◆♦★⚫⚪○◯□◉✔✓✖✗✘';
export const STATUS_GLYPHS: ReadonlySet<string> = new Set([...STATUS_GLYPH_CHARS]);
/** A regular-expression character class of the status glyphs, for building patterns. */
export const STATUS_GLYPH_CLASS = `[${STATUS_GLYPH_CHARS}]`;
