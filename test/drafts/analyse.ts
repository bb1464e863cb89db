import type { LayoutDocument, Line } from '../../src/model/layout.js';
import { runStages } from '../../src/pipeline.js';
import { norm, sharedContext } from '../helpers.js';

/** The line a goal's title was read from: its heading's first line, or the first line of the table cell holding it. */
export function titleLine(layout: LayoutDocument, title: string): Line | undefined {
  for (const page of layout.pages) for (const b of page.blocks) {
    if (b.kind === 'heading' && norm(b.lines.map((l) => l.text).join(' ')) === norm(title)) return b.lines[0];
    if (b.kind === 'table') {
      for (const r of b.table.rows) for (const c of r.cells) if (norm(c.text) === norm(title)) return c.lines[0];
    }
  }
  return undefined;
}

/**
 * Each goal as [title, status, first flag or null, its line, page]. The line is the goal's own (`Goal.line`), and
 * must be where the layout says its title was read from: every draft test checks both.
 */
export async function analyse(file: string, content: string | Uint8Array) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const out = await runStages(file, bytes, await sharedContext());
  const goals = out.result.goals.map((g) => {
    const fromLayout = titleLine(out.layout, g.title)?.source?.line ?? null;
    if (g.line !== fromLayout) throw new Error(`goal "${g.title}" has line ${g.line}, its title stands on ${fromLayout}`);
    return [g.title, g.status, g.flags[0]?.code ?? null, g.line ?? undefined, g.page] as const;
  });
  return { goals, result: out.result, layout: out.layout };
}

/** Every line of the layout with its source, in reading order: "12: Status: grön". */
export function sourcedLines(layout: LayoutDocument): string[] {
  const out: string[] = [];
  const add = (l: Line) => out.push(`${l.source?.line ?? '-'}: ${l.text}`);
  for (const page of layout.pages) for (const b of page.blocks) {
    if (b.kind === 'table') for (const r of b.table.rows) for (const c of r.cells) c.lines.forEach(add);
    else if (b.kind !== 'legend') b.lines.forEach(add);
  }
  return out;
}
