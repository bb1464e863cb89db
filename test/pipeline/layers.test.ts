import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers.js';

const STAGES = ['extract', 'layout', 'segment', 'classify', 'assess', 'report'];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('the layer rule (src/README.md)', () => {
  const src = path.join(root, 'src');
  for (const f of files(src)) {
    const rel = path.relative(src, f).split(path.sep);
    const top = rel[0];
    const imports = [...fs.readFileSync(f, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => path.relative(src, path.resolve(path.dirname(f), m[1])).split(path.sep)[0]);
    it(`${rel.join('/')} imports only what its layer may`, () => {
      if (STAGES.includes(top)) {
        // A stage never imports another stage, the pipeline, the CLI or the batch layer.
        for (const i of imports) expect(STAGES.filter((s) => s !== top).concat(['cli', 'batch', 'pipeline.js', 'context.js'])).not.toContain(i);
      }
      // write-schema.ts is a maintenance script run by hand (node dist/report/write-schema.js), not part of a stage.
      if (top !== 'cli' && !f.endsWith('write-schema.ts') && top !== 'bench') {
        const text = fs.readFileSync(f, 'utf8');
        expect(/process\.exit|process\.argv/.test(text), 'only cli/ touches argv and exit codes').toBe(false);
      }
    });
  }
});
