import { initialState, TaskStatus } from '@lit/task';
import type { Member, MemberQuery, Page } from '@poly-partner/contract';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '../../localization/localization.js';
import { CursorPagingController } from '../../internal/cursor-paging-controller.js';
import { countryName, warmUpCountryNames } from '../../internal/country-name.js';
import { formatDay, formatNumber } from '../../internal/format.js';
import { GridKeyboardController } from '../../internal/grid-keyboard-controller.js';
import { lockIcon } from '../../internal/lock-icon.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { asPartnerApiError, errorMessage, renderEmpty, renderError, renderLoading } from '../../internal/state-view.js';
import { tierIcon, tierName, tierStyles } from '../../internal/tier.js';
import { WindowedRowsController } from '../../internal/windowed-rows-controller.js';
// The module that defines it, not its class's: the embed loads that module as the checklist's own chunk.
import { NextTierChecklist } from '../next-tier-checklist/next-tier-checklist.js';
import type { CsvSeparator } from './member-csv.js';
import { memberExportTask, renderExport } from './member-export.js';
import { MemberFiltersController, toQuery } from './member-filters-controller.js';
import { loadOverview, memberCount, progressText, renderSummary, type Overview } from './member-summary.js';
import styles from './partner-member-overview.styles.js';

/** Members per request while scrolling; the API allows up to 500, which the CSV export uses. */
const PAGE_SIZE = 100;
/** Fetch the next page when the last visible row is this close to the end of what is loaded. */
const LOOKAHEAD_ROWS = 30;
/** Rows rendered beyond each edge of the visible ones, so a scroll by a few rows shows no blank before the next frame. */
const OVERSCAN_ROWS = 6;
/** A row's height (`--_row-height`, 3.5rem) at the default font size; measured from a rendered row once there is one. */
const ESTIMATED_ROW_PX = 56;
/** The rows a list of the default height (28rem) shows, plus the overscan below them. */
const GUESSED_ROWS = Math.ceil((28 * 16) / ESTIMATED_ROW_PX) + OVERSCAN_ROWS;

/** Where focus goes back to when the detail panel closes. */
type Opener = { row: string } | { element: HTMLElement };

/**
 * @summary An aggregator's view of its member resellers — ISPs, carriers, Systemhaus associations and distributors:
 * members per tier, protections ending soon, members close to the next tier and the deal pipeline at a glance; the
 * member list (thousands of rows, filtered, sorted and searched on the server, exported as CSV); and a member's
 * next-tier checklist on selection.
 *
 * @event partner-ready - The summary and the first page of members are shown.
 * @event partner-error - Loading or exporting failed; `event.error` is the `PartnerApiError`.
 *
 * @csspart base - The widget's box; also `loading` or `error` while so.
 * @csspart summary - The at-a-glance cards.
 * @csspart tier-chart - Members per tier: bars with names, shapes and counts, and a table.
 * @csspart tier-bar - One tier's bar.
 * @csspart protections - Protections ending soon.
 * @csspart close-to-next - Members close to the next tier.
 * @csspart card-link - A card's link to the member list with the card's filters and order (same count).
 * @csspart forecast - "When protection ends": today's tier mix beside the mix after each end of protection, as bars
 * (each an image named with its counts; tiers told apart by pattern and shape, not colour alone) and as a table.
 * @csspart pipeline - The deal pipeline by status.
 * @csspart members - The member list section.
 * @csspart toolbar - Search, filters and export.
 * @csspart search - The search field.
 * @csspart filter - A filter (select): tier, region, country, protection end, segment (at risk, close to the next
 * tier, no registration in 90 days).
 * @csspart sort - The sort control: every column both ways, and the call-list orders (most at stake, fewest missing
 * to keep the tier, smallest gap to the next tier).
 * @csspart export-button - Export the filtered list as CSV.
 * @csspart count - How many members match.
 * @csspart grid - The member list (an ARIA grid).
 * @csspart column-header - A column header; `sort-button` is its button.
 * @csspart sort-button - Sorts by a column.
 * @csspart row - A member's row; also `row-selected` for the selected one.
 * @csspart cell - A cell of a row.
 * @csspart detail - The selected member's panel.
 * @csspart close-button - Closes the panel.
 * @csspart checklist - The `<next-tier-checklist>` in the panel, in the third person (`audience="organization"`): the
 * member's tier story without the reseller's calls to action.
 * @csspart tier-icon - A tier's shape.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --partner-member-overview-surface - Background (default `--partner-color-surface`).
 * @cssproperty --partner-member-overview-border-color - Borders (default `--partner-color-border`).
 * @cssproperty --partner-member-overview-bar-color - Bars of the tier chart and progress (default `--partner-color-accent`).
 * @cssproperty --partner-member-overview-row-selected - Background of the selected row (default `--partner-color-surface-raised`).
 * @cssproperty --partner-member-overview-list-height - Height of the scrolling member list (default 28rem).
 */
