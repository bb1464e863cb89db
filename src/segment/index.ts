import { createHash } from 'node:crypto';
import type { Mark } from '../model/extract.js';
import type { Paragraph, SegmentedGoal } from '../model/goal.js';
import type { Block, Cell, LayoutDocument, Line, Row, Table } from '../model/layout.js';
import type { Indicator, Language, Status } from '../model/result.js';
import type { RuleSet } from '../ruleset/load.js';
import { joinLines } from '../text/join-lines.js';
import { STATUS_GLYPH_CHARS, STATUS_GLYPH_CLASS } from '../model/symbols.js';
import { detectLanguage, documentText } from './language.js';
import { describeMark, emptyLegend, learnLegend, statusOfMark, type Legend } from './status.js';
import { hasRole, normalise, statusInSentence, statusOfText, vocabularyFor, type Vocabulary } from './vocabulary.js';

export { detectLanguage, documentText } from './language.js';

export interface SegmentResult {
  language: Language;
  goals: SegmentedGoal[];
}

type Unit =
  | { kind: 'heading'; page: number; text: string; level: number; marks: Mark[]; line: Line }
  | { kind: 'text'; page: number; text: string; lines: Line[]; marks: Mark[]; small: boolean }
  | { kind: 'legend'; page: number; block: Extract<Block, { kind: 'legend' }> }
  | { kind: 'table'; page: number; table: Table };

