import { z } from 'zod';

/** How a document's organisation, kind or period was read. */
export const IdentitySource = z.enum(['first-page', 'running-header', 'metadata', 'file-name', 'config']);
export type IdentitySource = z.infer<typeof IdentitySource>;

/** A value read about a document, with where it was read. */
export const Identified = z.object({ value: z.string(), source: IdentitySource });
export type Identified = z.infer<typeof Identified>;

/**
 * A period as verkstad writes it: a year or a financial year, and a tertial or quarter where the report gives one.
 * Its parts are named for those who order periods (overtime/period-order.ts).
 */
export const PERIOD_FORMAT = /^(?<year>(?:19|20)\d\d)(?:\/(?<financial>\d\d))?(?: (?:T(?<tertial>[1-3])|Q(?<quarter>[1-4])))?$/;

/**
 * `documents:` in the configuration: for the files a glob matches (their path as given, or their name for a glob
 * without "/"), the organisation, kind or period to use instead of what the documents say. Later entries win.
 */
export const DocumentOverride = z
  .object({
    match: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    organisation: z.string().min(1).optional(),
    kind: z.string().min(1).optional(),
    period: z.string().regex(PERIOD_FORMAT, 'expected a period such as 2025, 2024/25, 2025 T2 or 2024/25 Q3').optional(),
  })
  .strict()
  .refine((o) => o.organisation !== undefined || o.kind !== undefined || o.period !== undefined, { message: 'expected at least one of organisation, kind, period' });
export type DocumentOverride = z.infer<typeof DocumentOverride>;
