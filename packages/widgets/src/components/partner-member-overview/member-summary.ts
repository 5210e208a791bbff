// The at-a-glance part of <partner-member-overview>: members per tier (a bar chart that is also a list, plus a data
// table), protections ending soon, members close to the next tier, and the deal pipeline by status; and loading it.
import {
  DEAL_STATUSES,
  TIERS,
  type Member,
  type MemberQuery,
  type Organization,
  type OrganizationSummary,
  type ProgramPolicy,
} from '@poly-partner/contract';
import type { PartnerClient } from '@poly-partner/sdk';
import { html, nothing, svg } from 'lit';
import { msg, str } from '../../localization/localization.js';
import { dealStatusName } from '../../internal/deal-status-name.js';
import { formatDay, formatMoney, formatNumber, formatPercent } from '../../internal/format.js';
import { icons } from '../../internal/icons.js';
import { lockIcon } from '../../internal/lock-icon.js';
import { tierIcon, tierName } from '../../internal/tier.js';
import { gapsText, requirementCounts } from './member-gaps.js';
import { renderForecast } from './protection-forecast.js';

/** Organization, summary and program: loaded once per organization, not again when the list's filters change. */
export interface Overview {
  orgId: string;
  client: PartnerClient;
  organization: Organization;
  summary: OrganizationSummary;
  policy: ProgramPolicy;
}

export async function loadOverview(client: PartnerClient, orgId: string, signal: AbortSignal): Promise<Overview> {
  const [organization, summary, policy] = await Promise.all([
    client.organizations.get(orgId, { signal }),
    client.organizations.summary(orgId, { signal }),
    client.program.get({ signal }),
  ]);
  return { orgId, client, organization, summary, policy };
}

/** How many members each summary list names; the counts say how many there are in all. */
const LISTED_MEMBERS = 5;

/** "1 member" / "1,234 members". */
export function memberCount(count: number, lang: string): string {
  return count === 1
    ? msg('1 member', { id: 'memberOverview.oneMember' })
    : msg(str`${formatNumber(count, lang)} members`, { id: 'memberOverview.members' });
}

/** Called with a member the user picked from a summary list, and the button they picked it with. */
export type SelectMember = (member: Member, opener: HTMLElement) => void;
/** Called with a card's member-list query: the list then shows exactly the card's members, in the card's order. */
export type ShowQuery = (query: MemberQuery) => void;

export interface SummaryActions {
  select: SelectMember;
  show: ShowQuery;
}

export function renderSummary(summary: OrganizationSummary, policy: ProgramPolicy, lang: string, actions: SummaryActions) {
  return html`<div part="summary" class="summary">
    ${renderTierChart(summary, lang)} ${renderProtections(summary, policy, lang, actions)}
    ${renderCloseToNext(summary, policy, lang, actions)} ${renderForecast(summary, lang)} ${renderPipeline(summary, lang)}
  </div>`;
}

/** The card's link to the list: the list's total is then the card's count. */
function showAllButton(count: number, query: MemberQuery, lang: string, show: ShowQuery) {
  if (count === 0) return nothing;
  return html`<p class="card__more">
    <button type="button" part="card-link" class="link-button" @click=${() => show(query)}>
      ${msg(str`Show all ${formatNumber(count, lang)} in the list`, { id: 'memberOverview.showAll' })}
    </button>
  </p>`;
}

