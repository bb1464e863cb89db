import { z } from 'zod';

/**
 * The field delimiters summary.csv may use. Excel takes its delimiter from the system's list separator: `;` where
 * the decimal mark is a comma (Swedish and most European locales), `,` elsewhere; a tab opens everywhere.
 */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** `csv:` in verkstad.config.yaml, and `--csv-delimiter` / `--no-csv-bom` on the command line. */
export const CsvOptions = z
  .object({
    delimiter: z.enum(CSV_DELIMITERS).default(','),
    /** A UTF-8 byte-order mark first: without it Excel reads UTF-8 as the system's code page and garbles å, ä and ö. */
    bom: z.boolean().default(true),
  })
  .strict();
export type CsvOptions = z.infer<typeof CsvOptions>;
