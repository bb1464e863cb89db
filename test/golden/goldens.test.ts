/** The goldens themselves: each file is some test's golden, and the HTML outline keeps what a reader sees. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers.js';
import { GOLDEN_DIRS, allGoldens } from './goldens.js';
import { htmlOutline } from './html-outline.js';

describe('golden files', () => {
  it('every file in the golden directories is a golden a test compares, and no two goldens share a file', () => {
    const files = allGoldens().map((g) => g.file);
    expect(new Set(files).size).toBe(files.length);
    const onDisk = GOLDEN_DIRS.flatMap((dir) =>
      fs.readdirSync(path.join(root, dir)).filter((n) => !n.startsWith('.')).map((n) => `${dir}/${n}`),
    );
    expect(onDisk.filter((f) => !files.includes(f)), 'not a golden any more: delete it').toEqual([]);
  });
});

describe('html outline', () => {
  it('keeps elements, ids, classes, attributes and shown text; leaves out the stylesheet, the script and the CSP hashes', () => {
    const html = [
      '<!doctype html>\n<html lang="sv">\n<head>\n',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-abc='">\n`,
      '<style>body { color: red }</style>\n</head>\n<body>\n<ul>\n',
      '<li class="l-output x"><span class="chip">output</span> <mark>38 personer &amp; fler</mark> <a href="a.pdf#page=3">s.&nbsp;3</a></li>\n',
      '<li id="t" hidden data-flagged="1">&lt;script&gt;alert(1)&lt;/script&gt;</li>\n',
      '</ul>\n<script>document.body.hidden = false</script>\n</body>\n</html>\n',
    ].join('');
    expect(htmlOutline(html)).toBe(
      [
        '<!doctype html>',
        'html lang="sv"',
        '  head',
        `    meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-…'"`,
        '    style [stylesheet: checked by test/report/html.test.ts]',
        '  body',
        '    ul',
        '      li.l-output.x',
        '        span.chip "output"',
        '        " "',
        '        mark "38 personer & fler"',
        '        " "',
        '        a href="a.pdf#page=3" "s.\\u00a03"',
        '      li#t hidden data-flagged="1" "<script>alert(1)</script>"',
        '    script [script: checked by test/report/html.test.ts]',
        '',
      ].join('\n'),
    );
  });

  it('shows markup that was not escaped as the elements it makes', () => {
    expect(htmlOutline('<p>Trygg <b onmouseover="x()">skola</b></p>')).toBe('p\n  "Trygg "\n  b onmouseover="x()" "skola"\n');
  });
});
