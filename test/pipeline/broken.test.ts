import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/pipeline.js';
import { writeHostileSet, type HostileCase } from '../hostile/generate.js';
import { sharedContext } from '../helpers.js';

// The broken inputs of the foundation issue, each straight through the pipeline of one document (the batch's
// bounds on time and memory have their own tests in test/batch/).
const CASES = ['empty', 'random', 'page.html', 'truncated', 'encrypted', 'scanned', 'cyclic-pages', 'deep-arrays', 'lying-count', 'js-openaction', 'ok'];

describe('broken input gives its error code and a message, never a crash', () => {
  let cases: HostileCase[] = [];
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verkstad-broken-'));
    cases = (await writeHostileSet(dir, { bombBytes: 1024 })).filter((c) => CASES.includes(c.name));
  });

  it.each(CASES)('%s', async (name) => {
    const c = cases.find((x) => x.name === name)!;
    const r = await analyzeBytes(c.file, fs.readFileSync(c.file), await sharedContext());
    if (c.expectCode === 'OK') {
      expect(r.error).toBeNull();
    } else {
      expect(r.error?.code).toBe(c.expectCode);
      expect(r.error?.message.length).toBeGreaterThan(10);
    }
    expect(fs.existsSync('/tmp/verkstad-pwned')).toBe(false);
  });
});
