import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Label, Language, Orientation, Status } from '../model/result.js';

/**
 * A labelled set of real sentences and goals quoted from published reports (`../shared/real-text`): for evaluation
 * and error study only, never for training. Its layout is the one its README describes: `sentences.tsv` with the
 * header `id label lang org source text`, and optionally `goals.json`.
 */

export const RealSentence = z.object({
  id: z.string().min(1),
  label: Label,
  lang: Language,
  org: z.string().min(1),
  source: z.string(),
  text: z.string().min(1),
});
export type RealSentence = z.infer<typeof RealSentence>;

export const RealGoal = z.object({
  org: z.string().min(1),
  lang: Language,
  source: z.string().default(''),
  title: z.string().min(1),
  status: Status,
  status_as_written: z.string().default(''),
  justification: z.string(),
  evidence: z.enum(['internal', 'mixed', 'resident']),
  flagged: z.boolean(),
  orientation: Orientation,
  unsure: z.boolean().default(false),
});
export type RealGoal = z.infer<typeof RealGoal>;

export interface RealSet { dir: string; sentences: RealSentence[]; goals: RealGoal[] | null }

/** A problem in the set's files, with where it is, so that a person can fix the row. */
export class RealSetError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'RealSetError';
  }
}

const COLUMNS = ['id', 'label', 'lang', 'org', 'source', 'text'] as const;

/** Reads `sentences.tsv` (tab-separated, no quoting: a tab never occurs inside a field). Collects every bad row. */
export function parseRealSentences(tsv: string, file = 'sentences.tsv'): RealSentence[] {
  const lines = tsv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new RealSetError([`${file}:1 expected the columns ${COLUMNS.join(', ')}, missing ${missing.join(', ')}`]);
  const at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const problems: string[] = [];
  const out: RealSentence[] = [];
  const ids = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const cells = line.split('\t');
    if (cells.length !== header.length) {
      problems.push(`${file}:${i + 1} expected ${header.length} tab-separated fields, got ${cells.length}`);
      continue;
    }
    const row = Object.fromEntries(COLUMNS.map((c) => [c, cells[at[c]]!.trim()]));
    const parsed = RealSentence.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}:${i + 1} ${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    const seen = ids.get(parsed.data.id);
    if (seen) problems.push(`${file}:${i + 1} duplicate id "${parsed.data.id}" (also on line ${seen})`);
    ids.set(parsed.data.id, i + 1);
    out.push(parsed.data);
  }
  if (problems.length) throw new RealSetError(problems);
  return out;
}

export function parseRealGoals(json: string, file = 'goals.json'): RealGoal[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new RealSetError([`${file}: not JSON: ${(e as Error).message}`]);
  }
  const parsed = z.array(RealGoal).safeParse(data);
  if (!parsed.success) throw new RealSetError(parsed.error.issues.map((i) => `${file}: goal ${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

export function readRealSet(dir: string): RealSet {
  const tsv = path.join(dir, 'sentences.tsv');
  if (!fs.existsSync(tsv)) throw new RealSetError([`${tsv}: not found (expected a real set: sentences.tsv and optionally goals.json)`]);
  const sentences = parseRealSentences(fs.readFileSync(tsv, 'utf8'), tsv);
  const goalsFile = path.join(dir, 'goals.json');
  const goals = fs.existsSync(goalsFile) ? parseRealGoals(fs.readFileSync(goalsFile, 'utf8'), goalsFile) : null;
  return { dir, sentences, goals };
}

export type OrgHalf = 'tune' | 'holdout';

/**
 * Splits the organisations of each language into two halves of about equal size in sentences, so that rules and
 * weights can be tuned on one half while the other stays untouched: a rule that only fits one organisation's
 * wording then shows up as a gap between the halves. Largest organisations first (ties by a hash of the name),
 * each to the half with fewer sentences so far. Goals follow their organisation.
 */
export function orgHalves(set: Pick<RealSet, 'sentences' | 'goals'>): Map<string, OrgHalf> {
  const halves = new Map<string, OrgHalf>();
  for (const lang of Language.options) {
    const rows = new Map<string, number>();
    for (const s of set.sentences) if (s.lang === lang) rows.set(s.org, (rows.get(s.org) ?? 0) + 1);
    for (const g of set.goals ?? []) if (g.lang === lang && !rows.has(g.org)) rows.set(g.org, 0);
    const hash = (o: string) => createHash('sha256').update(o).digest('hex');
    const orgs = [...rows.keys()].sort((a, b) => rows.get(b)! - rows.get(a)! || (hash(a) < hash(b) ? -1 : 1));
    const size = { tune: 0, holdout: 0 };
    for (const org of orgs) {
      const half: OrgHalf = size.tune <= size.holdout ? 'tune' : 'holdout';
      if (!halves.has(org)) halves.set(org, half);
      size[half] += rows.get(org)!;
    }
  }
  return halves;
}

/** The part of the set whose organisations fall in `half`. */
export function selectHalf(set: RealSet, half: OrgHalf): RealSet {
  const halves = orgHalves(set);
  return {
    dir: set.dir,
    sentences: set.sentences.filter((s) => halves.get(s.org) === half),
    goals: set.goals ? set.goals.filter((g) => halves.get(g.org) === half) : null,
  };
}
