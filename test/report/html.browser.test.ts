/**
 * Opens the HTML report of the hostile sample in Debian's Chromium (file://, offline) and checks that nothing
 * from the document runs, that the CSP lets our own script run and blocks any other, and that the filters work.
 * Skips, saying so in its name, when /usr/bin/chromium is not installed (`apt-get install -y chromium`); in CI it
 * must run (.ci/run installs Chromium).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisHead } from '../../src/archive/analysis.js';
import { writeOutputs } from '../../src/archive/outputs.js';
import { formatHtml } from '../../src/report/html.js';
import { HTML_PAGE_DOCUMENTS } from '../../src/report/html-pages.js';
import { digestOf } from '../../src/report/streamed.js';
import { CHROMIUM, missing, suiteName } from '../helpers.js';
import { largeArchive } from './large-archive.js';
import { hostileResult, sampleResult, swedishDocument } from './sample-results.js';

const skip = missing('chromium');

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
}

describe.skipIf(skip)(suiteName('html report in Chromium', skip), () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verkstad-html-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string): Promise<Opened> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, dialogs, errors };
  }

  const visibleRows = (page: Page) => page.locator('tr[data-goal]:visible');

  it('runs nothing from the document, and the filters work', async () => {
    const { page, dialogs, errors } = await open('hostile.html', formatHtml(hostileResult));

    // Nothing injected ran or was created.
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0);
    expect(await page.evaluate('document.querySelectorAll("img[src=x]").length')).toBe(0);
    expect(await page.evaluate('document.querySelectorAll("script").length')).toBe(1);
    expect(await page.evaluate('document.querySelectorAll("extended, b[onmouseover]").length')).toBe(0);
    expect(await page.evaluate('document.querySelectorAll("[onerror], [onmouseover]").length')).toBe(0);
    expect(await page.locator('#flagged h3').innerText()).toContain('<script>alert(1)</script>');

    // Our own script ran (it un-hides the filters) and the flagged goal comes before the others.
    await expect.poll(() => page.locator('#filters').isVisible()).toBe(true);
    const order = await page.evaluate(`(() => {
      const flagged = document.querySelector('#flagged article');
      const table = document.querySelector('#goals');
      const rows = [...document.querySelectorAll('tr[data-goal]')].map((r) => r.getAttribute('data-flagged'));
      return { before: !!(flagged.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING), rows };
    })()`);
    expect(order).toEqual({ before: true, rows: ['1', '0', '0'] });
    expect(await visibleRows(page).count()).toBe(3);

    // "Flagged only" hides the unflagged goals.
    await page.locator('#f-flagged').check();
    expect(await visibleRows(page).count()).toBe(1);
    expect(await visibleRows(page).first().innerText()).toContain('Safer "streets"');
    expect(await page.locator('#shown').innerText()).toBe('1');
    await page.locator('#f-flagged').uncheck();
    expect(await visibleRows(page).count()).toBe(3);

    // The search box filters by text, including the sentences and markup-looking text.
    await page.locator('#f-search').fill('playgrounds');
    expect(await visibleRows(page).count()).toBe(1);
    expect(await visibleRows(page).first().innerText()).toContain('Parks & playgrounds');
    await page.locator('#f-search').fill('<extended>');
    expect(await visibleRows(page).count()).toBe(1);
    await page.locator('#f-search').fill('working group');
    expect(await visibleRows(page).first().innerText()).toContain('Safer');
    await page.locator('#f-search').fill('no such words');
    expect(await visibleRows(page).count()).toBe(0);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await page.locator('#f-search').fill('');

    // The status select.
    await page.locator('#f-status').selectOption('yellow');
    expect(await visibleRows(page).count()).toBe(1);
    await page.locator('#f-status').selectOption('');

    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by document', async () => {
    const { page, errors } = await open('sample.html', formatHtml(sampleResult));
    expect(await visibleRows(page).count()).toBe(10);
    await page.locator('#f-doc').selectOption('1');
    expect(await visibleRows(page).count()).toBe(4);
    await page.locator('#f-flagged').check();
    expect(await visibleRows(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a large archive's report.html leads to its pages: the quotes of a flagged goal, an organisation's view opened", async () => {
    const out = join(dir, 'large');
    const documents = largeArchive(HTML_PAGE_DOCUMENTS + 10);
    await writeOutputs(out, digestOf({ ...analysisHead(documents), documents }), documents);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
    // The last flagged goal's quotes are on the second page of goals.
    await page.locator('#flagged a', { hasText: 'citat' }).last().click();
    await page.waitForURL(/report\/goals-002\.html#goal-109-\d+$/);
    const card = page.locator(':target');
    expect(await card.locator('ol.quotes li').count()).toBeGreaterThan(0);
    // Its filters work on that page's goals.
    await page.locator('#f-flagged').check();
    expect(await visibleRows(page).count()).toBe(10 * swedishDocument.goals.filter((g) => g.flags.length > 0).length);
    // Back on report.html, an organisation in the comparison opens its view across time on its page.
    await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
    await page.locator('table.comparison a').nth(21).click();
    await page.waitForURL(/report\/over-time-01\.html#org-21$/);
    expect(await page.locator('#org-21').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#org-20').getAttribute('open')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the CSP blocks any inline script it was not built with', async () => {
    const tampered = formatHtml(hostileResult).replace(
      '</main>',
      '<script>window.__pwned = 2</script><img src="x" onerror="window.__pwned = 3"></main>',
    );
    const { page, dialogs, errors } = await open('tampered.html', tampered);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors.some((e) => /Content Security Policy/i.test(e))).toBe(true);
    await page.close();
  });
});
