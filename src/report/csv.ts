import { stringify } from 'csv-stringify/sync';
import type { CsvOptions } from '../model/csv-options.js';
import { LABELS, type AnalysisResult, type DocumentResult, type Goal } from '../model/result.js';
import { joinParts, type StreamedFormat } from './streamed.js';
import { evidenceQuote, labelCounts, residentFacingCount } from './goal-views.js';
import { oneLine } from './plain-text.js';

/** The columns, in order. The header row is part of the contract: scripts read columns by name. */
export const CSV_COLUMNS = [
  'file',
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
  'paths',
  // Added after the others so that scripts reading columns by position still find theirs.
  'organisation',
  'kind',
  'period',
] as const;

/** Every path of a document (copies are one document) in one cell, apart by a character no file name has on Windows. */
export const PATHS_SEPARATOR = ' | ';

export interface CsvFormatOptions extends Partial<CsvOptions> {
  /**
   * How a file is named in the `file` and `paths` columns; default: as given. The CLI names it relative to the
   * input root it was found under, so that a table shared with others holds no path of the analyst's machine.
   */
  fileLabel?: (file: string) => string;
}

type Row = Record<(typeof CSV_COLUMNS)[number], string | number>;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula, so a PDF sentence could
 * become `=HYPERLINK(...)`. Such cells get a leading apostrophe, as OWASP recommends for CSV exports.
 */
export function cell(text: string): string {
  const line = oneLine(text);
  return /^[=+\-@]/.test(line) ? `'${line}` : line;
}

function emptyRow(document: DocumentResult, label: (file: string) => string): Row {
  const row = Object.fromEntries(CSV_COLUMNS.map((column) => [column, ''])) as Row;
  row.file = cell(label(document.file));
  row.paths = cell((document.paths ?? [document.file]).map(label).join(PATHS_SEPARATOR));
  row.organisation = cell(document.organisation?.value ?? '');
  row.kind = cell(document.kind?.value ?? '');
  row.period = cell(document.period?.value ?? '');
  return row;
}

function goalRow(document: DocumentResult, goal: Goal, label: (file: string) => string): Row {
  const counts = labelCounts(goal);
  const quote = evidenceQuote(goal);
  const row = emptyRow(document, label);
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
 * (`CODE: message`) and empty goal fields. Comma-separated UTF-8 with a byte-order mark (so that Excel reads
 * å, ä and ö) unless `options` say otherwise: Excel in a Swedish locale wants `delimiter: ';'`.
 */
export function formatCsv(result: AnalysisResult, options: CsvFormatOptions = {}): string {
  return joinParts(csvParts(options), result.documents);
}

/** `formatCsv` a document at a time. */
export function csvParts(options: CsvFormatOptions = {}): StreamedFormat {
  const { delimiter = ',', bom = true, fileLabel = (file: string) => file } = options;
  const columns = [...CSV_COLUMNS];
  return {
    start: stringify([], { header: true, columns, bom, delimiter }),
    document(document) {
      const rows: Row[] = [];
      if (document.error) {
        const row = emptyRow(document, fileLabel);
        row.error = cell(`${document.error.code}: ${document.error.message}`);
        rows.push(row);
      }
      for (const goal of document.goals) rows.push(goalRow(document, goal, fileLabel));
      return rows.length ? stringify(rows, { header: false, columns, delimiter }) : '';
    },
    end: '',
  };
}
