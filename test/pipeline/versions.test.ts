import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pdfjsVersion } from '../../src/extract/index.js';

const require = createRequire(import.meta.url);

describe('pinned dependencies', () => {
  it('uses pdfjs-dist 5.5.207 exactly (5.6 is inside GHSA-hq66-cqwq-w95j, 5.7+ needs Node 22)', () => {
    expect(require('pdfjs-dist/package.json').version).toBe('5.5.207');
    expect(pdfjsVersion).toBe('5.5.207');
  });
});