function units(doc: LayoutDocument): Unit[] {
  const out: Unit[] = [];
  for (const p of doc.pages) for (const b of p.blocks) {
    if (b.kind === 'heading') {
      out.push({ kind: 'heading', page: b.page, text: b.lines.map((l) => l.text).join(' '), level: b.level, marks: b.lines.flatMap((l) => l.marks), line: b.lines[0] });
    } else if (b.kind === 'paragraph') {
      const small = b.lines.every((l) => l.fontSize < doc.bodyFontSize * 0.85);
      out.push({ kind: 'text', page: b.page, text: joinLines(b.lines.map((l) => l.text)), lines: b.lines, marks: b.lines.flatMap((l) => l.marks), small });
    } else if (b.kind === 'legend') out.push({ kind: 'legend', page: b.page, block: b });
    else out.push({ kind: 'table', page: b.page, table: b.table });
  }
  return out;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
/** "Bedömning: ●": the colon and symbol after a status label. */
const TRAILING_LABEL_END = new RegExp(`[:\\s${STATUS_GLYPH_CHARS}]+$`, 'u');
const SYMBOL_AFTER_TITLE = new RegExp(`(\\S)\\s+${STATUS_GLYPH_CLASS}\\s.*$`, 'u');
const SYMBOLS_AROUND = new RegExp(`^[${STATUS_GLYPH_CHARS}\\s]+|[${STATUS_GLYPH_CHARS}↑↓→←↗↘\\s]+$`, 'gu');
/** A goal title without the status symbols drawn as text before or after it. */
const titleText = (s: string) =>
  clean(s)
    // "Residents can find good jobs ⬤ On track ↑": the title ends where a status symbol follows it.
    .replace(SYMBOL_AFTER_TITLE, '$1')
    .replace(SYMBOLS_AROUND, '');

/** Finds every goal in a laid-out report: its title, status, justification, indicators and activities. */
export function segmentDocument(doc: LayoutDocument, rules: RuleSet, language?: Language): SegmentResult {
  const lang = language ?? detectLanguage(documentText(doc));
  const v = vocabularyFor(rules, lang);
  // Tables drawn back to back can come out of layout as one; a header row in the middle starts a new one.
  const us: Unit[] = units(doc).flatMap((u): Unit[] => (u.kind === 'table' ? splitAtHeaders(u.table, v).map((table) => ({ ...u, table })) : [u]));
  const legend = emptyLegend();
  collectLegends(us, legend, v);
  const goals: SegmentedGoal[] = [];
  const seen = new Set<string>();
  /** Which table (or heading run) a goal came from: repeats are only looked for across tables. */
  const origin = new Map<SegmentedGoal, number>();
  const wordsOf = new Map<SegmentedGoal, Set<string>>();
  const fromTables = new Set<SegmentedGoal>();
  let currentOrigin = 0;
  /** `fromTable`: KPI rows repeat in later panels under other wording; headings are only ever repeated exactly. */
  const add = (g: Omit<SegmentedGoal, 'id' | 'section'>, fromTable = false): SegmentedGoal | null => {
    const key = normalise(g.title);
    if (!key || seen.has(key)) return null;
    // A KPI repeated later in a panel of its own ("% of …" again as "Percentage of …") is the same goal.
    const words = titleWords(g.title, v);
    if (fromTable && goals.some((o) => origin.get(o) !== currentOrigin && fromTables.has(o) && sameTitle(words, wordsOf.get(o)!))) return null;
    seen.add(key);
    const goal: SegmentedGoal = {
      ...g,
      id: createHash('sha256').update(`${g.page}\0${key}`).digest('hex').slice(0, 12),
      // Orientation is classification: the section is what it reads where the title says nothing.
      section: section || null,
    };
    goals.push(goal);
    origin.set(goal, currentOrigin);
    wordsOf.set(goal, words);
    if (fromTable) fromTables.add(goal);
    return goal;
  };

  /** The nearest heading above that is not itself a goal: "Målområde: Välfungerande organisation". */
  let section = '';
  let current: SegmentedGoal | null = null;
  let goalUnit = -1;
  /** The last goal of the previous table, for a commentary cell carried over a page break. */
  let lastTableGoal: SegmentedGoal | null = null;
  let currentLevel = 99;
  /** The last table row was commentary: the next one may be the same comment's next line. */
  let commentRun = false;
  let inActivities = false;
  let pending: Paragraph[] = [];
  let lastTableHeader: TableHeader | null = null;

  for (let i = 0; i < us.length; i++) {
    const u = us[i];
    if (u.kind === 'legend') { current = null; pending = []; continue; }
    if (u.kind === 'heading' || (u.kind === 'text' && isMarkedTitle(u, legend))) {
      // A fill behind a heading is decoration (a band); a heading's status is a symbol, icon or glyph.
      const marks = u.marks.filter((m) => m.kind !== 'cell');
      const title = clean(u.text);
      if (hasRole(title, 'justification-label', v) && !marks.length) {
        const rest = title.replace(/^[^:]*:\s*/, '');
        if (current && rest !== title && rest) current.justification.push({ text: rest, page: u.page });
        continue;
      }
      if (hasRole(title, 'legend-heading', v)) { current = null; pending = []; continue; }
      // A heading that is a label ("Key Performance Indicators", "Nämndmål") names a kind of thing, not a goal.
      const label = HEADER_ROLES.some((role) => hasRole(title, role, v));
      // "● Delvis uppfyllt – utvecklingen går i rätt riktning": a legend entry, not a goal.
      const statusLabel = hasRole(title.replace(TRAILING_LABEL_END, ''), 'status-header', v);
      if (marks.length && (leadingStatusPhrase(titleText(title), v) || statusLabel)) {
        if (current && goalUnit === i - 1) continue; // the status line of the goal just opened
        const m = marks.find((x) => statusOfMark(x, legend) || x.colourClass === 'other');
        if (m) learnLegend(legend, [{ colourClass: m.colourClass, shape: m.shape, text: title, colour: m.colour }], v);
        current = null;
        continue;
      }
      const st = label ? null : statusFromMarks(marks, legend) ?? statusFollowing(us, i, v, legend);
      if (st) {
        const g = add({ title: stripStatusWord(titleText(title), v), page: u.page, ...st, justification: [], indicators: [], activities: [] });
        current = g;
        goalUnit = i;
        currentLevel = u.kind === 'heading' ? u.level : 99;
        inActivities = false;
        pending = [];
        continue;
      }
      if (u.kind === 'heading') {
        section = title;
        // A short caption right above a table ("RAG rating") belongs to the table, not to a new section.
        const caption = us[i + 1]?.kind === 'table' && title.split(' ').length <= 4;
        if (current && u.level <= currentLevel && !caption) current = null;
        if (!caption) {
          pending = [];
          lastTableHeader = null;
        }
      }
      continue;
    }
    if (u.kind === 'text') {
      // A status line at the head of the paragraph ("Bedömning: Uppfyllt") is the status, not evidence.
      const body = u.lines.length > 1 && statusOfText(u.lines[0].text, v) ? joinLines(u.lines.slice(1).map((l) => l.text)) : u.text;
      const text = clean(body);
      if (hasRole(text, 'source-note', v)) continue; // "Källa: …" under a table or a page: no one's evidence
      if (u.small && !current) continue; // footnotes and captions in small type
      if (current && !inActivities) {
        if (statusOfText(text, v) && current.justification.length === 0) continue; // the status line itself
        const comment = stripLabel(text, v);
        if (comment) current.justification.push({ text: comment, page: u.page });
      } else if (!current) {
        pending.push({ text, page: u.page });
      }
      continue;
    }
    // A table.
    const t = u.table;
    currentOrigin = i;
    const before = pending;
    pending = [];
    const header: TableHeader | null = readHeader(t, v) ?? (continues(t, lastTableHeader) ? { ...lastTableHeader!, bodyStart: 0 } : null);
    if (header) lastTableHeader = header;
    if (header?.kind === 'activity') {
      // Activities are never goals. A row without status that repeats a goal's title groups the activities under
      // that goal; the comments on the activities are the report's evidence for the goal.
      inActivities = true;
      for (const r of t.rows.slice(header.bodyStart)) {
        const text = clean(r.cells.map((c) => c.text).join(' '));
        if (!text) continue;
        const st = rowStatus(r, header, legend, v);
        const byTitle = goals.find((g) => normalise(g.title) === normalise(text));
        if (byTitle) { current = byTitle; continue; }
        const labelled = hasRole(text, 'justification-label', v) || /^[^:]{2,40}:/.test(text) && hasRole(text.split(':')[0], 'justification-label', v);
        if (!st && !labelled && isSectionRow(r, doc.bodyFontSize)) { current = null; commentRun = false; continue; }
        if (labelled) {
          const comment = stripLabel(text, v);
          if (current && comment) current.justification.push({ text: comment, page: t.page });
          commentRun = Boolean(current && comment); // after a bare "Kommentar:" the next line opens a new paragraph
          continue;
        }
        if (st && current) {
          current.activities.push({ title: clean(r.cells[0]?.text ?? text), page: t.page, status: st.status });
          commentRun = false;
        } else if (!st && current) {
          addComment(current, text, t.page, commentRun);
          commentRun = true;
        }
      }
      continue;
    }
    if (isLegendTable(t, us[i - 1], v)) {
      learnLegend(legend, legendEntriesOfTable(t, v), v);
      continue;
    }
    if (header?.kind === 'summary' || isSummaryTable(t, v)) continue;
    const goalRows = t.rows.slice(header?.bodyStart ?? 0).map((r) => ({ r, st: rowStatus(r, header, legend, v) }));
    if (!goalRows.some((x) => x.st)) {
      // A table without statuses: indicator values under a goal, or a layout table of text.
      if (current && !inActivities) {
        if (header?.kind === 'indicator' || looksLikeIndicators(t)) current.indicators.push(...indicatorsOf(t, header, legend, v));
        else for (const r of t.rows) current.justification.push({ text: clean(r.cells.map((c) => c.text).join(' ')), page: t.page });
      }
      continue;
    }
    if (current && !inActivities && header?.kind === 'indicator' && !header.latest) {
      current.indicators.push(...indicatorsOf(t, header, legend, v));
      continue;
    }
    // A goal table: each row with a status is a goal; rows after it without status are its commentary.
    inActivities = false;
    const shared = header?.latest ? before.filter((p) => !hasRole(p.text, 'legend-heading', v)) : [];
    const carried = us[i - 1]?.kind === 'table' && us[i - 1].page === t.page - 1;
    let last: SegmentedGoal | null = carried ? lastTableGoal : null;
    const rowGoals: SegmentedGoal[] = [];
    for (const { r, st } of goalRows) {
      const titleCell = titleCellOf(r, header, v);
      if (st && titleCell && titleCell.text && !statusOfText(titleCell.text, v)) {
        const title = titleText(titleCell.text);
        if (hasRole(title, 'summary-header', v) || hasRole(title, 'not-goal', v)) continue;
        commentRun = false;
        const g = add({ title, page: t.page, ...st, justification: [], indicators: [], activities: [] }, true);
        if (!g) { last = null; continue; }
        rowGoals.push(g);
        const comment = r.cells.filter((c) => c !== titleCell && header?.commentColumns.includes(c.column));
        for (const c of comment) if (c.text) g.justification.push({ text: stripLabel(clean(c.text), v), page: t.page });
        const values = r.cells.filter((c) => c !== titleCell && !comment.includes(c) && /\d/.test(c.text)).map((c) => clean(c.text));
        if (values.length || header?.latest) g.indicators.push({ name: title, page: t.page, values, status: st.status, residentFacing: false });
        last = g;
      } else if (!st && isSectionRow(r, doc.bodyFontSize) && !hasRole(clean(r.cells[0]?.text ?? ''), 'justification-label', v)) {
        // A bold row across the table ("Målområde: …") opens a section; it is nobody's commentary.
        section = clean(r.cells.map((c) => c.text).join(' '));
        last = null;
      } else if (last && !st) {
        const text = clean(r.cells.map((c) => c.text).join(' '));
        const comment = text && !/^\d+$/.test(text) ? stripLabel(text, v) : '';
        if (comment) addComment(last, comment, t.page, commentRun);
        commentRun = true;
      }
    }
    // Text after the table continues the last goal only where the table left it waiting for one
    // (a bare "Kommentar:" row, or no commentary at all); else it is the report's own prose.
    const lastRow = t.rows[t.rows.length - 1];
    const bareLabel = lastRow && hasRole(clean(lastRow.cells.map((c) => c.text).join(' ')), 'justification-label', v);
    current = last && !header?.latest && (bareLabel || last.justification.length === 0) ? last : null;
    if (shared.length) distributeCommentary(rowGoals, shared, v);
    lastTableGoal = last;
    currentLevel = 99;
    pending = [];
  }
  return { language: lang, goals: goals.filter((g) => g.title.length > 2) };
}

/** The share words (`percentage-word`) become "percentage", so that "percent" in a commentary meets them by stem. */
const SHARE = 'percentage';

/** A title's words for comparing titles: without the language's `title-stop-word`s, every share word as one. */
function titleWords(title: string, v: Vocabulary): Set<string> {
  const words = new Set<string>();
  for (const w of title.toLowerCase().match(/[\p{L}\p{N}]+|%/gu) ?? []) {
    if (hasRole(w, 'percentage-word', v)) words.add(SHARE);
    else if (w.length > 1 && !hasRole(w, 'title-stop-word', v)) words.add(w);
  }
  return words;
}

function sameTitle(a: Set<string>, b: Set<string>): boolean {
  if (a.size < 3 || b.size < 3) return false;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.min(a.size, b.size) >= 0.75;
}

/**
 * Commentary written before a KPI table belongs to the KPIs in it. A paragraph that opens by naming one KPI
 * ("EHC plans issued within 20 weeks. Performance rose …") is that KPI's alone (the naming sentence dropped);
 * the rest is the directorate's commentary on all the KPIs that have no paragraph of their own.
 */
function distributeCommentary(goals: SegmentedGoal[], paragraphs: Paragraph[], v: Vocabulary): void {
  const own = new Map<SegmentedGoal, Paragraph[]>();
  const general: Paragraph[] = [];
  const stem = (ws: Set<string>) => new Set([...ws].map((w) => w.slice(0, 5)));
  for (const p of paragraphs) {
    const first = /^(.{3,160}?[.:])\s/.exec(p.text + ' ')?.[1] ?? '';
    const lead = stem(titleWords(first, v));
    // Only a short opening sentence that just names a KPI ("Homelessness prevention.", "EHC plans issued within
    // 20 weeks.") gives the paragraph to that KPI; a directorate's running commentary stays with all its KPIs.
    const shortLead = first.split(/\s+/).length <= 10;
    let best: SegmentedGoal | null = null, bestScore = 0, ties = 0;
    for (const g of shortLead ? goals : []) {
      const tw = stem(titleWords(g.title, v));
      let common = 0;
      for (const w of tw) if (lead.has(w)) common++;
      const sc = lead.size ? common / lead.size : 0;
      if (sc > bestScore + 1e-9) { best = g; bestScore = sc; ties = 0; } else if (sc > 0 && Math.abs(sc - bestScore) < 1e-9) ties++;
    }
    if (best && bestScore >= 0.6 && ties === 0) {
      // The opening sentence only names the KPI: drop it.
      const rest = p.text.slice(first.length).trim();
      if (!own.has(best)) own.set(best, []);
      if (rest) own.get(best)!.push({ text: rest, page: p.page });
    } else general.push(p);
  }
  // A KPI with commentary of its own (a comment column or row) does not also take the directorate's general text.
  for (const g of goals) g.justification.unshift(...(own.get(g) ?? (g.justification.length ? [] : general)));
}

/**
 * The cell that names the goal: the header's goal column where it has text, else the first cell that reads as words
 * (a reference such as "1.2" or "ASC01" before it is not the title).
 */
function titleCellOf(r: Row, header: TableHeader | null, v: Vocabulary): Cell | undefined {
  const wordy = (c: Cell) => /\p{L}{2,}.*\s+.*\p{L}{2,}/u.test(c.text) && !statusOfText(c.text, v);
  const byHeader = r.cells.find((c) => c.column === (header?.titleColumn ?? -1));
  if (byHeader && wordy(byHeader)) return byHeader;
  return r.cells.find(wordy) ?? r.cells[0];
}

const HEADER_ROLES = ['activity-header', 'goal-header', 'status-header', 'latest-header', 'previous-header', 'indicator-header', 'trend-header'] as const;

function isHeaderRow(r: Row, v: Vocabulary): boolean {
  const texts = r.cells.map((c) => clean(c.text)).filter(Boolean);
  if (texts.length < 2 || texts.some((t) => t.split(' ').length > 4)) return false;
  return texts.filter((t) => HEADER_ROLES.some((role) => hasRole(t, role, v))).length >= 2;
}

function splitAtHeaders(t: Table, v: Vocabulary): Table[] {
  const out: Table[] = [];
  let rows: Row[] = [];
  t.rows.forEach((r, k) => {
    // A second header line right under the first ("Latest | Previous") is the same header.
    if (k > 1 && rows.length && isHeaderRow(r, v) && !isHeaderRow(t.rows[k - 1], v)) {
      out.push({ ...t, rows });
      rows = [];
    }
    rows.push(r);
  });
  out.push({ ...t, rows });
  return out;
}

/**
 * A row that is a heading inside a table ("Målområde: …", "04 Hav och marina resurser"): one short cell, no
 * sentence, set bold, larger than the body text or numbered like a heading. It belongs to no goal's commentary.
 */
function isSectionRow(r: Row, bodyFontSize: number): boolean {
  const cells = r.cells.filter((c) => c.text);
  if (cells.length !== 1) return false;
  const text = clean(cells[0].text);
  const lines = cells[0].lines;
  if (!lines.length || lines.length > 2 || text.split(' ').length > 10 || /[.!?]$/.test(text)) return false;
  return lines.every((l) => l.bold) || lines.every((l) => l.fontSize >= bodyFontSize * 1.1) || /^\d{1,2}(\.\d{1,2})*\.?\s+\p{Lu}/u.test(text);
}

/** Commentary in a table often comes a line to a row: lines of one comment join into one paragraph. */
function addComment(goal: SegmentedGoal, text: string, page: number, continues: boolean): void {
  const last = goal.justification[goal.justification.length - 1];
  if (continues && last) last.text = joinLines([last.text, text]);
  else goal.justification.push({ text, page });
}

function collectLegends(us: Unit[], legend: Legend, v: Vocabulary): void {
  for (const u of us) {
    if (u.kind === 'legend') {
      learnLegend(legend, u.block.entries.map((e, k) => ({ ...e, colour: u.block.lines.flatMap((l) => l.marks)[k]?.colour })), v);
    }
  }
}

function isMarkedTitle(u: Extract<Unit, { kind: 'text' }>, legend: Legend): boolean {
  if (u.lines.length > 3 || u.text.split(/\s+/).length > 30) return false;
  return u.lines[0].marks.some((m) => statusOfMark(m, legend) && m.kind !== 'cell');
}

type StatusFound = { status: Status; statusSource: SegmentedGoal['statusSource']; statusEvidence: string };

function statusFromMarks(marks: Mark[], legend: Legend): StatusFound | null {
  for (const m of marks) {
    const s = statusOfMark(m, legend);
    if (s) return { status: s.status, statusSource: s.source, statusEvidence: describeMark(m) };
  }
  return null;
}

/** A heading followed by a status line ("Status: Uppfyllt", "Målet bedöms uppnås."). */
function statusFollowing(us: Unit[], i: number, v: Vocabulary, legend: Legend): StatusFound | null {
  const head = us[i];
  if (head.kind === 'heading') {
    const inTitle = /[:–-]\s*([^:–-]+)$/.exec(head.text);
    const s = inTitle ? statusOfText(inTitle[1], v) : null;
    if (s && v.statusLabel.opens.test(normalise(head.text.split(/[:–-]/).slice(-2, -1)[0] ?? '')) === false && inTitle && v.statusLabel.anywhere.test(head.text)) {
      return { status: s.status, statusSource: 'word', statusEvidence: `"${inTitle[1].trim()}" in the heading (${s.ruleId})` };
    }
  }
  for (let k = i + 1; k < Math.min(us.length, i + 3); k++) {
    const u = us[k];
    if (u.kind !== 'text' && u.kind !== 'heading') return null;
    if (u.marks.length) {
      // "⬤ On track ↑" on the line under a heading: the heading's status, drawn and written.
      const text = u.kind === 'text' ? u.lines[0].text : u.text;
      // …or "Bedömning: ●" / "Måluppfyllelse [icon]": a status label with the symbol beside it.
      const label = hasRole(clean(text).replace(TRAILING_LABEL_END, ''), 'status-header', v);
      if (k === i + 1 && (leadingStatusPhrase(titleText(text), v) || label)) {
        const drawn = statusFromMarks(u.marks, legend);
        if (drawn) return { ...drawn, statusEvidence: `${drawn.statusEvidence}, "${clean(text)}"` };
      }
      return null; // a marked line is a goal or legend entry of its own
    }
    const first = u.kind === 'text' ? u.lines[0].text : u.text;
    const s = statusOfText(first, v) ?? (v.statusLabel.opensAsWord.test(first) ? statusInSentence(first, v) : null);
    if (s) return { status: s.status, statusSource: 'word', statusEvidence: `"${first.trim()}" (${s.ruleId})` };
    if (u.kind === 'heading' && !hasRole(u.text, 'justification-label', v)) return null;
    const sentence = u.kind === 'text' ? statusInSentence(u.text.split(/(?<=[.!?])\s/)[0] ?? '', v) : null;
    if (sentence && hasRole(first, 'status-sentence-opener', v)) {
      return { status: sentence.status, statusSource: 'word', statusEvidence: `"${first.trim()}" (${sentence.ruleId})` };
    }
  }
  return null;
}

/** Does the text open with a status phrase ("Delvis uppfyllt – …", "On track", "G = on track")? */
function leadingStatusPhrase(text: string, v: Vocabulary): boolean {
  const words = text.split(/\s+/);
  for (let n = Math.min(5, words.length); n >= 1; n--) {
    const phrase = words.slice(0, n).join(' ').replace(/[–:=-]+$/, '');
    if (!statusOfText(phrase, v)) continue;
    // A lone letter (G/A/R, the article "A") counts only as a key: "A = at risk".
    if (phrase.length <= 1) return n === words.length || /^[=:–-]/.test(words[n] ?? '') || /[=:–-]$/.test(words[n - 1]);
    return true;
  }
  return false;
}

function stripStatusWord(title: string, v: Vocabulary): string {
  const m = v.statusLabel.endsTitle.exec(title);
  return m && statusOfText(title.slice(m.groups!.title.length).replace(v.statusLabel.leads, ''), v) ? m.groups!.title.trim() : title;
}

function stripLabel(text: string, v: Vocabulary): string {
  const m = /^([^:]{2,40}):\s*(.*)$/.exec(text);
  if (m && hasRole(m[1], 'justification-label', v)) return m[2];
  if (hasRole(text, 'justification-label', v) && !text.includes(':')) return '';
  return text;
}

interface TableHeader {
  kind: 'goal' | 'activity' | 'indicator' | 'summary';
  bodyStart: number;
  titleColumn: number;
  /** x centre of the column holding the latest status (RAG tables). */
  latest: number | null;
  previous: number | null;
  statusX: number | null;
  trendX: number[];
  commentColumns: number[];
  columns: number[];
}

const centre = (c: Cell) => (c.bbox[0] + c.bbox[2]) / 2;

/** Reads a table's header rows (up to the first three rows) by the structure vocabulary. */
function readHeader(t: Table, v: Vocabulary): TableHeader | null {
  let found: TableHeader | null = null;
  for (let k = 0; k < Math.min(3, t.rows.length); k++) {
    const cells = t.rows[k].cells;
    if (!cells.length || cells.every((c) => !c.text)) break;
    const roles = cells.map((c) => {
      const text = clean(c.text);
      if (text.split(' ').length > 6) return null;
      for (const role of ['activity-header', 'goal-header', 'status-header', 'latest-header', 'previous-header', 'indicator-header', 'justification-label', 'trend-header', 'summary-header'] as const) {
        if (hasRole(text, role, v)) return role;
      }
      return null;
    });
    const named = roles.filter((r) => r).length;
    if (!named || (named < 2 && named < Math.ceil(cells.filter((c) => c.text).length / 2))) {
      if (found) break;
      continue;
    }
    const h: TableHeader = found ?? { kind: 'goal', bodyStart: 0, titleColumn: cells[0].column, latest: null, previous: null, statusX: null, trendX: [], commentColumns: [], columns: t.columns };
    h.bodyStart = k + 1;
    cells.forEach((c, ci) => {
      const role = roles[ci];
      if (role === 'activity-header' && ci === 0) h.kind = 'activity';
      if (role === 'summary-header' && ci === 0) h.kind = 'summary';
      if (role === 'indicator-header' && ci === 0 && h.kind === 'goal') h.kind = 'indicator';
      if (role === 'latest-header') h.latest = centre(c);
      if (role === 'previous-header') h.previous = centre(c);
      if (role === 'status-header' && h.statusX === null) h.statusX = centre(c);
      else if (role === 'status-header' && h.previous === null) h.previous = centre(c); // "RAG | RAG": the second is last period's
      if (role === 'trend-header') h.trendX.push(centre(c));
      if (role === 'justification-label') h.commentColumns.push(c.column);
    });
    found = h;
  }
  return found;
}

function continues(t: Table, prev: TableHeader | null): boolean {
  if (!prev) return false;
  return t.columns.length === prev.columns.length && t.columns.every((x, k) => Math.abs(x - prev.columns[k]) < 8);
}

/** The status of a table row: a status mark or word in the latest/status column, never in previous or trend columns. */
function rowStatus(r: Row, header: TableHeader | null, legend: Legend, v: Vocabulary): StatusFound | null {
  const candidates: { x: number; st: StatusFound }[] = [];
  const inStatusColumn = (x: number) => [header?.statusX, header?.latest].some((t) => t != null && Math.abs(x - t) < 30);
  for (const c of r.cells) {
    const x = centre(c);
    const word = c.text ? statusOfText(c.text, v, inStatusColumn(x)) : null;
    if (word) {
      const fill = c.fill ? ` in a ${c.fill.colour} cell` : '';
      candidates.push({ x, st: { status: word.status, statusSource: 'word', statusEvidence: `"${clean(c.text)}"${fill} on page ${c.lines[0]?.page ?? '?'} (${word.ruleId})` } });
      continue;
    }
    if (c.column === (header?.titleColumn ?? 0) && c.text && c.marks.length === 0) continue;
    const marks = [...c.marks, ...(c.fill && !c.text ? [c.fill] : [])];
    const st = statusFromMarks(marks, legend);
    if (st) candidates.push({ x: marks.length ? (marks[0].bbox[0] + marks[0].bbox[2]) / 2 : x, st });
  }
  const words = new Set(candidates.filter((c) => c.st.statusSource === 'word').map((c) => c.st.status));
  if (words.size >= 2 && header?.latest == null) return null;
  if (!header?.statusX && !header?.latest) {
    for (let k = candidates.length - 1; k >= 0; k--) if (candidates[k].st.status === 'unknown') candidates.splice(k, 1);
  }
  if (!candidates.length) return null;
  const near = (x: number, target: number | null) => (target === null ? Infinity : Math.abs(x - target));
  const usable = candidates.filter((c) => !header?.trendX.some((t) => Math.abs(c.x - t) < 15));
  if (!usable.length) return null;
  // The status column is the RAG/status column where the table has one, else the "Latest" column (whose value is the
  // rating itself in tables like "Latest | Previous"). Never a status nearer the previous period's column.
  const latestHoldsStatus = header?.latest != null && candidates.some((c) => Math.abs(c.x - header.latest!) < 25);
  const target = (latestHoldsStatus ? header?.latest : header?.statusX ?? header?.latest) ?? null;
  if (target != null) {
    usable.sort((a, b) => near(a.x, target) - near(b.x, target));
    const best = usable[0];
    if (header?.previous != null && near(best.x, header.previous) < near(best.x, target)) return null;
    return best.st;
  }
  return usable[0].st;
}

function isLegendTable(t: Table, before: Unit | undefined, v: Vocabulary): boolean {
  const headed = before && (before.kind === 'heading' || before.kind === 'text') && hasRole(clean(before.text), 'legend-heading', v);
  const statusRows = t.rows.filter((r) => r.cells.some((c) => c.text && statusOfText(c.text, v) && c.fill));
  const distinct = new Set(statusRows.map((r) => statusOfText(r.cells.find((c) => c.text && statusOfText(c.text, v))!.text, v)!.status));
  if (headed && statusRows.length >= 2) return true;
  // A key: each row one status word in a filled cell and a definition, every status once.
  return statusRows.length >= 3 && distinct.size === statusRows.length && t.rows.length <= 8 &&
    t.rows.every((r) => r.cells.length <= 2);
}

function legendEntriesOfTable(t: Table, v: Vocabulary) {
  return t.rows.flatMap((r) => {
    const c = r.cells.find((x) => x.text && statusOfText(x.text, v));
    const m = c?.fill ?? r.cells.flatMap((x) => x.marks)[0];
    if (!c || !m) return [];
    return [{ colourClass: m.colourClass, shape: m.shape, text: c.text, colour: m.colour }];
  });
}

function isSummaryTable(t: Table, v: Vocabulary): boolean {
  const body = t.rows.slice(1);
  if (!body.length) return false;
  const numeric = body.flatMap((r) => r.cells.slice(1)).filter((c) => c.text);
  const allNum = numeric.length > 0 && numeric.every((c) => /^[\d\s,.%()-]+$/.test(c.text));
  const headerStatus = t.rows[0].cells.filter((c) => c.text && statusOfText(c.text, v)).length >= 2;
  const totals = t.rows.some((r) => hasRole(clean(r.cells[0]?.text ?? ''), 'summary-header', v));
  return (allNum && (headerStatus || totals)) || (headerStatus && body.every((r) => !r.cells.some((c) => statusOfText(c.text, v))));
}

function looksLikeIndicators(t: Table): boolean {
  const body = t.rows.slice(1);
  return body.length > 0 && body.every((r) => r.cells.length >= 2 && r.cells.slice(1).some((c) => /\d/.test(c.text)));
}

function indicatorsOf(t: Table, header: TableHeader | null, legend: Legend, v: Vocabulary): Indicator[] {
  return t.rows.slice(header?.bodyStart ?? 1).flatMap((r) => {
    const name = clean(r.cells[0]?.text ?? '');
    if (!name) return [];
    const values = r.cells.slice(1).map((c) => clean(c.text)).filter((x) => /\d/.test(x));
    if (!values.length) return [];
    return [{ name, page: t.page, values, status: rowStatus(r, header, legend, v)?.status ?? 'unknown', residentFacing: false }];
  });
}