export class PartnerMemberOverview extends PartnerElement {
  static override styles = [PartnerElement.styles, tierStyles, styles];

  /** The elements this one renders, defined with it. */
  static dependencies = { 'next-tier-checklist': NextTierChecklist };

  /** The organization; defaults to `<partner-config org-id>`. */
  @property({ attribute: 'org-id' }) orgId?: string;

  /**
   * The CSV export's separator. By default it follows the widget's language: `;` where decimals are written with a
   * comma (German: `;` and `1,5`), so the file opens as columns in that locale's Excel; `,` otherwise.
   */
  @property({ attribute: 'csv-separator' }) csvSeparator?: CsvSeparator;

  private readonly filtering = new MemberFiltersController(this);
  /** The query of the list shown; a new object for every new first page. */
  @state() private query?: MemberQuery;
  /** The members loaded so far: the first page, then one more each time the user scrolls near the end. */
  private readonly paging = new CursorPagingController<Member>(this, (error) => this.reportError(error));
  /** The loaded members last measured for the rows in view (see `updated`). */
  private measured?: Page<Member>;
  @state() private selected?: Member;
  /** Only the rows in view are in the DOM; the controller measures which, and the rows' height per layout. */
  private readonly rows = new WindowedRowsController(this, {
    body: () => this.listBody,
    count: () => this.paging.page.items.length,
    estimatedRowHeight: ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    onVisible: ({ first, last }) => {
      // After a failed page, only Retry tries again: scrolling on must not hammer a failing service. Nor does a list
      // that is being replaced load on.
      const { error, page } = this.paging;
      if (!error && this.data.status === TaskStatus.COMPLETE && last >= page.items.length - LOOKAHEAD_ROWS) void this.paging.more();
      this.keyboard.keepInView(first, last);
    },
  });
  private readonly keyboard = new GridKeyboardController(this, {
    body: () => this.listBody,
    rows: this.rows,
    count: () => this.paging.page.items.length,
    activate: (index) => {
      const member = this.paging.page.items[index];
      if (member) this.select(member, { row: member.partnerId });
    },
  });
  private readonly exporting = memberExportTask(
    this,
    () => {
      const { client, orgId } = this.settings;
      const overview = this.overview;
      if (!client || !orgId || !overview) return undefined;
      const csv = { lang: this.formatLang, policy: overview.policy, organizationName: overview.organization.name, asOf: overview.summary.asOf };
      return { client, orgId, query: toQuery(this.filtering.filters), locale: this.localization.locale, csv: this.csvSeparator ? { ...csv, separator: this.csvSeparator } : csv };
    },
    (error) => this.reportError(error),
  );

  private get listBody(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('.grid__body') ?? undefined;
  }

  private overview?: Overview;
  private opener?: Opener;

