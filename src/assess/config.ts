import { z } from 'zod';
import { DocumentOverride } from '../model/identity.js';
import { Level } from '../model/result.js';

/** `verkstad.config.yaml` (or the `verkstad` field of package.json). Every field has a default. */
export const AssessConfig = z
  .object({
    levels: z
      .object({ GREEN_INTERNAL_ONLY: Level.default('warning'), GREEN_NO_EVIDENCE: Level.default('warning'), GREEN_BELOW_TARGET: Level.default('warning') })
      .strict()
      .default({ GREEN_INTERNAL_ONLY: 'warning', GREEN_NO_EVIDENCE: 'warning', GREEN_BELOW_TARGET: 'warning' }),
    /** A resident-facing sentence counts as evidence only at or above this confidence. */
    minResidentConfidence: z.number().min(0).max(1).default(0.5),
    /** Measured indicator rows about residents count as resident-facing evidence. */
    indicatorsCountAsEvidence: z.boolean().default(true),
    /** Flag organisation-oriented goals too (off: they should have internal evidence). */
    flagOrganisationGoals: z.boolean().default(false),
    /** Organisation, kind or period per file (globs → values), for archives whose documents do not say. */
    documents: z.array(DocumentOverride).default([]),
  })
  .strict();
export type AssessConfig = z.infer<typeof AssessConfig>;

export const defaultConfig = (): AssessConfig => AssessConfig.parse({});
