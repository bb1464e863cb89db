/**
 * One formatter per `--format` value. Each is a pure function of the result: no file system, no console,
 * no process, no exit codes. The CLI picks one, writes the string, and decides the exit code itself.
 */
import type { AnalysisResult } from '../model/result.js';
import { formatCsv, type CsvFormatOptions } from './csv.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './md.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const FORMATS = ['json', 'csv', 'md', 'html', 'sarif', 'github', 'text'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  /** text: ANSI colours (the CLI decides from isTTY, NO_COLOR, FORCE_COLOR). Default false. */
  colour?: boolean;
  /** text: print rule ids per sentence and how each status was read. Default false. */
  why?: boolean;
  /** html: the page title. Default "verkstad report" (with the file name for one document). */
  title?: string;
  /** html: a document's link, to which `#page=N` is added. Default: its path as given, percent-encoded. */
  documentLink?: (file: string) => string;
  /** csv: delimiter (default `,`), byte-order mark (default true), how the file columns name a file. */
  csv?: CsvFormatOptions;
}

/** The file extension to use when a format is written to `--out`. */
export const FORMAT_EXTENSIONS: Record<FormatName, string> = {
  json: 'json',
  csv: 'csv',
  md: 'md',
  html: 'html',
  sarif: 'sarif',
  github: 'txt',
  text: 'txt',
};

const FORMATTERS: Record<FormatName, (result: AnalysisResult, options: FormatOptions) => string> = {
  json: (result) => formatJson(result),
  csv: (result, { csv }) => formatCsv(result, csv),
  md: (result) => formatMarkdown(result),
  html: (result, { title, documentLink }) => formatHtml(result, { title, documentLink }),
  sarif: (result) => formatSarif(result),
  github: (result) => formatGithub(result),
  text: (result, { colour = false, why = false }) => formatText(result, { colour, why }),
};

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export function format(name: FormatName, result: AnalysisResult, options: FormatOptions = {}): string {
  const formatter = FORMATTERS[name];
  if (!formatter) throw new TypeError(`Expected a format (${FORMATS.join(' | ')}), got "${String(name)}"`);
  return formatter(result, options);
}

export { analysisJsonSchema } from './schema.js';
export { formatCsv, formatGithub, formatHtml, formatJson, formatMarkdown, formatSarif, formatText };
