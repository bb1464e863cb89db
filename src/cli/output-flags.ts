/**
 * The flags that shape an archive's outputs (summary.csv and report.html) rather than its results: they never
 * change what is analysed, so the store's results stay valid when they change. `csv:` in the configuration sets
 * the same; a flag given on the command line wins.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { fileLabeller } from '../archive/input-roots.js';
import { LINK_MODES, reportLinks, type LinkMode } from '../archive/report-links.js';
import type { OutputOptions } from '../archive/outputs.js';
import { loadSettings } from '../context.js';
import { CSV_DELIMITERS, type CsvOptions } from '../model/csv-options.js';
import type { FormatOptions } from '../report/index.js';
import { fail } from './console.js';

export interface OutputFlags {
  csvDelimiter?: CsvOptions['delimiter'];
  csvBom: boolean;
  links: LinkMode;
  config?: string;
}

const DELIMITER_NAMES: Record<string, CsvOptions['delimiter']> = { ',': ',', ';': ';', '|': '|', tab: '\t', '\\t': '\t', '\t': '\t' };

/** Reads `--csv-delimiter`: `,` `;` `|` or `tab` (or `\t`). */
export function csvDelimiter(value: string): CsvOptions['delimiter'] {
  const d = DELIMITER_NAMES[value];
  if (!d) throw new InvalidArgumentError(`Expected one of , ; | tab, got "${value}".`);
  return d;
}

export function withOutputFlags(command: Command): Command {
  return command
    .option('--csv-delimiter <char>', `summary.csv's field delimiter: , ; | or tab (Excel with Swedish settings wants ;)`, csvDelimiter)
    .option('--no-csv-bom', "write summary.csv without the UTF-8 byte-order mark (Excel needs it to show å, ä and ö)")
    .addOption(
      new Option('--links <mode>', "report.html's page links: relative from --out to each input, or absolute file: URLs").choices(LINK_MODES).default('relative'),
    );
}

/** summary.csv's options: the configuration's `csv:`, with what the command line says on top. */
function csvOf(command: Command, flags: OutputFlags): CsvOptions {
  let fromConfig: CsvOptions;
  try {
    fromConfig = loadSettings(flags.config).csv;
  } catch (e) {
    fail(e);
  }
  return {
    delimiter: flags.csvDelimiter ?? fromConfig.delimiter,
    bom: command.getOptionValueSource('csvBom') === 'cli' ? flags.csvBom : fromConfig.bom,
  };
}

/** How `writeOutputs` writes the archive's folder for a run over `inputs`. */
export function outputOptions(command: Command, flags: OutputFlags, inputs: readonly string[]): OutputOptions {
  return { csv: csvOf(command, flags), fileLabel: fileLabeller(inputs), links: flags.links };
}

/** The same for a format printed on stdout: links from the working directory, or absolute ones. */
export function printedFormatOptions(command: Command, flags: OutputFlags, inputs: readonly string[]): Pick<FormatOptions, 'csv' | 'documentLink'> {
  return {
    csv: { ...csvOf(command, flags), fileLabel: fileLabeller(inputs) },
    documentLink: flags.links === 'absolute' ? reportLinks('.', 'absolute') : undefined,
  };
}
