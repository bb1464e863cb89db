import { stringify } from 'csv-stringify/sync';
import { LABELS, type AnalysisResult, type DocumentResult, type Goal } from '../model/result.js';
import { joinParts, type StreamedFormat } from './streamed.js';
import { evidenceQuote, labelCounts, residentFacingCount } from './goal-views.js';
import { oneLine } from './plain-text.js';

/** The columns, in order. The header row is part of the contract: scripts read columns by name. */
export const CSV_COLUMNS = [
  'file',
  'organisation',
  'kind',
  'period',
  'page',
  'title',
  'status',
  'orientation',
  'evidence',
  'flag',
  ...LABELS,
  'resident_facing_sentences',
  'evidence_quote',
  'error',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number>;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula, so a PDF sentence could
 * become `=HYPERLINK(...)`. Such cells get a leading apostrophe, as OWASP recommends for CSV exports.
 */
function cell(text: string): string {
  const line = oneLine(text);
  return /^[=+\-@]/.test(line) ? `'${line}` : line;
}

function emptyRow(document: DocumentResult): Row {
  const row = Object.fromEntries(CSV_COLUMNS.map((column) => [column, ''])) as Row;
  row.file = cell(document.file);
  row.organisation = cell(document.organisation?.value ?? '');
  row.kind = cell(document.kind?.value ?? '');
  row.period = cell(document.period?.value ?? '');
  return row;
}

function goalRow(document: DocumentResult, goal: Goal): Row {
  const counts = labelCounts(goal);
  const quote = evidenceQuote(goal);
  const row = emptyRow(document);
  row.page = goal.page;
  row.title = cell(goal.title);
  row.status = goal.status;
  row.orientation = goal.orientation;
  row.evidence = goal.evidence;
  row.flag = goal.flags.map((f) => f.code).join(';');
  for (const label of LABELS) row[label] = counts[label];
  row.resident_facing_sentences = residentFacingCount(goal);
  row.evidence_quote = quote ? cell(quote.text) : '';
  return row;
}

/**
 * `--format csv`: one row per goal; a document that could not be analysed gets one row with its error
 * (`CODE: message`) and empty goal fields. UTF-8 with a byte-order mark so that Excel reads å, ä and ö.
 */
export function formatCsv(result: AnalysisResult): string {
  return joinParts(csvParts(), result.documents);
}

/** `formatCsv` a document at a time. */
export function csvParts(): StreamedFormat {
  return {
    start: stringify([], { header: true, columns: [...CSV_COLUMNS], bom: true }),
    document(document) {
      const rows: Row[] = [];
      if (document.error) {
        const row = emptyRow(document);
        row.error = cell(`${document.error.code}: ${document.error.message}`);
        rows.push(row);
      }
      for (const goal of document.goals) rows.push(goalRow(document, goal));
      return rows.length ? stringify(rows, { header: false, columns: [...CSV_COLUMNS] }) : '';
    },
    end: '',
  };
}
