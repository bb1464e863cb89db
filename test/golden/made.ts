/**
 * Every golden's content as the code makes it now, computed while this module is imported: write.mjs imports it
 * through Vite's module runner, which closes once the import is done (the pipeline loads pdfjs lazily, so all
 * the making has to happen inside the import).
 */
import { allGoldens } from './goldens.js';

export { GOLDEN_DIRS } from './goldens.js';

export const made: { file: string; content: string }[] = [];
for (const golden of allGoldens()) made.push({ file: golden.file, content: await golden.make() });
