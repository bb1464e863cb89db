import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Label, type Language } from '../model/result.js';

export interface LabelledExample { text: string; label: Label; area: string; file: string; line: number }
export type Split = 'train' | 'dev' | 'test';

/** The fixed split: by a hash of the sentence text, 70 / 15 / 15. Adding sentences never moves the old ones. */
export function splitOf(text: string): Split {
  const h = createHash('sha256').update(text.normalize('NFC').trim()).digest().readUInt16BE(0) % 100;
  return h < 70 ? 'train' : h < 85 ? 'dev' : 'test';
}

export function loadCorpus(corporaDir: string, language: Language): LabelledExample[] {
  const dir = path.join(corporaDir, language);
  if (!fs.existsSync(dir)) return [];
  const out: LabelledExample[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n');
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      const row = JSON.parse(l) as { text: string; label: string; area?: string };
      const label = Label.parse(row.label);
      out.push({ text: row.text, label, area: row.area ?? '', file: `${language}/${f}`, line: i + 1 });
    });
  }
  return out;
}

export function corpusHash(examples: LabelledExample[]): string {
  const h = createHash('sha256');
  for (const e of examples) h.update(e.label).update('\0').update(e.text).update('\n');
  return h.digest('hex').slice(0, 16);
}
