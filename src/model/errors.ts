import { z } from 'zod';

export const DocumentErrorCode = z.enum([
  'EMPTY',
  'NOT_PDF',
  'INVALID_PDF',
  'ENCRYPTED',
  'NO_TEXT_LAYER',
  'TIMEOUT',
  'TOO_LARGE',
  'INTERNAL',
  /** `verkstad check` only: the document was read but holds no goal with a status, so there is nothing to check. */
  'NO_GOALS',
]);
export type DocumentErrorCode = z.infer<typeof DocumentErrorCode>;

export const DocumentError = z.object({ code: DocumentErrorCode, message: z.string() });
export type DocumentError = z.infer<typeof DocumentError>;

/** An error that belongs to one document: it becomes `documents[].error`, never a crash of the batch. */
export class DocumentFailure extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentFailure';
  }
  toJSON(): DocumentError {
    return { code: this.code, message: this.message };
  }
}