  private readonly data = this.createDataTask(
    () => [this.settings.orgId, this.filtering.filters] as const,
    async (client, [orgId, filters], signal) => {
      if (!orgId) return initialState;
      const query = toQuery(filters);
      // The summary does not depend on the list's filters: load it once per organization and client.
      const overview =
        this.overview?.orgId === orgId && this.overview.client === client ? this.overview : loadOverview(client, orgId, signal);
      const [loaded, page] = await Promise.all([
        overview,
        client.organizations.members(orgId, { ...query, limit: PAGE_SIZE }, { signal }),
      ]);
      this.overview = loaded;
      this.keyboard.active = 0;
      this.query = query;
      this.paging.reset(page, (cursor, signal) => client.organizations.members(orgId, { ...query, limit: PAGE_SIZE, cursor }, { signal }));
      return query;
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    // Rows show country names: their ICU data loads while the data is on its way, not in the task that paints the rows.
    warmUpCountryNames(this.formatLang);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.exporting.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A new list shows its top: render the rows a list of the default height shows there at once, rather than no rows
    // until the first measurement, which would take a second render and layout before the first rows paint.
    if (this.query && changed.has('query')) this.rows.showTop(GUESSED_ROWS);
    // A different organization starts from scratch.
    if (changed.has('orgId') && changed.get('orgId') !== undefined) {
      this.selected = undefined;
      this.filtering.reset();
    }
  }

  protected override updated(changed: PropertyValues): void {
    const body = this.listBody;
    if (!body || !this.query) return;
    // A new first page (other filters, sort or search) starts at its top.
    if (changed.get('query')) body.scrollTop = 0;
    // Rows in view may have changed with the rows loaded (a new page); rendering again is only needed then. A new
    // list (first data, other filters) already renders the rows a list at its top shows (`willUpdate`): measure it
    // once that has been painted, as after any other update.
    const { page } = this.paging;
    if (changed.has('query') || page === this.measured) this.rows.measureAfterPaint();
    else this.rows.measure();
    this.measured = page;
  }

  protected override render() {
    const overview = this.overview?.orgId === this.settings.orgId ? this.overview : undefined;
    if (!overview) {
      return this.data.status === TaskStatus.ERROR
        ? renderError(asPartnerApiError(this.data.error), () => void this.data.run())
        : renderLoading(12);
    }
    const lang = this.formatLang;
    return html`<section part="base" class="overview" aria-labelledby="heading">
      <h2 id="heading" class="heading">
        ${msg(str`Members of ${overview.organization.name}`, { id: 'memberOverview.heading' })}
      </h2>
      ${
        // The widget renders again for every few rows scrolled: the summary and the country options only change with
        // their data and language, so Lit skips them otherwise.
        guard([overview.summary, lang, this.localization.locale], () =>
          renderSummary(overview.summary, overview.policy, lang, {
            select: (member, opener) => this.select(member, { element: opener }),
            show: this.filtering.showQuery,
          }),
        )
      }
      <div class="layout ${this.selected ? 'layout--detail' : ''}">
        ${this.renderMembers(overview)} ${this.selected ? this.renderDetail(this.selected) : nothing}
      </div>
    </section>`;
  }

  private renderMembers(overview: Overview) {
    const lang = this.formatLang;
    const { query, paging } = this;
    const updating = this.data.status === TaskStatus.PENDING;
    const failed = this.data.status === TaskStatus.ERROR;
    return html`<section part="members" class="members" aria-labelledby="members-heading">
      <h3 id="members-heading" class="subheading" tabindex="-1">${msg('Member resellers', { id: 'memberOverview.membersHeading' })}</h3>
      ${this.filtering.renderToolbar(overview.policy, lang, renderExport(this.exporting, lang))}
      <p part="count" class="count" role="status">
        ${query && !failed ? this.countText(query, overview, updating) : nothing}
      </p>
      ${failed
        ? renderError(asPartnerApiError(this.data.error), () => void this.data.run())
        : !query
          ? renderLoading(8)
          : paging.page.total === 0
            ? html`${renderEmpty(msg('No members match these filters.', { id: 'memberOverview.empty' }))}
                <button type="button" class="secondary" @click=${this.filtering.clearFilters}>
                  ${msg('Clear filters', { id: 'memberOverview.clearFilters' })}
                </button>`
            : this.renderGrid(updating, lang)}
    </section>`;
  }

  private countText(query: MemberQuery, overview: Overview, updating: boolean) {
    if (updating) return msg('Updating the list…', { id: 'memberOverview.updating' });
    const lang = this.formatLang;
    const { total } = this.paging.page;
    const filtered = Object.keys(query).some((key) => key !== 'sort');
    return filtered
      ? msg(str`${formatNumber(total, lang)} of ${formatNumber(overview.summary.memberCount, lang)} members match`, {
          id: 'memberOverview.matching',
        })
      : memberCount(total, lang);
  }

  private renderGrid(updating: boolean, lang: string) {
    const { page: { items, total }, loading, error } = this.paging;
    const active = Math.min(this.keyboard.active, items.length - 1);
    return html`<div
        part="grid"
        class="grid"
        role="grid"
        aria-labelledby="members-heading"
        aria-rowcount=${total + 1}
        aria-busy=${updating ? 'true' : 'false'}
      >
        <div role="rowgroup" class="grid__head">
          <div role="row" class="row row--head" aria-rowindex="1">
            ${this.filtering.renderColumnHeaders()}
          </div>
        </div>
        <div
          role="rowgroup"
          class="grid__body"
          @keydown=${this.keyboard.onKeydown}
          @click=${this.keyboard.onClick}
          @focusin=${this.keyboard.onFocusIn}
          tabindex=${this.rows.isRendered(active) ? -1 : 0}
          aria-label=${msg('Member list', { id: 'memberOverview.listLabel' })}
        >
          ${repeat(
            this.rows.slice(items),
            (member) => member.partnerId,
            (member, offset) => {
              const index = this.rows.rendered.first + offset;
              return this.renderRow(member, index, index === active, lang);
            },
          )}
        </div>
      </div>
      ${loading
        ? html`<p class="more" role="status">${msg('Loading more members…', { id: 'memberOverview.loadingMore' })}</p>`
        : error
          ? html`<div class="more" role="alert">
              <span class="error-text">${errorMessage(error)}</span>
              <button type="button" part="retry-button" @click=${() => void this.paging.more()}>${msg('Retry', { id: 'state.retry' })}</button>
            </div>`
          : nothing}`;
  }

  private renderRow(member: Member, index: number, active: boolean, lang: string) {
    const selected = this.selected?.partnerId === member.partnerId;
    const protectedAbove = member.effectiveTier !== member.earnedTier;
    return html`<div
      role="row"
      part="row${selected ? ' row-selected' : ''}"
      class="row${selected ? ' row--selected' : ''}"
      data-index=${index}
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${active ? 0 : -1}
    >
      <div role="gridcell" part="cell" class="cell cell--name">${member.name}</div>
      <div role="gridcell" part="cell" class="cell cell--tier">
        <span class="tier">${tierIcon(member.effectiveTier)}${tierName(member.effectiveTier)}</span>
        ${protectedAbove
          ? html`<span class="cell__note">${lockIcon}${msg(str`earns ${tierName(member.earnedTier)}`, { id: 'memberOverview.earns' })}</span>`
          : nothing}
      </div>
      <div role="gridcell" part="cell" class="cell cell--country">${countryName(member.country, lang)}</div>
      <div role="gridcell" part="cell" class="cell cell--progress">
        <span>${progressText(member, this.overview!.policy, lang)}</span>
      </div>
      <div role="gridcell" part="cell" class="cell cell--protectedUntil">
        ${member.protectedUntil ? formatDay(member.protectedUntil, lang) : html`<span class="muted">–</span>`}
      </div>
    </div>`;
  }

  private select(member: Member, opener: Opener): void {
    this.selected = member;
    this.opener = opener;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus());
  }

  private readonly closeDetail = () => {
    const opener = this.opener;
    this.selected = undefined;
    this.opener = undefined;
    if (!opener) return;
    if ('element' in opener) {
      void this.updateComplete.then(() => opener.element.focus());
      return;
    }
    const index = this.paging.page.items.findIndex((member) => member.partnerId === opener.row);
    if (index >= 0) void this.updateComplete.then(() => this.keyboard.focusRow(index));
  };

  private renderDetail(member: Member) {
    return html`<section
      part="detail"
      class="detail"
      aria-labelledby="detail-heading"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          this.closeDetail();
        }
      }}
      @partner-ready=${(event: Event) => event.stopPropagation()}
    >
      <div class="detail__head">
        <h3 id="detail-heading" class="subheading" tabindex="-1">${member.name}</h3>
        <button type="button" part="close-button" class="secondary" @click=${this.closeDetail}>
          ${msg('Close', { id: 'memberOverview.close' })}
        </button>
      </div>
      <next-tier-checklist part="checklist" exportparts="base: checklist-base" audience="organization" partner-id=${member.partnerId} .client=${this.settings.client}></next-tier-checklist>
    </section>`;
  }
}
