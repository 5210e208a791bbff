// The member list's search, filters and sort (the toolbar and the sortable column headers) of
// <partner-member-overview>, and the API query they make.
import { MEMBER_SEGMENTS, MEMBER_SORTS, TIERS, type MemberQuery, type MemberSort, type ProgramPolicy, type Tier } from '@poly-partner/contract';
import { html, type LitElement, type ReactiveController } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg, str } from '../../localization/localization.js';
import { localizedText } from '../../internal/criterion-text.js';
import { countryName } from '../../internal/country-name.js';
import { formatNumber } from '../../internal/format.js';
import { whenIdle } from '../../internal/idle.js';
import { tierName } from '../../internal/tier.js';

const SEARCH_DEBOUNCE_MS = 300;

/** Columns the list sorts by; each matches a `sort` of the API (`-` prefix: descending). */
type SortKey = 'name' | 'tier' | 'country' | 'progress' | 'protectedUntil';

/** What the user filtered, sorted and searched for; replaced (never mutated) so the task sees each change. */
export interface MemberFilters {
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

export function toQuery(filters: MemberFilters): MemberQuery {
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
 * What the user filtered, sorted and searched for. `filters` is replaced (never mutated) and the host renders again,
 * so a data task with `filters` among its arguments loads the list anew.
 */
export class MemberFiltersController implements ReactiveController {
  filters: MemberFilters = NO_FILTERS;
  /** The search field's text; copied to `filters.q` once the user pauses typing. */
  private searchText = '';
  private searchTimer?: ReturnType<typeof setTimeout>;
  private readonly host: LitElement;

  constructor(host: LitElement) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.searchTimer);
    this.pendingCountryList?.cancel();
    this.pendingCountryList = undefined;
  }

  /** Starts from `filters` (none: from scratch), with `searchText` in the search field. */
  reset(filters = NO_FILTERS, searchText = ''): void {
    clearTimeout(this.searchTimer);
    this.searchText = searchText;
    this.set(filters);
  }

  private set(filters: MemberFilters): void {
    this.filters = filters;
    this.host.requestUpdate();
  }

  /** The sortable column headers of the grid, in the order of its cells. */
  renderColumnHeaders() {
    return html`${this.renderColumnHeader('name', msg('Name', { id: 'memberOverview.column.name' }))}
            ${this.renderColumnHeader('tier', msg('Tier', { id: 'memberOverview.column.tier' }))}
            ${this.renderColumnHeader('country', msg('Country', { id: 'memberOverview.column.country' }))}
            ${this.renderColumnHeader('progress', msg('Progress to next tier', { id: 'memberOverview.column.progress' }))}
            ${this.renderColumnHeader('protectedUntil', msg('Protected until', { id: 'memberOverview.column.protectedUntil' }))}`;
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

  /** The program's countries by name; kept, as the toolbar renders again with every scrolled row. */
  private countryList?: { policy: ProgramPolicy; lang: string; countries: { code: string; name: string }[] };
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
          this.host.requestUpdate();
        }),
      };
    }
    return chosen ? [{ code: chosen, name: countryName(chosen, lang) }] : [];
  }

  /** Search, filters and sort; `end` goes last (the export). */
  renderToolbar(policy: ProgramPolicy, lang: string, end: unknown) {
    const filters = this.filters;
    const countries = this.countryChoices(policy, lang, filters.country);
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
          ${policy.regions.map(
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
      ${end}
    </form>`;
  }

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
    if (this.filters.q !== this.searchText) this.set({ ...this.filters, q: this.searchText });
  }

  private readonly onFilterChange = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const value = select.value;
    const name = select.name as 'tier' | 'country' | 'region' | 'protectionEndingWithinDays' | 'segment' | 'sort';
    this.set(name === 'protectionEndingWithinDays' ? { ...this.filters, [name]: Number(value) } : { ...this.filters, [name]: value });
  };

  /** A summary card's link: the list takes the card's query, and the user is taken to the list. */
  readonly showQuery = (query: MemberQuery) => {
    this.reset(filtersOf(query), query.q);
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#members-heading')?.focus());
  };

  private sortBy(key: SortKey): void {
    // A second click on the sorted column turns the order round.
    this.set({ ...this.filters, sort: this.filters.sort === key ? (`-${key}` as MemberSort) : key });
  }

  readonly clearFilters = () => this.reset({ ...NO_FILTERS, sort: this.filters.sort });
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
