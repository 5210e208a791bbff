// "When protection ends": the organization's tier mix today beside the mix the day after each date on which members'
// status protections end (the API's `protectionForecast`), as stacked bars and as a table with the same figures.
import { TIERS, type OrganizationSummary, type Tier } from '@poly-partner/contract';
import { html, nothing, svg } from 'lit';
import { msg, str } from '../../localization/localization.js';
import { formatDay, formatNumber } from '../../internal/format.js';
import { tierIcon, tierName } from '../../internal/tier.js';

type TierCounts = Record<Tier, number>;

/** One bar of the chart: a label and a tier mix. */
interface MixRow {
  key: string;
  label: string;
  tiers: TierCounts;
}

/** The panel; nothing when no member's protection ends from today on. */
export function renderForecast(summary: OrganizationSummary, lang: string) {
  const forecast = summary.protectionForecast;
  if (forecast.length === 0) return nothing;
  const rows: MixRow[] = [
    { key: 'today', label: msg('Today', { id: 'memberOverview.forecast.today' }), tiers: summary.tiers },
    ...forecast.map((ending) => ({
      key: ending.protectedUntil,
      label: msg(str`After ${formatDay(ending.protectedUntil, lang)}`, { id: 'memberOverview.forecast.after' }),
      tiers: ending.tiersAfter,
    })),
  ];
  const first = forecast[0]!;
  return html`<figure part="forecast" class="card card--wide forecast" aria-labelledby="forecast-heading">
    <figcaption>
      <h3 id="forecast-heading" class="card__heading">${msg('When protection ends', { id: 'memberOverview.forecast' })}</h3>
      <p class="card__lead">
        ${msg(
          str`The day after ${formatDay(first.protectedUntil, lang, 'long')}, ${formatNumber(first.falling.count, lang)} of ${formatNumber(first.endingCount, lang)} members whose protection ends fall a tier or more; ${formatNumber(first.missingOne, lang)} of them miss only one requirement, ${formatNumber(first.missingTwo, lang)} only two.`,
          { id: 'memberOverview.forecast.lead' },
        )}
      </p>
    </figcaption>
    ${renderLegend()}
    <!-- Each bar is an image whose name gives its counts; the tiers differ by pattern as well as colour (see legend). -->
    <ol class="forecast__bars">
      ${rows.map((row) => renderBar(row, summary.memberCount, lang))}
    </ol>
    <details class="card__table">
      <summary>${msg('Show as table', { id: 'memberOverview.showTable' })}</summary>
      ${renderTable(summary, lang)}
    </details>
  </figure>`;
}

/** Tier names with their shape and their bar's pattern: the chart never tells tiers apart by colour alone. */
function renderLegend() {
  return html`<ul class="forecast__legend">
    ${TIERS.map(
      (tier) => html`<li>
        ${svg`<svg class="forecast__swatch" viewBox="0 0 16 10" aria-hidden="true" focusable="false">
          ${segment(tier, 0, 16, 10)}
        </svg>`}${tierIcon(tier)}${tierName(tier)}
      </li>`,
    )}
  </ul>`;
}

/**
 * One tier's part of a bar: its colour, then its pattern drawn over it as lines (Silver: a line along, Gold: lines across,
 * Platinum: both) — as shapes, not `<pattern>` ids, which would repeat across bars in one shadow root.
 */
function segment(tier: Tier, x: number, width: number, height: number) {
  if (width <= 0) return nothing;
  const lines = [];
  const step = 3;
  if (tier === 'silver' || tier === 'platinum') {
    lines.push(svg`<line class="forecast__hatch" x1=${x} y1=${height / 2} x2=${x + width} y2=${height / 2} />`);
  }
  if (tier === 'gold' || tier === 'platinum') {
    for (let at = x + step / 2; at < x + width; at += step) {
      lines.push(svg`<line class="forecast__hatch" x1=${at} y1="0" x2=${at} y2=${height} />`);
    }
  }
  return svg`<g class="forecast__segment forecast__segment--${tier}">
    <rect x=${x} y="0" width=${width} height=${height} />${lines}
  </g>`;
}

function renderBar(row: MixRow, memberCount: number, lang: string) {
  const total = Math.max(1, memberCount);
  const width = 100;
  const height = 10;
  let x = 0;
  const parts = TIERS.map((tier) => {
    const w = (row.tiers[tier] / total) * width;
    const drawn = segment(tier, x, w, height);
    x += w;
    return drawn;
  });
  const label = TIERS.map((tier) => `${tierName(tier)} ${formatNumber(row.tiers[tier], lang)}`).join(', ');
  return html`<li class="forecast__row" data-key=${row.key}>
    <span class="forecast__label">${row.label}</span>
    ${svg`<svg class="forecast__bar" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-label=${`${row.label}: ${label}`}>
      ${parts}
    </svg>`}
  </li>`;
}

/**
 * The figures as a table. Eight columns do not fit a phone: in a narrow container each row becomes a block of
 * "label value" lines (CSS with the cells' `data-label`); the explicit roles keep it a table for screen readers then.
 */
function renderTable(summary: OrganizationSummary, lang: string) {
  const columns = [
    ...TIERS.map((tier) => tierName(tier)),
    msg('Falling', { id: 'memberOverview.forecast.falling' }),
    msg('Missing only one', { id: 'memberOverview.forecast.missingOne' }),
    msg('Missing only two', { id: 'memberOverview.forecast.missingTwo' }),
  ];
  const row = (key: string, label: string, values: (number | null)[]) => html`<tr role="row" data-key=${key}>
    <th role="rowheader" scope="row">${label}</th>
    ${values.map(
      (value, index) =>
        html`<td role="cell" class="number" data-label=${columns[index]!}>${value === null ? '–' : formatNumber(value, lang)}</td>`,
    )}
  </tr>`;
  return html`<table role="table" class="forecast__table">
    <caption class="visually-hidden">${msg('Members per tier today and after each end of protection', { id: 'memberOverview.forecast.caption' })}</caption>
    <thead role="rowgroup">
      <tr role="row">
        <th role="columnheader" scope="col">${msg('Day', { id: 'memberOverview.forecast.day' })}</th>
        ${columns.map((column) => html`<th role="columnheader" scope="col" class="number">${column}</th>`)}
      </tr>
    </thead>
    <tbody role="rowgroup">
      ${row('today', msg('Today', { id: 'memberOverview.forecast.today' }), [...TIERS.map((tier) => summary.tiers[tier]), null, null, null])}
      ${summary.protectionForecast.map((ending) =>
        row(ending.protectedUntil, msg(str`After ${formatDay(ending.protectedUntil, lang)}`, { id: 'memberOverview.forecast.after' }), [
          ...TIERS.map((tier) => ending.tiersAfter[tier]),
          ending.falling.count,
          ending.missingOne,
          ending.missingTwo,
        ]),
      )}
    </tbody>
  </table>`;
}
