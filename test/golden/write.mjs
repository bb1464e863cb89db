#!/usr/bin/env node
// `npm run golden`: writes every golden file (test/golden/goldens.ts) from the code as it is now, and says which
// changed. Run it after a deliberate change to a formatter or the pipeline, then review `git diff` before
// committing: the tests never write a golden, so this is the only way one changes.
// The goldens are made by TypeScript test code; Vite's module runner (already installed with vitest) runs it
// here the way vitest does in the tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { module } = await runnerImport(path.join(root, 'test', 'golden', 'made.ts'), { root, configFile: false, logLevel: 'error' });

const goldens = module.made;
let changed = 0;
for (const { file: name, content } of goldens) {
  const file = path.join(root, name);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (before === content) continue;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  changed++;
  console.log(`${before === null ? 'new' : 'changed'}: ${name}`);
}
const known = new Set(goldens.map((g) => g.file));
const stray = module.GOLDEN_DIRS.flatMap((dir) =>
  fs.readdirSync(path.join(root, dir)).filter((n) => !n.startsWith('.')).map((n) => `${dir}/${n}`).filter((f) => !known.has(f)),
);
for (const f of stray) console.log(`not a golden any more (delete it): ${f}`);
console.log(`${goldens.length} golden files, ${changed} written${changed ? ': review them with git diff' : ''}.`);
