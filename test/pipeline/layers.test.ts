import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers.js';

/**
 * The floors of the house (src/README.md), top to bottom (the README numbers them from the ground up). A room is a folder or a file directly under src/.
 * An import may go down to any lower floor, never up. On one floor rooms do not import each other (a stage
 * never imports another stage), except where stages are composed: context.ts uses pipeline.ts's types, and
 * the runner of every rule's examples uses the stages that fire rules.
 */
const FLOORS: { rooms: string[]; sideways?: true }[] = [
  { rooms: ['cli'] },
  { rooms: ['archive'] },
  { rooms: ['batch'] },
  { rooms: ['context.ts', 'pipeline.ts', 'rule-examples.ts'], sideways: true },
  { rooms: ['extract', 'layout', 'identify', 'segment', 'classify', 'assess', 'report', 'overtime'] },
  { rooms: ['ruleset', 'store', 'io'] },
  { rooms: ['model', 'text', 'limits.ts', 'version.ts'] },
];

const floorOf = new Map(FLOORS.flatMap((f, i) => f.rooms.map((r) => [r, i] as const)));
const src = path.join(root, 'src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/**
 * Every module a source names with a literal path: static imports and re-exports (`from '…'`), bare imports
 * (`import '…'`) and dynamic ones (`import('…')`, also in types). An import of a computed path (the batch's
 * analyzer module) cannot be read here; it is a seam that tests fill with their own module.
 */
function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
}

/** The room of a path under src/: its first segment. */
const roomOf = (file: string) => path.relative(src, file).split(path.sep)[0]!;

describe('the layer rule (src/README.md)', () => {
  it('reads static, bare and dynamic imports', () => {
    const source = `import type { A } from './a.js';\nexport { B } from "x";\nimport './side.js';\nconst m = await import('../pipeline.js');\ntype R = typeof import(\n  '../model/result.js');\nimport pkg from 'commander';`;
    expect(importsOf(source)).toEqual(['./a.js', './side.js', '../pipeline.js', '../model/result.js']);
  });

  it('every room of src/ stands on a floor, and src/README.md names it', () => {
    const readme = fs.readFileSync(path.join(src, 'README.md'), 'utf8');
    for (const room of new Set(files(src).map(roomOf))) {
      expect(floorOf.has(room), `${room} is on no floor: place it in FLOORS and in src/README.md`).toBe(true);
      expect(readme, `src/README.md does not name ${room}`).toContain(room.replace(/\.ts$/, ''));
    }
  });

  for (const f of files(src)) {
    const rel = path.relative(src, f).split(path.sep).join('/');
    const room = roomOf(f);
    it(`${rel} imports only what its floor may`, () => {
      const text = fs.readFileSync(f, 'utf8');
      const floor = floorOf.get(room)!;
      for (const spec of importsOf(text)) {
        const target = roomOf(path.resolve(path.dirname(f), spec).replace(/\.js$/, '.ts'));
        if (target === room) continue;
        const to = floorOf.get(target);
        expect(to, `${rel} imports ${spec}, which is no room of src/`).toBeDefined();
        const down = to! > floor || (to === floor && FLOORS[floor]!.sideways === true);
        const level = (i: number) => FLOORS.length - i; // numbered from the ground up, as in src/README.md
        expect(down, `${rel} imports ${spec}: ${room} (floor ${level(floor)}) may not import ${target} (floor ${level(to!)})`).toBe(true);
      }
      if (room !== 'cli') {
        expect(/process\.exit|process\.argv/.test(text), 'only cli/ touches argv and exit codes').toBe(false);
        // A call, in code (comments may name console; extract/text-layer.ts borrows console.warn to listen to pdfjs).
        const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        expect(/\bconsole\.\w+\s*\(/.test(code), 'only cli/ prints to the console').toBe(false);
      }
    });
  }
});
