import { initialState, TaskStatus } from '@lit/task';
import {
  MEMBER_SEGMENTS,
  MEMBER_SORTS,
  TIERS,
  type Member,
  type MemberQuery,
  type MemberSort,
  type Organization,
  type OrganizationSummary,
  type ProgramPolicy,
  type Tier,
} from '@poly-partner/contract';
import type { PartnerApiError, PartnerClient } from '@poly-partner/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, renderInLocale, str } from '../../localization/localization.js';
import { localizedText } from '../../internal/criterion-text.js';
import { downloadCsv } from '../../internal/csv.js';
import { countryName, formatDay, formatNumber, warmUpCountryNames } from '../../internal/format.js';
import { whenIdle } from '../../internal/idle.js';
import { icons } from '../../internal/icons.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { asPartnerApiError, errorMessage, renderEmpty, renderError, renderLoading } from '../../internal/state-view.js';
import { tierIcon, tierName } from '../../internal/tier.js';
import { WindowedRowsController } from '../../internal/windowed-rows-controller.js';
import { memberCsv, type CsvSeparator } from './member-csv.js';
import { memberCount, progressText, renderSummary } from './member-summary.js';
import styles from './partner-member-overview.styles.js';

/** Members per request while scrolling; the API allows up to 500, which the CSV export uses. */
const PAGE_SIZE = 100;
const EXPORT_PAGE_SIZE = 500;
/** Fetch the next page when the last visible row is this close to the end of what is loaded. */
const LOOKAHEAD_ROWS = 30;
const SEARCH_DEBOUNCE_MS = 300;
/** Rows PageUp/PageDown move by. */
const PAGE_ROWS = 10;
/** Rows rendered beyond each edge of the visible ones, so a scroll by a few rows shows no blank before the next frame. */
const OVERSCAN_ROWS = 6;
/** A row's height (`--_row-height`, 3.5rem) at the default font size; measured from a rendered row once there is one. */
const ESTIMATED_ROW_PX = 56;
/** The rows a list of the default height (28rem) shows, plus the overscan below them. */
const GUESSED_ROWS = Math.ceil((28 * 16) / ESTIMATED_ROW_PX) + OVERSCAN_ROWS;

/** Columns the list sorts by; each matches a `sort` of the API (`-` prefix: descending). */
type SortKey = 'name' | 'tier' | 'country' | 'progress' | 'protectedUntil';

/** What the user filtered, sorted and searched for; replaced (never mutated) so the task sees each change. */
interface MemberFilters {
  q: string;
  tier: Tier | '';
  country: string;
  region: string;
  /** Days, or 0 for no limit. */
  protectionEndingWithinDays: number;
  segment: MemberSegment | '';
  sort: MemberSort;
}

type MemberSegment = (typeof MEMBER_SEGMENTS)[number];

const NO_FILTERS: MemberFilters = {
  q: '',
  tier: '',
  country: '',
  region: '',
  protectionEndingWithinDays: 0,
  segment: '',
  sort: 'name',
};

/** The filters of a summary card's query (nothing else), so the list shows the card's members in its order. */
function filtersOf(query: MemberQuery): MemberFilters {
  return {
    ...NO_FILTERS,
    q: query.q ?? '',
    tier: query.tier ?? '',
    country: query.country ?? '',
    region: query.region ?? '',
    protectionEndingWithinDays: query.protectionEndingWithinDays ?? 0,
    segment: query.segment ?? '',
    sort: query.sort ?? 'name',
  };
}

/** Organization, summary and program: loaded once per organization, not again when the list's filters change. */
interface Overview {
  orgId: string;
  client: PartnerClient;
  organization: Organization;
  summary: OrganizationSummary;
  policy: ProgramPolicy;
}

/** The loaded part of the current member list; a new object for every new first page. */
interface MemberList {
  query: MemberQuery;
  items: Member[];
  nextCursor: string | null;
  total: number;
  loadingMore: boolean;
  moreError?: PartnerApiError;
}

/** Where focus goes back to when the detail panel closes. */
type Opener = { row: string } | { element: HTMLElement };

