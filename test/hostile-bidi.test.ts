/**
 * Bidirectional controls in file names must not reorder what people read: the HTML report and the terminal
 * output write them out as `<U+202E>` (showBidiControls), while the JSON keeps the name as it is.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showBidiControls } from '../src/report/plain-text.js';
import { ensureBuilt } from './batch/helpers.js';
import { root } from './helpers.js';

const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const ANY_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('showBidiControls', () => {
  it('writes out every bidi control as its code point and leaves everything else', () => {
    for (const c of CONTROLS) {
      const shown = showBidiControls(`a${c}b`);
      expect(shown).toBe(`a<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>b`);
      expect(shown).not.toMatch(ANY_CONTROL);
    }
    expect(showBidiControls('rapport\u202Efdp.exe')).toBe('rapport<U+202E>fdp.exe');
    expect(showBidiControls('Årsredovisning 2025 — العربية.pdf')).toBe('Årsredovisning 2025 — العربية.pdf');
  });
});

describe('a file whose name holds bidi controls, through the CLI', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    await ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-bidi-'));
    // Shown as it is, the override turns the rest of the name around: "delårs" then "fdp.…" read right to left.
    file = path.join(dir, 'delårs\u202Efdp.\u2067x\u2069.pdf');
    fs.copyFileSync(path.join(root, 'corpora/samples/sv-namnd-delarsrapport.pdf'), file);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) => execFileSync(process.execPath, [path.join(root, 'dist/cli/main.js'), ...args], { encoding: 'utf8', cwd: dir });
  const shownName = 'delårs<U+202E>fdp.<U+2067>x<U+2069>.pdf';

  it('report.html and the terminal summary show the controls, never the characters', () => {
    const out = path.join(dir, 'out');
    const stdout = cli('analyze', file, '--out', out); // the summary on stdout (--quiet would print none)
    expect(stdout).toContain(shownName);
    expect(stdout).not.toMatch(ANY_CONTROL);
    const html = fs.readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('delårs&lt;U+202E&gt;fdp.&lt;U+2067&gt;x&lt;U+2069&gt;.pdf');
    expect(html.replace(/%E2%80%AE|%E2%81%A7|%E2%81%A9/g, '')).not.toMatch(ANY_CONTROL); // page links stay percent-encoded
    // The data keeps the true name.
    const jsonFile = fs.readdirSync(path.join(out, 'documents')).find((n) => n.endsWith('.pdf.json'))!;
    const json = JSON.parse(fs.readFileSync(path.join(out, 'documents', jsonFile), 'utf8'));
    expect(json.documents[0].file).toBe(file);
  }, 120_000);

  it('--format text shows the controls', () => {
    const text = cli('analyze', file, '--format', 'text');
    expect(text).toContain(shownName);
    expect(text).not.toMatch(ANY_CONTROL);
  }, 120_000);

  it('the one-line-per-document summary of an archive (over 10 documents) shows them too', () => {
    // Ten small drafts beside it make eleven documents (copies of one file would be one document).
    const others = Array.from({ length: 10 }, (_, i) => path.join(dir, `utkast-${i}.md`));
    others.forEach((f, i) => fs.writeFileSync(f, `# Mål ${i}\nStatus: grön\n\nAndelen nöjda brukare ökade till ${80 + i} procent.\n`));
    const stdout = cli('analyze', file, ...others, '--out', path.join(dir, 'out2'));
    expect(stdout).toContain(`${shownName}: `);
    expect(stdout).not.toMatch(ANY_CONTROL);
  }, 120_000);
});
