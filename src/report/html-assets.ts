/**
 * The inline style and script of report.html, and the Content-Security-Policy that lets exactly them run. Both
 * are constants, so their CSP hashes are computed once. Nothing from a document is ever written into them: the
 * filter script reads data- attributes and the text of escaped elements.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
:root { --green: #2da44e; --yellow: #d4a72c; --red: #cf222e; --unknown: #8c959f;
  --outcome: #c9f2d0; --output: #cde4ff; --internal: #ffdfb3; --intention: #eadbff; --context: #e6e6e6;
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; } h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
a { color: #0b5cad; }
[hidden] { display: none !important; }
.meta, .muted, .where { color: var(--muted); }
.headline { font-size: 1.15rem; margin: .25rem 0; }
.legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
.legend li { margin: 0; }
.chip { display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-size: .85em; font-weight: 600; }
.l-outcome { --hl: var(--outcome); } .l-output { --hl: var(--output); } .l-internal { --hl: var(--internal); }
.l-intention { --hl: var(--intention); } .l-context { --hl: var(--context); }
.chip, mark { background: var(--hl, #eee); color: inherit; }
mark { padding: .05rem .15rem; border-radius: .2rem; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.rf { font-size: .8em; color: var(--muted); }
.dot { display: inline-block; width: .8em; height: .8em; border-radius: 50%; vertical-align: -.05em;
  margin-right: .35em; border: 1px solid rgba(0,0,0,.25); background: var(--unknown); }
.goal h3 .status { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.s-green { background: var(--green); } .s-yellow { background: var(--yellow); }
.s-red { background: var(--red); } .s-unknown { background: var(--unknown); }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: #f6f8fa; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; }
.goal { border: 1px solid var(--line); border-left: 6px solid var(--red); border-radius: .4rem;
  padding: .75rem 1rem; margin: 0 0 1rem; break-inside: avoid; }
.goal.level-warning { border-left-color: var(--yellow); } .goal.level-note { border-left-color: var(--unknown); }
.why { margin: .4rem 0; } .code { font: 600 .8rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: #f6f8fa; border: 1px solid var(--line); border-radius: .25rem; padding: 0 .3rem; }
ol.quotes { list-style: none; padding: 0; margin: .5rem 0 0; }
ol.quotes li { margin: .3rem 0; padding-left: .5rem; border-left: 4px solid var(--hl, #eee); }
.badge { font-size: .75rem; font-weight: 600; color: #fff; background: var(--red); border-radius: 1rem;
  padding: 0 .45rem; margin-left: .3rem; white-space: nowrap; }
details summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; padding: .6rem .8rem;
  background: #f6f8fa; border: 1px solid var(--line); border-radius: .4rem; margin-bottom: .5rem; }
form.filters input[type=search] { min-width: 16rem; }
form.filters label { white-space: nowrap; }
.error-code { font-weight: 600; color: var(--red); }
details.over-time { margin: .5rem 0; } details.over-time > summary { font-size: 1rem; color: var(--ink); }
.scroll { overflow-x: auto; } td.none { color: var(--muted); text-align: center; }
tr.persistent td:first-child { border-left: 4px solid var(--red); } .over-time .badge { font-size: .65rem; }
@media (max-width: 48rem) { body { padding: .75rem; } .hide-narrow { display: none; } }
@media print {
  @page { margin: 14mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  form.filters, .count, details summary { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; } tr, .goal, ol.quotes li { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

// Plain ES2017 that every current browser runs; it reads only the DOM, never a string from the report.
export const SCRIPT = `
(function () {
  'use strict';
  // A link to a collapsed section (an organisation's view across time, from report.html) opens it.
  function openTarget() {
    var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  // Printed, every collapsed section is open.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener('afterprint', function () {
    opened.splice(0).forEach(function (d) { d.open = false; });
  });
  var form = document.getElementById('filters');
  if (!form) return;
  var flaggedOnly = document.getElementById('f-flagged');
  var status = document.getElementById('f-status');
  var doc = document.getElementById('f-doc');
  var search = document.getElementById('f-search');
  var shown = document.getElementById('shown');
  var noMatch = document.getElementById('no-match');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-goal]'));
  function fold(text) { return text.toLocaleLowerCase().replace(/\\s+/g, ' ').trim(); }
  var texts = rows.map(function (row) { return fold(row.textContent || ''); });
  function apply() {
    var words = fold(search.value).split(' ').filter(Boolean);
    var count = 0;
    rows.forEach(function (row, i) {
      var show = (!flaggedOnly.checked || row.getAttribute('data-flagged') === '1') &&
        (status.value === '' || row.getAttribute('data-status') === status.value) &&
        (doc.value === '' || row.getAttribute('data-doc') === doc.value) &&
        words.every(function (word) { return texts[i].indexOf(word) !== -1; });
      row.hidden = !show;
      if (show) count += 1;
    });
    shown.textContent = String(count);
    noMatch.hidden = count > 0;
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
`;

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/**
 * No network, no plugins, no frames, no forms posting anywhere: only the two inline blocks, by hash.
 * A constant with no `"`, `<` or `&`, so it goes into the attribute as it is.
 */
export const HTML_CSP = [
  "default-src 'none'",
  `script-src ${cspHash(SCRIPT)}`,
  `style-src ${cspHash(STYLE)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