function toQuery(filters: MemberFilters): MemberQuery {
  const query: MemberQuery = { sort: filters.sort };
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.tier) query.tier = filters.tier;
  if (filters.country) query.country = filters.country;
  if (filters.region) query.region = filters.region;
  if (filters.protectionEndingWithinDays > 0) query.protectionEndingWithinDays = filters.protectionEndingWithinDays;
  if (filters.segment) query.segment = filters.segment;
  return query;
}

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
  static override styles = [PartnerElement.styles, styles];

  /** The organization; defaults to `<partner-config org-id>`. */
  @property({ attribute: 'org-id' }) orgId?: string;

  /**
   * The CSV export's separator. By default it follows the widget's language: `;` where decimals are written with a
   * comma (German: `;` and `1,5`), so the file opens as columns in that locale's Excel; `,` otherwise.
   */
  @property({ attribute: 'csv-separator' }) csvSeparator?: CsvSeparator;

  @state() private filters: MemberFilters = NO_FILTERS;
  /** The search field's text; copied to `filters.q` once the user pauses typing. */
  @state() private searchText = '';
  @state() private list?: MemberList;
  @state() private selected?: Member;
  /** The row that takes focus when the user tabs into the list (roving tabindex). */
  @state() private activeIndex = 0;
  /**
   * The rows in the DOM (`last` < `first`: none). The list renders only the rows inside both its own scrollport and
   * the window's viewport (plus a few), so a list below the fold has none; then the list body itself takes the Tab
   * stop and hands focus on to the row.
   */
  /** Only the rows in view are in the DOM; the controller measures which, and the rows' height per layout. */
  private readonly rows = new WindowedRowsController(this, {
    body: () => this.listBody,
    count: () => this.list?.items.length ?? 0,
    estimatedRowHeight: ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    onVisible: ({ first, last }) => {
      const list = this.list;
      if (!list) return;
      // After a failed page, only Retry tries again: scrolling on must not hammer a failing service.
      if (!list.moreError && last >= list.items.length - LOOKAHEAD_ROWS) void this.loadMore();
      // Keep a row tabbable: when the active row has scrolled away (and does not hold focus), the first visible row takes over.
      const body = this.listBody;
      if (body && !body.contains(this.shadowRoot!.activeElement) && (this.activeIndex < first || this.activeIndex > last)) this.activeIndex = first;
    },
  });
  @state() private exportState: { status: 'idle' | 'running' } | { status: 'done'; count: number } | { status: 'error'; error: PartnerApiError } = {
    status: 'idle',
  };

  @query('.grid__body') private listBody?: HTMLElement;

  private overview?: Overview;
  private opener?: Opener;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private pagingAbort?: AbortController;
  private exportAbort?: AbortController;

  private readonly data = this.createDataTask(
    () => [this.settings.orgId, this.filters] as const,
    async (client, [orgId, filters], signal) => {
      if (!orgId) return initialState;
      this.pagingAbort?.abort();
      const query = toQuery(filters);
      // The summary does not depend on the list's filters: load it once per organization and client.
      const overview =
        this.overview?.orgId === orgId && this.overview.client === client ? this.overview : this.loadOverview(client, orgId, signal);
      const [loaded, page] = await Promise.all([
        overview,
        client.organizations.members(orgId, { ...query, limit: PAGE_SIZE }, { signal }),
      ]);
      this.overview = loaded;
      this.activeIndex = 0;
      this.list = { query, items: page.items, nextCursor: page.nextCursor, total: page.total, loadingMore: false };
      return this.list;
    },
  );

  private async loadOverview(client: PartnerClient, orgId: string, signal: AbortSignal): Promise<Overview> {
    const [organization, summary, policy] = await Promise.all([
      client.organizations.get(orgId, { signal }),
      client.organizations.summary(orgId, { signal }),
      client.program.get({ signal }),
    ]);
    return { orgId, client, organization, summary, policy };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Rows show country names: their ICU data loads while the data is on its way, not in the task that paints the rows.
    warmUpCountryNames(this.formatLang);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pendingCountryList?.cancel();
    this.pendingCountryList = undefined;
    clearTimeout(this.searchTimer);
    this.pagingAbort?.abort();
    this.exportAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A new list shows its top: render the rows a list of the default height shows there at once, rather than no rows
    // until the first measurement, which would take a second render and layout before the first rows paint.
    const previous = changed.get('list') as MemberList | undefined;
    if (this.list && changed.has('list') && (!this.listBody || previous?.query !== this.list.query)) {
      this.rows.showTop(GUESSED_ROWS);
    }
    // A different organization starts from scratch.
    if (changed.has('orgId') && changed.get('orgId') !== undefined) {
      this.selected = undefined;
      this.filters = NO_FILTERS;
      this.searchText = '';
    }
  }

  protected override updated(changed: PropertyValues): void {
    const body = this.listBody;
    if (!body || !this.list) return;
    // A new first page (other filters, sort or search) starts at its top.
    const previous = changed.get('list') as MemberList | undefined;
    if (previous && previous.query !== this.list.query) body.scrollTop = 0;
    // Rows in view may have changed with the list (a new page, a shorter list); rendering again is only needed then.
    // A new list (first data, other filters) already renders the rows a list at its top shows (`willUpdate`): measure
    // it once that has been painted.
    if (!previous || previous.query !== this.list.query) this.rows.measureAfterPaint();
    else this.rows.measure();
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
            show: this.showQuery,
          }),
        )
      }
      <div class="layout ${this.selected ? 'layout--detail' : ''}">
        ${this.renderMembers(overview)} ${this.selected ? this.renderDetail(this.selected) : nothing}
      </div>
    </section>`;
  }

  // ---- The member list ----

  private renderMembers(overview: Overview) {
    const lang = this.formatLang;
    const list = this.list;
    const updating = this.data.status === TaskStatus.PENDING;
    const failed = this.data.status === TaskStatus.ERROR;
    return html`<section part="members" class="members" aria-labelledby="members-heading">
      <h3 id="members-heading" class="subheading" tabindex="-1">${msg('Member resellers', { id: 'memberOverview.membersHeading' })}</h3>
      ${this.renderToolbar(overview)}
      <p part="count" class="count" role="status">
        ${list && !failed ? this.countText(list, overview, updating) : nothing}
      </p>
      ${failed
        ? renderError(asPartnerApiError(this.data.error), () => void this.data.run())
        : !list
          ? renderLoading(8)
          : list.total === 0
            ? html`${renderEmpty(msg('No members match these filters.', { id: 'memberOverview.empty' }))}
                <button type="button" class="secondary" @click=${this.clearFilters}>
                  ${msg('Clear filters', { id: 'memberOverview.clearFilters' })}
                </button>`
            : this.renderGrid(list, updating, lang)}
    </section>`;
  }

  private countText(list: MemberList, overview: Overview, updating: boolean) {
    if (updating) return msg('Updating the list…', { id: 'memberOverview.updating' });
    const lang = this.formatLang;
    const filtered = Object.keys(list.query).some((key) => key !== 'sort');
    return filtered
      ? msg(str`${formatNumber(list.total, lang)} of ${formatNumber(overview.summary.memberCount, lang)} members match`, {
          id: 'memberOverview.matching',
        })
      : memberCount(list.total, lang);
  }

  /** The program's countries by name; kept, as the toolbar renders again with every scrolled row. */
  @state() private countryList?: { policy: ProgramPolicy; lang: string; countries: { code: string; name: string }[] };
  /** The country list being built in idle time (cancelled when the widget leaves the page). */
  private pendingCountryList?: { policy: ProgramPolicy; lang: string; cancel: () => void };

  /**
   * The country filter's options. Their names (Intl.DisplayNames) sorted with a collator (a first Intl.Collator loads
   * its own ICU data) are not needed for the first rows: until they are built in idle time after that, the filter
   * offers "All countries" and the chosen country only.
   */
  private countryChoices(policy: ProgramPolicy, lang: string, chosen: string) {
    if (this.countryList?.policy === policy && this.countryList.lang === lang) return this.countryList.countries;
    const pending = this.pendingCountryList;
    if (pending?.policy !== policy || pending.lang !== lang) {
      pending?.cancel();
      this.pendingCountryList = {
        policy,
        lang,
        cancel: whenIdle(() => {
          this.pendingCountryList = undefined;
          const collator = new Intl.Collator(lang);
          const countries = [...new Set(policy.regions.flatMap((region) => region.countries))]
            .map((code) => ({ code, name: countryName(code, lang) }))
            .sort((a, b) => collator.compare(a.name, b.name));
          this.countryList = { policy, lang, countries };
        }),
      };
    }
    return chosen ? [{ code: chosen, name: countryName(chosen, lang) }] : [];
  }

  private renderToolbar(overview: Overview) {
    const lang = this.formatLang;
    const filters = this.filters;
    const countries = this.countryChoices(overview.policy, lang, filters.country);
    const exporting = this.exportState.status === 'running';
    return html`<form part="toolbar" class="toolbar" role="search" @submit=${this.onSearchSubmit}>
      <label class="field field--search">
        <span>${msg('Search by name', { id: 'memberOverview.search' })}</span>
        <input part="search" type="search" name="q" autocomplete="off" maxlength="100" .value=${this.searchText} @input=${this.onSearchInput} />
      </label>
      <label class="field">
        <span>${msg('Tier', { id: 'memberOverview.column.tier' })}</span>
        <select part="filter" name="tier" @change=${this.onFilterChange}>
          <option value="" ?selected=${filters.tier === ''}>${msg('All tiers', { id: 'memberOverview.allTiers' })}</option>
          ${TIERS.map((tier) => html`<option value=${tier} ?selected=${filters.tier === tier}>${tierName(tier)}</option>`)}
        </select>
      </label>
      <label class="field">
        <span>${msg('Region', { id: 'memberOverview.region' })}</span>
        <select part="filter" name="region" @change=${this.onFilterChange}>
          <option value="" ?selected=${filters.region === ''}>${msg('All regions', { id: 'memberOverview.allRegions' })}</option>
          ${overview.policy.regions.map(
            (region) =>
              html`<option value=${region.code} ?selected=${filters.region === region.code}>${localizedText(region.name, lang)}</option>`,
          )}
        </select>
      </label>
      <label class="field">
        <span>${msg('Country', { id: 'memberOverview.column.country' })}</span>
        <select part="filter" name="country" @change=${this.onFilterChange}>
          <option value="" ?selected=${filters.country === ''}>${msg('All countries', { id: 'memberOverview.allCountries' })}</option>
          ${guard([countries, filters.country], () =>
            countries.map(({ code, name }) => html`<option value=${code} ?selected=${filters.country === code}>${name}</option>`),
          )}
        </select>
      </label>
      <label class="field">
        <span>${msg('Status protection ends', { id: 'memberOverview.protectionFilter' })}</span>
        <select part="filter" name="protectionEndingWithinDays" @change=${this.onFilterChange}>
          ${[0, 30, 90, 365].map(
            (days) =>
              html`<option value=${days} ?selected=${filters.protectionEndingWithinDays === days}>
                ${days === 0
                  ? msg('All members', { id: 'memberOverview.protectionAny' })
                  : msg(str`Within ${formatNumber(days, lang)} days`, { id: 'memberOverview.protectionWithin' })}
              </option>`,
          )}
        </select>
      </label>
      <label class="field">
        <span>${msg('Show', { id: 'memberOverview.segmentFilter' })}</span>
        <select part="filter" name="segment" @change=${this.onFilterChange}>
          <option value="" ?selected=${filters.segment === ''}>${msg('All members', { id: 'memberOverview.segment.all' })}</option>
          ${MEMBER_SEGMENTS.map(
            (segment) => html`<option value=${segment} ?selected=${filters.segment === segment}>${segmentName(segment)}</option>`,
          )}
        </select>
      </label>
      <label class="field">
        <span>${msg('Sort by', { id: 'memberOverview.sortControl' })}</span>
        <select part="sort" name="sort" @change=${this.onFilterChange}>
          ${MEMBER_SORTS.map((sort) => html`<option value=${sort} ?selected=${filters.sort === sort}>${sortName(sort)}</option>`)}
        </select>
      </label>
      <div class="toolbar__export">
        <button type="button" part="export-button" ?disabled=${exporting} aria-describedby="export-status" @click=${this.exportCsv}>
          ${msg('Export CSV', { id: 'memberOverview.export' })}
        </button>
        <span id="export-status" class="export-status" role="status">${this.exportText()}</span>
      </div>
    </form>`;
  }

  private exportText() {
    const state = this.exportState;
    const lang = this.formatLang;
    switch (state.status) {
      case 'running':
        return msg('Exporting…', { id: 'memberOverview.exporting' });
      case 'done':
        return msg(str`Exported ${formatNumber(state.count, lang)} members.`, { id: 'memberOverview.exported' });
      case 'error':
        return html`<span class="error-text">${errorMessage(state.error)}</span>`;
      default:
        return nothing;
    }
  }

  private renderGrid(list: MemberList, updating: boolean, lang: string) {
    const active = Math.min(this.activeIndex, list.items.length - 1);
    return html`<div
        part="grid"
        class="grid"
        role="grid"
        aria-labelledby="members-heading"
        aria-rowcount=${list.total + 1}
        aria-busy=${updating ? 'true' : 'false'}
      >
        <div role="rowgroup" class="grid__head">
          <div role="row" class="row row--head" aria-rowindex="1">
            ${this.renderColumnHeader('name', msg('Name', { id: 'memberOverview.column.name' }))}
            ${this.renderColumnHeader('tier', msg('Tier', { id: 'memberOverview.column.tier' }))}
            ${this.renderColumnHeader('country', msg('Country', { id: 'memberOverview.column.country' }))}
            ${this.renderColumnHeader('progress', msg('Progress to next tier', { id: 'memberOverview.column.progress' }))}
            ${this.renderColumnHeader('protectedUntil', msg('Protected until', { id: 'memberOverview.column.protectedUntil' }))}
          </div>
        </div>
        <div
          role="rowgroup"
          class="grid__body"
          @keydown=${this.onGridKeydown}
          @click=${this.onGridClick}
          @focusin=${this.onGridFocus}
          tabindex=${this.rows.isRendered(active) ? -1 : 0}
          aria-label=${msg('Member list', { id: 'memberOverview.listLabel' })}
        >
          ${repeat(
            this.rows.slice(list.items),
            (member) => member.partnerId,
            (member, offset) => {
              const index = this.rows.rendered.first + offset;
              return this.renderRow(member, index, index === active, lang);
            },
          )}
        </div>
      </div>
      ${list.loadingMore
        ? html`<p class="more" role="status">${msg('Loading more members…', { id: 'memberOverview.loadingMore' })}</p>`
        : list.moreError
          ? html`<div class="more" role="alert">
              <span class="error-text">${errorMessage(list.moreError)}</span>
              <button type="button" part="retry-button" @click=${() => void this.loadMore()}>${msg('Retry', { id: 'state.retry' })}</button>
            </div>`
          : nothing}`;
  }

  private renderColumnHeader(key: SortKey, label: string) {
    const sort = this.filters.sort;
    const direction = sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : undefined;
    return html`<div role="columnheader" part="column-header" class="cell cell--${key}" aria-sort=${direction ?? 'none'}>
      <button type="button" part="sort-button" class="sort-button" @click=${() => this.sortBy(key)}>
        ${label}<span class="sort-indicator${direction ? '' : ' sort-indicator--sortable'}" aria-hidden="true"
          >${direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}</span
        >
      </button>
    </div>`;
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
          ? html`<span class="cell__note">${icons.lock}${msg(str`earns ${tierName(member.earnedTier)}`, { id: 'memberOverview.earns' })}</span>`
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

  // ---- Filters, sort and search ----

  private readonly onSearchInput = (event: Event) => {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    // Wait until the user pauses typing: one request per search, not one per key.
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DEBOUNCE_MS);
  };

  private readonly onSearchSubmit = (event: Event) => {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.applySearch();
  };

  private applySearch(): void {
    if (this.filters.q !== this.searchText) this.filters = { ...this.filters, q: this.searchText };
  }

  private readonly onFilterChange = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const value = select.value;
    const name = select.name as 'tier' | 'country' | 'region' | 'protectionEndingWithinDays' | 'segment' | 'sort';
    this.filters =
      name === 'protectionEndingWithinDays' ? { ...this.filters, [name]: Number(value) } : { ...this.filters, [name]: value };
  };

  /** A summary card's link: the list takes the card's query, and the user is taken to the list. */
  private readonly showQuery = (query: MemberQuery) => {
    clearTimeout(this.searchTimer);
    this.searchText = query.q ?? '';
    this.filters = filtersOf(query);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#members-heading')?.focus());
  };

  private sortBy(key: SortKey): void {
    // A second click on the sorted column turns the order round.
    this.filters = { ...this.filters, sort: this.filters.sort === key ? (`-${key}` as MemberSort) : key };
  }

  private readonly clearFilters = () => {
    clearTimeout(this.searchTimer);
    this.searchText = '';
    this.filters = { ...NO_FILTERS, sort: this.filters.sort };
  };

  private async loadMore(): Promise<void> {
    const list = this.list;
    const client = this.settings.client;
    const orgId = this.settings.orgId;
    if (!list || !client || !orgId || !list.nextCursor || list.loadingMore || this.data.status !== TaskStatus.COMPLETE) return;
    const controller = new AbortController();
    this.pagingAbort = controller;
    this.list = { ...list, loadingMore: true, moreError: undefined };
    try {
      const page = await client.organizations.members(orgId, { ...list.query, limit: PAGE_SIZE, cursor: list.nextCursor }, { signal: controller.signal });
      // A new first page (other filters) replaced this list meanwhile: drop the stale page.
      if (this.list?.query !== list.query) return;
      this.list = { ...this.list, items: [...this.list.items, ...page.items], nextCursor: page.nextCursor, total: page.total, loadingMore: false };
    } catch (error) {
      if (this.list?.query !== list.query) return;
      // Cancelled (the widget left the page): not a failure, and scrolling may load the page again later.
      const aborted = controller.signal.aborted;
      this.list = { ...this.list, loadingMore: false, moreError: aborted ? undefined : asPartnerApiError(error) };
      if (!aborted) this.reportError(error);
    }
  }

  // ---- Keyboard and selection ----

  private rowElement(index: number): HTMLElement | null {
    return this.listBody?.querySelector<HTMLElement>(`[role='row'][data-index='${index}']`) ?? null;
  }

  private readonly onGridFocus = (event: FocusEvent) => {
    if (event.target === this.listBody) {
      void this.focusRow(this.activeIndex);
      return;
    }
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (row) this.activeIndex = Number(row.dataset.index);
  };

  private readonly onGridClick = (event: MouseEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const member = row && this.list?.items[Number(row.dataset.index)];
    if (member) this.select(member, { row: member.partnerId });
  };

  private readonly onGridKeydown = (event: KeyboardEvent) => {
    const list = this.list;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!list || !row) return;
    const index = Number(row.dataset.index);
    const last = list.items.length - 1;
    let target: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = Math.min(last, index + 1);
        break;
      case 'ArrowUp':
        target = Math.max(0, index - 1);
        break;
      case 'PageDown':
        target = Math.min(last, index + PAGE_ROWS);
        break;
      case 'PageUp':
        target = Math.max(0, index - PAGE_ROWS);
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = last;
        break;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const member = list.items[index];
        if (member) this.select(member, { row: member.partnerId });
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    void this.focusRow(target);
  };

  /** Moves focus to a row, scrolling the list (and the page, when the row is not rendered) to it first. */
  private async focusRow(index: number): Promise<void> {
    this.activeIndex = index;
    let row = this.rowElement(index);
    // Rows render only inside the window's viewport: bring the list into view, then the row into the list's.
    this.rows.scrollToRow(index);
    if (!row) {
      await this.updateComplete;
      row = this.rowElement(index);
      // A page scrolled by other means (smooth scrolling) settles within a few frames.
      for (let frame = 0; frame < 20 && !row; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        row = this.rowElement(index);
      }
    }
    await this.updateComplete;
    // Rendering it may have changed the rows' height (a row whose text needs more): scroll to it again.
    if (row) this.rows.scrollToRow(index);
    row?.focus();
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
    const index = this.list?.items.findIndex((member) => member.partnerId === opener.row) ?? -1;
    if (index >= 0) void this.updateComplete.then(() => this.focusRow(index));
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

  // ---- CSV export ----

  /** Walks every page of the filtered list (500 members per request) and offers it as a CSV file. */
  private readonly exportCsv = async () => {
    const client = this.settings.client;
    const orgId = this.settings.orgId;
    const overview = this.overview;
    if (!client || !orgId || !overview || this.exportState.status === 'running') return;
    this.exportAbort?.abort();
    const controller = new AbortController();
    this.exportAbort = controller;
    this.exportState = { status: 'running' };
    const query = toQuery(this.filters);
    try {
      const members = await client.organizations.members(orgId, { ...query, limit: EXPORT_PAGE_SIZE }, { signal: controller.signal }).all({ signal: controller.signal });
      // Outside a render, so say which language the file is in.
      const lang = this.formatLang;
      const csv = renderInLocale(this.localization.locale, () =>
        memberCsv(members, {
          lang,
          policy: overview.policy,
          organizationName: overview.organization.name,
          asOf: overview.summary.asOf,
          ...(this.csvSeparator ? { separator: this.csvSeparator } : {}),
        }),
      );
      downloadCsv(csv.text, csv.fileName);
      this.exportState = { status: 'done', count: members.length };
    } catch (error) {
      if (controller.signal.aborted) {
        this.exportState = { status: 'idle' };
        return;
      }
      const apiError = asPartnerApiError(error);
      this.exportState = { status: 'error', error: apiError };
      this.reportError(apiError);
    }
  };
}

/** A segment filter's option. */
function segmentName(segment: MemberSegment): string {
  switch (segment) {
    case 'at_risk':
      return msg('At risk of falling (earns below its tier)', { id: 'memberOverview.segment.atRisk' });
    case 'close_to_next_tier':
      return msg('Close to the next tier', { id: 'memberOverview.closeToNext' });
    case 'inactive':
      return msg('No registration in 90 days', { id: 'memberOverview.segment.inactive' });
  }
}

/** A sort control's option: the columns both ways, and the call-list orders of the summary cards. */
function sortName(sort: MemberSort): string {
  switch (sort) {
    case 'name':
      return msg('Name, A to Z', { id: 'memberOverview.sort.name' });
    case '-name':
      return msg('Name, Z to A', { id: 'memberOverview.sort.nameDesc' });
    case 'tier':
      return msg('Tier, lowest first', { id: 'memberOverview.sort.tier' });
    case '-tier':
      return msg('Tier, highest first', { id: 'memberOverview.sort.tierDesc' });
    case 'country':
      return msg('Country, A to Z', { id: 'memberOverview.sort.country' });
    case '-country':
      return msg('Country, Z to A', { id: 'memberOverview.sort.countryDesc' });
    case 'progress':
      return msg('Progress, least first', { id: 'memberOverview.sort.progress' });
    case '-progress':
      return msg('Progress, most first', { id: 'memberOverview.sort.progressDesc' });
    case 'protectedUntil':
      return msg('Protection ends, soonest first', { id: 'memberOverview.sort.protectedUntil' });
    case '-protectedUntil':
      return msg('Protection ends, latest first', { id: 'memberOverview.sort.protectedUntilDesc' });
    case 'atStake':
      return msg('Most at stake first', { id: 'memberOverview.sort.atStake' });
    case 'keepMissing':
      return msg('Fewest missing to keep the tier', { id: 'memberOverview.sort.keepMissing' });
    case 'nextTierGap':
      return msg('Smallest gap to the next tier', { id: 'memberOverview.sort.nextTierGap' });
  }
}
