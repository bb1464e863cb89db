import { createHash } from 'node:crypto';
import path from 'node:path';
import { assessGoals, summarise } from './assess/index.js';
import { classifyGoalSentences, type Classifier } from './classify/index.js';
import { orientGoals } from './classify/orientation.js';
import type { ExtractOptions, GraphicsPredicate } from './extract/index.js';
import { layoutDocument } from './layout/index.js';
import type { ExtractedDocument, ExtractedPage } from './model/extract.js';
import { DocumentFailure } from './model/errors.js';
import { STATUS_GLYPH_CLASS } from './model/symbols.js';
import type { LayoutDocument } from './model/layout.js';
import type { DocumentResult, Language } from './model/result.js';
import type { SegmentedGoal } from './model/goal.js';
import type { RuleSet } from './ruleset/load.js';
import type { AssessConfig } from './assess/config.js';
import { segmentDocument } from './segment/index.js';
import { draftToLayout } from './io/drafts.js';
import { identifyDocument, type DocumentIdentity } from './identify/index.js';

/** The stages, in order. Each is a pure function of the one before; `--dump <stage>` prints any of them. */
export const STAGES = ['extract', 'layout', 'identify', 'segment', 'classify', 'assess'] as const;
export type StageName = (typeof STAGES)[number];

export interface PipelineContext {
  rules: RuleSet;
  classifier: Classifier;
  config: AssessConfig;
  extract?: ExtractOptions;
  language?: Language;
}

export interface StageOutputs {
  extract?: ExtractedDocument;
  layout: LayoutDocument;
  identify: DocumentIdentity;
  segment: { language: Language; goals: SegmentedGoal[] };
  result: DocumentResult;
}

/**
 * The extract stage is loaded at the first PDF, not with this module: it brings pdfjs (and its load hooks), which a
 * batch's main thread, drafts and the CLI's non-PDF commands never need.
 */
const extractStage = () => import('./extract/index.js');

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The kind of input, by content first and name second: PDF, DOCX (a zip), or plain text / Markdown. */
export function inputKind(file: string, bytes: Uint8Array): 'pdf' | 'docx' | 'text' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b && ext !== '.pdf')) return 'docx';
  if (ext === '.md' || ext === '.txt' || ext === '.markdown') return 'text';
  return 'pdf';
}

/** Runs one document through every stage. Failures of the document become its `error`, never an exception. */
export async function analyzeBytes(file: string, bytes: Uint8Array, ctx: PipelineContext): Promise<DocumentResult> {
  const digest = sha256(bytes);
  try {
    const out = await runStages(file, bytes, ctx);
    return out.result;
  } catch (err) {
    const failure = err instanceof DocumentFailure ? err : new DocumentFailure('INTERNAL', `Internal error: ${(err as Error)?.message ?? String(err)}`);
    return errorResult(file, digest, failure);
  }
}

export function errorResult(file: string, digest: string, failure: { code: DocumentFailure['code']; message: string }, pages = 0): DocumentResult {
  return {
    file,
    paths: [file],
    sha256: digest,
    pages,
    language: 'sv',
    organisation: null,
    kind: null,
    period: null,
    error: { code: failure.code, message: failure.message },
    goals: [],
    summary: summarise([]),
  };
}

const GLYPHS = new RegExp(STATUS_GLYPH_CLASS, 'u');

/** Where the operator list is read: the pages the text says can carry goals or statuses, or every page. */
export type MarksWhere = 'auto' | 'all';

/**
 * Reading a page's operator list (shapes, icons, glyph colours) costs as much as reading its text. It can only
 * matter on a page that speaks of goals or statuses (the `page-cue` words in rules/), draws a status glyph, or
 * continues one that drew statuses: a goal table running on over a page break repeats its rows, not always its
 * header, and its comments need not name a cue word.
 */
export function graphicsWhereItMatters(rules: RuleSet): GraphicsPredicate {
  let predicate = predicates.get(rules);
  if (!predicate) {
    const cues = rules.rules.flatMap((r) => (r.kind === 'structure' && r.role === 'page-cue' ? r.regexes : []));
    predicate = cues.length
      ? (_page, text, previous) => GLYPHS.test(text) || cues.some((re) => re.test(text)) || drewStatuses(previous)
      : () => true;
    predicates.set(rules, predicate);
  }
  return predicate;
}
/** One predicate per loaded rule set, not one per document. */
const predicates = new WeakMap<RuleSet, GraphicsPredicate>();

/** A page whose graphics were read and held a mark in a status colour (a symbol, an icon, a glyph or a filled cell). */
function drewStatuses(page: ExtractedPage | null): boolean {
  return page !== null && page.graphicsRead && page.marks.some((m) => m.colourClass === 'green' || m.colourClass === 'yellow' || m.colourClass === 'red');
}

export async function runStages(file: string, bytes: Uint8Array, ctx: PipelineContext): Promise<StageOutputs> {
  const kind = inputKind(file, bytes);
  let extracted: ExtractedDocument | undefined;
  let layout: LayoutDocument;
  if (kind === 'pdf') {
    extracted = await (await extractStage()).extractDocument(bytes, { ...ctx.extract, graphics: ctx.extract?.graphics ?? graphicsWhereItMatters(ctx.rules) });
    layout = layoutDocument(extracted);
  } else {
    layout = await draftToLayout(file, bytes, kind);
  }
  const identify = identifyDocument({ file, layout, info: extracted?.info ?? {}, rules: ctx.rules, overrides: ctx.config.documents });
  const segment = segmentDocument(layout, ctx.rules, ctx.language);
  const oriented = orientGoals(segment.goals, ctx.rules, segment.language);
  const classified = classifyGoalSentences(oriented, segment.language, ctx.classifier);
  const goals = assessGoals(classified, segment.language, ctx.config);
  const result: DocumentResult = {
    file,
    paths: [file],
    sha256: sha256(bytes),
    pages: layout.numPages,
    language: segment.language,
    ...identify,
    error: null,
    goals,
    summary: summarise(goals),
  };
  return { extract: extracted, layout, identify, segment, result };
}
