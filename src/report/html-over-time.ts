/**
 * report.html's view of an archive across time (issue 18): a comparison of its organisations, then per organisation
 * its goals × its reports with the traffic lights and flags, the goals green report after report without resident
 * evidence picked out. Shown only when an organisation has two reports or more: for one report the all-goals table
 * says it all. Each organisation's table is collapsed (`<details>`) and holds at most OVER_TIME_ROWS goals, so that
 * a report over 1 000 documents stays quick to open; goals_over_time.csv holds every row.
 */
import type { GoalOverTime, GoalsOverTime, OrganisationOverTime, OverTimePeriod } from '../model/result.js';
import { h, pageLink, percent, statusDot, type Context, type SafeHtml } from './html-markup.js';
import { showBidiControls } from './plain-text.js';

/** Goals shown per organisation; the rest are counted (a committee rarely has more than 30 goals in a report). */
export const OVER_TIME_ROWS = 60;

interface Shares {
  green: number;
  flagged: number;
  resident: number;
}

/** Over every report of the organisation: green ratings, how many of them are flagged, how many rest on resident evidence. */
function sharesOf(org: OrganisationOverTime): Shares {
  const s: Shares = { green: 0, flagged: 0, resident: 0 };
  for (const goal of org.goals) {
    for (const p of goal.periods) {
      if (p.status !== 'green') continue;
      s.green++;
      if (p.flags.length > 0) s.flagged++;
      if (p.evidence === 'resident-facing' || p.evidence === 'mixed') s.resident++;
    }
  }
  return s;
}

function organisationName(org: OrganisationOverTime): string {
  return showBidiControls(org.organisation ?? '');
}

function periodLabel(ctx: Context, p: OverTimePeriod): string {
  return [p.kind, p.period ?? ctx.ui.unknownPeriod].filter(Boolean).join(' ');
}

function comparison(ctx: Context, overTime: GoalsOverTime, orgHref: (index: number) => string): SafeHtml {
  const { ui } = ctx;
  const rows = overTime.map((org, i) => {
    const s = sharesOf(org);
    const persistent = org.goals.filter((g) => g.persistentlyGreenWithoutEvidence).length;
    return h`
<tr><td><a href="${orgHref(i)}">${organisationName(org)}</a></td><td class="num">${org.periods.length}</td><td class="num">${org.goals.length}</td><td class="num">${s.green}</td><td class="num">${percent(ctx, s.green ? s.flagged / s.green : null)}</td><td class="num">${percent(ctx, s.green ? s.resident / s.green : null)}</td><td class="num">${persistent}</td></tr>`;
  });
  return h`<table class="comparison">
<thead><tr><th>${ui.organisation}</th><th class="num">${ui.reports}</th><th class="num">${ui.goals}</th><th class="num">${ui.greenRatings}</th><th class="num">${ui.greenFlagged}</th><th class="num">${ui.greenWithResidentEvidence}</th><th class="num">${ui.persistentlyGreen}</th></tr></thead>
<tbody>${rows}
</tbody>
</table>`;
}

function goalRow(ctx: Context, org: OrganisationOverTime, goal: GoalOverTime): SafeHtml {
  const byFile = new Map(goal.periods.map((p) => [p.file, p]));
  const cells = org.periods.map((column) => {
    const p = byFile.get(column.file);
    if (!p) return h`<td class="none" title="${ctx.ui.notRated}">–</td>`;
    // The title as printed only where it is not the goal's own: most cells repeat it, and an archive has ~10^5 cells.
    const how = p.title === goal.title ? '' : h` title="${showBidiControls(`${ctx.ui.printedAs}: ${p.title} (${ctx.ui.titleMatch} ${p.match})`)}"`;
    const flags = p.flags.map((code) => h`<span class="badge" title="${code}">${ctx.ui.flagged}</span>`);
    return h`<td${how}>${statusDot(ctx, p.status)}${flags} ${pageLink(ctx, p.file, p.page)}</td>`;
  });
  const mark = goal.persistentlyGreenWithoutEvidence ? h` <span class="badge" title="${ctx.ui.persistentlyGreen}">${ctx.ui.persistentBadge}</span>` : '';
  return h`
<tr${goal.persistentlyGreenWithoutEvidence ? h` class="persistent"` : ''}><td>${goal.title}${mark}</td>${cells}</tr>`;
}

export function organisationView(ctx: Context, org: OrganisationOverTime, index: number): SafeHtml {
  const { ui } = ctx;
  const persistent = org.goals.filter((g) => g.persistentlyGreenWithoutEvidence);
  const shown = org.goals.slice(0, OVER_TIME_ROWS);
  const rest = org.goals.length - shown.length;
  const header = org.periods.map((p) => h`<th title="${showBidiControls(p.file)}">${periodLabel(ctx, p)}</th>`);
  return h`
<details class="over-time" id="org-${index}">
<summary>${organisationName(org)} · ${org.periods.length} ${ui.reports.toLowerCase()} · ${org.goals.length} ${ui.goals.toLowerCase()}</summary>${
    persistent.length > 0
      ? h`
<p>${ui.persistentlyGreenIntro}</p>
<ul class="persistent">${persistent.map((g) => h`
<li>${g.title}</li>`)}
</ul>`
      : ''
  }
<div class="scroll"><table>
<thead><tr><th>${ui.goal}</th>${header}</tr></thead>
<tbody>${shown.map((g) => goalRow(ctx, org, g))}
</tbody>
</table></div>${rest > 0 ? h`
<p class="muted">${ui.moreGoals(rest)}</p>` : ''}
</details>`;
}

/** The organisations the view across time shows: those whose organisation was read (the others are counted). */
export function organisationsOverTime(overTime: GoalsOverTime | undefined): GoalsOverTime {
  return (overTime ?? []).filter((org) => org.organisation !== null);
}

/**
 * The section, or nothing when no organisation has two reports. Reports whose organisation was not read are left out
 * and counted: their goals may be several organisations' (they stay in goals_over_time.csv). With `orgHref` (a large
 * archive, html-pages.ts) the section is the comparison alone, each organisation linking to its view on a page.
 */
export function overTimeSection(ctx: Context, overTime: GoalsOverTime | undefined, orgHref?: (index: number) => string): SafeHtml | '' {
  const known = organisationsOverTime(overTime);
  if (!known.some((org) => org.periods.length > 1)) return '';
  const unknown = (overTime ?? []).find((org) => org.organisation === null)?.periods.length ?? 0;
  return h`<section id="over-time" aria-labelledby="over-time-h">
<h2 id="over-time-h">${ctx.ui.overTimeHeading}</h2>
<p>${ctx.ui.overTimeIntro}</p>${unknown > 0 ? h`
<p class="muted">${ctx.ui.unknownLeftOut(unknown)}</p>` : ''}
${comparison(ctx, known, orgHref ?? ((i) => `#org-${i}`))}${orgHref ? '' : known.map((org, i) => organisationView(ctx, org, i))}
</section>
`;
}