function renderTierChart(summary: OrganizationSummary, lang: string) {
  const largest = Math.max(1, ...TIERS.map((tier) => summary.tiers[tier]));
  return html`<figure part="tier-chart" class="card" aria-labelledby="tier-chart-heading">
    <figcaption>
      <h3 id="tier-chart-heading" class="card__heading">${msg('Members per tier', { id: 'memberOverview.tierChart' })}</h3>
      <p class="card__lead">${memberCount(summary.memberCount, lang)}</p>
    </figcaption>
    <!-- The bars are a list: each names its tier and count in words; the bar itself is decoration. -->
    <ul class="tier-chart" aria-labelledby="tier-chart-heading">
      ${TIERS.map((tier) => {
        const count = summary.tiers[tier];
        return html`<li part="tier-bar" class="tier-bar">
          <span class="tier-bar__name">${tierIcon(tier)}${tierName(tier)}</span>
          ${svg`<svg class="tier-bar__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="tier-bar__fill tier-bar__fill--${tier}" width=${Math.max(count > 0 ? 0.5 : 0, (count / largest) * 100)} height="10" rx="1" />
          </svg>`}
          <span class="tier-bar__count">${formatNumber(count, lang)}</span>
        </li>`;
      })}
    </ul>
    <details class="card__table">
      <summary>${msg('Show as table', { id: 'memberOverview.showTable' })}</summary>
      <table>
        <caption class="visually-hidden">${msg('Members per tier', { id: 'memberOverview.tierChart' })}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Tier', { id: 'memberOverview.column.tier' })}</th>
            <th scope="col">${msg('Current tier', { id: 'memberOverview.currentTierCount' })}</th>
            <th scope="col">${msg('Earned by results', { id: 'memberOverview.earnedTierCount' })}</th>
          </tr>
        </thead>
        <tbody>
          ${TIERS.map(
            (tier) => html`<tr>
              <th scope="row">${tierName(tier)}</th>
              <td>${formatNumber(summary.tiers[tier], lang)}</td>
              <td>${formatNumber(summary.earnedTiers[tier], lang)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}

function memberButton(member: Member, select: SelectMember, detail: unknown) {
  return html`<li>
    <button type="button" class="link-button" @click=${(event: Event) => select(member, event.currentTarget as HTMLElement)}>
      ${member.name}
    </button>
    <span class="card__detail">${detail}</span>
  </li>`;
}

function renderProtections(summary: OrganizationSummary, policy: ProgramPolicy, lang: string, { select, show }: SummaryActions) {
  const { count, withinDays, members, query } = summary.protectionsEndingSoon;
  return html`<section part="protections" class="card" aria-labelledby="protections-heading">
    <h3 id="protections-heading" class="card__heading">
      ${lockIcon}${msg('Protections ending soon', { id: 'memberOverview.protections' })}
    </h3>
    <p class="card__lead">
      ${msg(str`${formatNumber(count, lang)} within ${formatNumber(withinDays, lang)} days`, {
        id: 'memberOverview.protectionsCount',
      })}
    </p>
    <p class="card__note">
      ${msg('Members whose status protection keeps them above the tier their results earn.', {
        id: 'memberOverview.protectionsNote',
      })}
    </p>
    ${members.length > 0
      ? html`<ul class="card__list">
          ${members.slice(0, LISTED_MEMBERS).map((member) =>
            memberButton(
              member,
              select,
              member.protectedUntil && member.protectedTier
                ? html`${msg(
                    str`${tierName(member.protectedTier)} until ${formatDay(member.protectedUntil, lang)}, earns ${tierName(member.earnedTier)}`,
                    { id: 'memberOverview.protectedUntil' },
                  )}${member.keepTierGaps.length > 0 ? html`; ${gapsText(member.keepTierGaps, policy, lang)}` : nothing}`
                : nothing,
            ),
          )}
        </ul>`
      : nothing}
    ${showAllButton(count, query, lang, show)}
  </section>`;
}

function renderCloseToNext(summary: OrganizationSummary, policy: ProgramPolicy, lang: string, { select, show }: SummaryActions) {
  const { count, threshold, members, query } = summary.closeToNextTier;
  return html`<section part="close-to-next" class="card" aria-labelledby="close-heading">
    <h3 id="close-heading" class="card__heading">
      ${icons.check}${msg('Close to the next tier', { id: 'memberOverview.closeToNext' })}
    </h3>
    <p class="card__lead">
      ${msg(str`${formatNumber(count, lang)} members with at least ${formatPercent(threshold, lang)} of the next tier`, {
        id: 'memberOverview.closeCount',
      })}
    </p>
    ${members.length > 0
      ? html`<ul class="card__list">
          ${members.slice(0, LISTED_MEMBERS).map((member) =>
            memberButton(
              member,
              select,
              member.nextTier ? progressText(member, policy, lang) : nothing,
            ),
          )}
        </ul>`
      : nothing}
    ${showAllButton(count, query, lang, show)}
  </section>`;
}

/** "8 of 9 Platinum requirements met; needs €120,000 revenue" — progress towards the next tier in words. */
export function progressText(member: Member, policy: ProgramPolicy, lang: string): string {
  if (!member.nextTier) return msg('Highest tier', { id: 'memberOverview.topTier' });
  const { met, total } = requirementCounts(member);
  const counts = `${formatNumber(total, lang)} ${tierName(member.nextTier)}`;
  const metText = msg(str`${formatNumber(met, lang)} of ${counts} requirements met`, { id: 'memberOverview.requirementsMet' });
  return member.nextTierGaps.length > 0 ? `${metText}; ${gapsText(member.nextTierGaps, policy, lang)}` : metText;
}

function renderPipeline(summary: OrganizationSummary, lang: string) {
  const byStatus = new Map(summary.pipeline.map((entry) => [entry.status, entry]));
  return html`<section part="pipeline" class="card card--wide" aria-labelledby="pipeline-heading">
    <h3 id="pipeline-heading" class="card__heading">${msg('Deal pipeline', { id: 'memberOverview.pipeline' })}</h3>
    <table class="pipeline">
      <caption class="visually-hidden">${msg('Deal registrations of all members by status', { id: 'memberOverview.pipelineCaption' })}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Status', { id: 'memberOverview.pipelineStatus' })}</th>
          <th scope="col" class="number">${msg('Deals', { id: 'memberOverview.pipelineDeals' })}</th>
          <th scope="col" class="number">${msg('Estimated value', { id: 'memberOverview.pipelineValue' })}</th>
        </tr>
      </thead>
      <tbody>
        ${DEAL_STATUSES.map((status) => {
          const entry = byStatus.get(status);
          return html`<tr>
            <th scope="row">${dealStatusName(status)}</th>
            <td class="number">${formatNumber(entry?.count ?? 0, lang)}</td>
            <td class="number">${entry ? formatMoney(entry.value.amount, entry.value.currency, lang) : '–'}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </section>`;
}
