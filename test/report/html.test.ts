import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HTML_CSP } from '../../src/report/html-assets.js';
import { escapeHtml, formatHtml } from '../../src/report/html.js';
import { expectGolden } from '../golden/expect-golden.js';
import { reportGoldens } from '../golden/goldens.js';
import { SAMPLES, hostileResult, sampleResult, swedishResult } from './sample-results.js';

const inlineBlocks = (html: string, tag: 'script' | 'style'): string[] =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

describe('html', () => {
  // The goldens hold each page's outline (its visible structure and data); the stylesheet and the script, which
  // every page carries whole, are checked once here instead.
  for (const golden of reportGoldens('html')) {
    it(`matches ${golden.file}`, () => expectGolden(golden));
  }

  for (const [name, result] of Object.entries(SAMPLES)) {
    it(`has exactly one script and one style, both allowed by hash and nothing else (${name})`, () => {
      const html = formatHtml(result);
      const scripts = inlineBlocks(html, 'script');
      const styles = inlineBlocks(html, 'style');
      expect(scripts).toHaveLength(1);
      expect(styles).toHaveLength(1);
      expect(scripts[0]!.trim()).not.toBe('');
      expect(styles[0]!.trim()).not.toBe('');
      expect(html.match(/<script/gi)).toHaveLength(1);
      expect(html.match(/<style/gi)).toHaveLength(1);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      expect(csp).toBe(HTML_CSP);
      expect(csp).toContain(`script-src 'sha256-${sha256(scripts[0]!)}'`);
      expect(csp).toContain(`style-src 'sha256-${sha256(styles[0]!)}'`);
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe');
    });
  }

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('loads nothing from outside the file', () => {
    const html = formatHtml(sampleResult);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).toContain('@media print');
  });

  it('escapes every string from the PDF', () => {
    const html = formatHtml(hostileResult);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b onmouseover');
    expect(html).not.toContain('<extended>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Safer &quot;streets&quot; &amp; &#39;parks&#39;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain(
      'href="javascript%3Aalert(1)%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%20%22report%22%20%26%20co%2C%2050%25.pdf#page=2"',
    );
    expect(html).not.toContain('\u001b');
  });

  it('puts flagged goals first, links their pages and quotes their sentences with labels', () => {
    const html = formatHtml(sampleResult);
    const flagged = html.indexOf('<section id="flagged"');
    const all = html.indexOf('<section id="all"');
    expect(flagged).toBeGreaterThan(-1);
    expect(all).toBeGreaterThan(flagged);
    const article = html.slice(flagged, all);
    expect(article.match(/<article /g)).toHaveLength(3);
    // By default a link is the document's path as given (from where the report is read), each segment encoded.
    expect(article).toContain('<a href="rapporter/%C3%85rsredovisning%202025%20V%C3%A5rd%20och%20omsorg.pdf#page=7">p.&nbsp;7</a>');
    expect(article).toContain(
      '<li class="l-intention"><span class="chip">intention</span> <mark>Fokus kommer att läggas på kontinuitet under 2026.</mark>',
    );
    const rows = [...html.slice(all).matchAll(/data-flagged="([01])"/g)].map((m) => m[1]);
    expect(rows.join('')).toBe('1110000000');
  });

  it("links each document's pages through the caller's documentLink, escaped", () => {
    const html = formatHtml(sampleResult, { documentLink: (file) => `../in/${encodeURIComponent(file)}?"` });
    expect(html).toContain('href="../in/rapporter%2F%C3%85rsredovisning%202025%20V%C3%A5rd%20och%20omsorg.pdf?&quot;#page=7"');
    expect(html).not.toMatch(/href="rapporter\//);
  });

  it('lists the other paths of a document found at several', () => {
    const result = structuredClone(sampleResult);
    const d = result.documents[0]!;
    d.paths = [d.file, 'kopior/<kopia>.pdf'];
    const html = formatHtml(result);
    expect(html).toContain('<span class="muted">also at: kopior/&lt;kopia&gt;.pdf</span>');
    expect(formatHtml(sampleResult)).not.toContain('also at');
  });

  it('uses Swedish words when every document is Swedish', () => {
    const sv = formatHtml(swedishResult);
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('Flaggade gröna mål (2)');
    expect(sv).toMatch(/25\u00a0%/);
    const mixed = formatHtml(sampleResult);
    expect(mixed).toContain('<html lang="en">');
    expect(mixed).toContain('Flagged green goals (3)');
  });

  it('takes the title from the options, escaped', () => {
    const html = formatHtml(sampleResult, { title: 'Granskning <2025> & "mål"' });
    expect(html).toContain('<title>Granskning &lt;2025&gt; &amp; &quot;mål&quot;</title>');
  });
});
