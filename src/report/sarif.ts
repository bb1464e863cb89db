import { createHash } from 'node:crypto';
import type { Artifact, Log, ReportingDescriptor, Result } from 'sarif';
import type { AnalysisResult, DocumentResult, Flag, Goal } from '../model/result.js';
import { indicatorLine, quotedSentences } from './goal-views.js';
import { artifactUri } from './paths.js';
import { oneLine } from './plain-text.js';

/** Rule ids are the flag codes and never change: code scanning tracks alerts by them. */
export const SARIF_RULES = [
  {
    id: 'GREEN_INTERNAL_ONLY',
    name: 'GreenInternalOnly',
    shortDescription: { text: 'Green goal whose justification is only internal work' },
    fullDescription: {
      text:
        'The goal is about residents and marked green, but every sentence of its justification describes work ' +
        'inside the organisation, plans or background: nothing says what residents received or noticed.',
    },
    help: {
      text:
        'Say what residents got or noticed (a measured result such as a share, a waiting time or satisfaction, ' +
        'or a service that reached them), or reconsider the green status.',
    },
    defaultConfiguration: { level: 'warning' },
  },
  {
    id: 'GREEN_NO_EVIDENCE',
    name: 'GreenNoEvidence',
    shortDescription: { text: 'Green goal with no justification' },
    fullDescription: {
      text:
        'The goal is about residents and marked green, but there is no justification under it beyond a pointer ' +
        '(such as "See indicators.") and no resident-facing indicator.',
    },
    help: { text: 'Write what the green status rests on, or attach the indicators that show it.' },
    defaultConfiguration: { level: 'warning' },
  },
  {
    id: 'DOCUMENT_ERROR',
    name: 'DocumentError',
    shortDescription: { text: 'The document could not be analysed' },
    fullDescription: {
      text: 'verkstad could not read the document (not a PDF, damaged, encrypted, no text layer, too large or too slow).',
    },
    help: { text: 'Export the report again as a PDF with a text layer; the message names the problem.' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'GREEN_BELOW_TARGET',
    name: 'GreenBelowTarget',
    shortDescription: { text: "Green goal whose own indicator misses its own target" },
    fullDescription: {
      text:
        'The goal is marked green, but an indicator the report gives for it misses the target the report sets for ' +
        'it (in the direction the report states, its floor shows or its target is bounded by).',
    },
    help: { text: 'Check the figure and the target, and rate the goal by them or say why it is green all the same.' },
    defaultConfiguration: { level: 'warning' },
  },
  {
    id: 'NO_GOALS',
    name: 'NoGoals',
    shortDescription: { text: 'No goal with a status found in the document' },
    fullDescription: {
      text:
        '`verkstad check` read the document but found no goal with a status in it, so there was nothing to check: ' +
        'a check that passed here would pass what it did not read.',
    },
    help: {
      text:
        'Write each goal as a heading (or a table row) with its status beside or under it: a status word or symbol ' +
        'per goal ("Status: grön", Uppfyllt / Delvis uppfyllt / Ej uppfyllt, GREEN / AMBER / RED, ●). verkstad reads ' +
        'Markdown headings with a status line, Markdown and DOCX tables with a status column (Mål | Status | Kommentar), ' +
        'DOCX headings or bold titles, and plain "Mål: … / Status: …" lines.',
    },
    defaultConfiguration: { level: 'error' },
  },
] as const satisfies readonly ReportingDescriptor[];

type RuleId = (typeof SARIF_RULES)[number]['id'];
const RULE_INDEX = new Map<string, number>(SARIF_RULES.map((rule, index) => [rule.id, index]));

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Titles differ between drafts only in spacing or case often enough that these should not open new alerts. */
function normalisedTitle(title: string): string {
  return oneLine(title).normalize('NFC').toLowerCase();
}

/**
 * Identifies one flag on one goal across runs: the document path, the flag code and the goal title (and
 * which occurrence, for repeated titles). No page, so the alert survives pages moving; no content hash, so it
 * survives the draft being edited.
 */
export function goalFingerprint(uri: string, code: string, title: string, occurrence: number): string {
  return sha256Hex([uri, code, normalisedTitle(title), String(occurrence)].join('\n'));
}

function artifactFor(document: DocumentResult): Artifact {
  const artifact: Artifact = { location: { uri: artifactUri(document.file) } };
  if (/^[0-9a-f]{64}$/i.test(document.sha256)) artifact.hashes = { 'sha-256': document.sha256.toLowerCase() };
  return artifact;
}

function ruleRef(ruleId: RuleId): Pick<Result, 'ruleId' | 'ruleIndex'> {
  return { ruleId, ruleIndex: RULE_INDEX.get(ruleId) };
}

function flagResult(document: DocumentResult, index: number, goal: Goal, flag: Flag, occurrence: number): Result {
  const uri = artifactUri(document.file);
  const region = (line: number) => (line >= 1 ? { region: { startLine: line } } : {});
  // A draft's goal has its own line; a PDF has none, and the page stands in for it. A draft's sentences carry
  // only their page, which is not a line of the file: they get no region rather than a wrong one.
  const inDraft = typeof goal.line === 'number';
  return {
    ...ruleRef(flag.code),
    level: flag.level,
    message: { text: `“${oneLine(goal.title)}” (${inDraft ? `line ${goal.line}` : `p. ${goal.page}`}): ${oneLine(flag.message)}` },
    locations: [{ physicalLocation: { artifactLocation: { uri, index }, ...region(inDraft ? goal.line! : goal.page) } }],
    relatedLocations: [
      ...quotedSentences(goal, flag).map((sentence) => ({ page: sentence.page, text: `${sentence.label}: ${oneLine(sentence.text)}` })),
      ...(flag.indicators ?? []).map((indicator) => ({ page: indicator.page, text: `indicator: ${oneLine(indicatorLine(indicator))}` })),
    ].map((related, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: { uri, index }, ...(inDraft ? {} : region(related.page)) },
      message: { text: related.text },
    })),
    partialFingerprints: { 'verkstadGoal/v1': goalFingerprint(uri, flag.code, goal.title, occurrence) },
    properties: {
      page: goal.page,
      line: goal.line,
      goalId: goal.id,
      goalTitle: goal.title,
      status: goal.status,
      orientation: goal.orientation,
      evidence: goal.evidence,
    },
  };
}

function errorResult(document: DocumentResult, index: number): Result {
  const uri = artifactUri(document.file);
  const { code, message } = document.error!;
  return {
    ...ruleRef(code === 'NO_GOALS' ? 'NO_GOALS' : 'DOCUMENT_ERROR'),
    level: 'error',
    message: { text: `${code}: ${oneLine(message)}` },
    locations: [{ physicalLocation: { artifactLocation: { uri, index } } }],
    partialFingerprints: { 'verkstadDocument/v1': sha256Hex(`${uri}\n${code}`) },
    properties: { code },
  };
}

/** `--format sarif`: SARIF 2.1.0, one run, one result per flag and per document that could not be analysed. */
export function formatSarif(result: AnalysisResult): string {
  const results: Result[] = [];
  result.documents.forEach((document, index) => {
    if (document.error) results.push(errorResult(document, index));
    const seen = new Map<string, number>();
    for (const goal of document.goals) {
      for (const flag of goal.flags) {
        const key = `${flag.code}\n${normalisedTitle(goal.title)}`;
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        results.push(flagResult(document, index, goal, flag, occurrence));
      }
    }
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'verkstad', version: result.tool.version, rules: [...SARIF_RULES] } },
        artifacts: result.documents.map(artifactFor),
        results,
        properties: { summary: result.summary },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
