/** The markup every part of report.html is built with (html.ts, html-over-time.ts), and the pieces they share. */
import type { Language, Status } from '../model/result.js';
import type { HtmlStrings } from './html-strings.js';
import { pdfPageHref } from './paths.js';

// ---------------------------------------------------------------------------------------------------------
// Escaping. Every string from a PDF (titles, sentences, messages, file names) is untrusted. Markup is built
// only with the `h` tag below, which escapes every interpolated value unless it is already `SafeHtml` made by
// `h`, so forgetting to escape is not possible. Nothing from the document is ever written into the <script>
// or <style> elements: the filter script reads data- attributes and the text of escaped elements.
// ---------------------------------------------------------------------------------------------------------

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most strings need nothing: one test instead of two replacements (an archive's report escapes ~10^6 strings).
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) => ENTITY[c]).replace(CONTROL, '\uFFFD');
}
const NEEDS_ESCAPE = new RegExp(`[&<>"']|${CONTROL.source}`);

export class SafeHtml {
  constructor(readonly html: string) {}
}

export type Fragment = SafeHtml | string | number | null | undefined | false | readonly Fragment[];

export function render(value: Fragment): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function h(strings: TemplateStringsArray, ...values: Fragment[]): SafeHtml {
  let html = strings[0];
  values.forEach((value, i) => {
    html += render(value) + strings[i + 1];
  });
  return new SafeHtml(html);
}

export interface Context {
  ui: HtmlStrings;
  lang: Language;
  link: (file: string) => string;
}

export function percent(ctx: Context, share: number | null): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(ctx.lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function statusDot(ctx: Context, status: Status): SafeHtml {
  return h`<span class="dot s-${status}" aria-hidden="true"></span><span class="status">${ctx.ui.status[status]}</span>`;
}

export function pageLink(ctx: Context, file: string, page: number): SafeHtml {
  return h`<a href="${pdfPageHref(ctx.link(file), page)}">${ctx.ui.pageAbbr}&nbsp;${page}</a>`;
}
