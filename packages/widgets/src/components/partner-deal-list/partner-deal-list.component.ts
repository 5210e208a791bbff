import { initialState, TaskStatus } from '@lit/task';
import { DEAL_STATUSES, type Deal, type DealStatus } from '@poly-partner/contract';
import type { PartnerApiError } from '@poly-partner/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PartnerDealRegisteredEvent } from '../../events/partner-deal-registered-event.js';
import { dealStatusName } from '../../internal/deal-status-name.js';
import { dealDiscountText, dealTypeName } from '../../internal/deal-text.js';
import { formatDate, formatMoney, formatNumber } from '../../internal/format.js';
import { icons } from '../../internal/icons.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { asPartnerApiError, errorMessage, renderEmpty } from '../../internal/state-view.js';
import { msg, str } from '../../localization/localization.js';
import styles from './partner-deal-list.styles.js';

interface FirstPage {
  items: Deal[];
  total: number;
  status: DealStatus | '';
}

const isDealStatus = (value: string): value is DealStatus => (DEAL_STATUSES as readonly string[]).includes(value);

/** An icon per state, beside its name: decided in the partner's favour, waiting, or closed. */
function statusIcon(status: DealStatus) {
  switch (status) {
    case 'approved':
    case 'won':
      return icons.check;
    case 'submitted':
    case 'under_review':
      return icons.clock;
    case 'rejected':
      return icons.warning;
    default:
      return icons.open;
  }
}

/**
 * @summary A reseller's deal registrations — customer, type, status, value, expiry and discount — with a status
 * filter and "load more". Refreshes itself when a `<deal-registration-form>` on the page registers a deal.
 *
 * @event partner-ready - The first page of registrations was loaded and is shown.
 * @event partner-error - Loading failed; `event.error` is the `PartnerApiError`.
 *
 * @csspart base - The widget's box; also `loading`, `empty` or `error` while so.
 * @csspart filter - The status filter (a `<select>`).
 * @csspart count - How many registrations are shown of how many.
 * @csspart table - The table of registrations.
 * @csspart row - One registration.
 * @csspart status - A registration's status (icon and words); also `status-<state>`, e.g. `status-approved`.
 * @csspart empty - "No registrations" when a filter matches none.
 * @csspart load-more-button - Loads the next page.
 * @csspart load-more-error - Why the next page did not load.
 * @csspart retry-button - Retry after a loading error.
 *
 * @cssproperty --partner-deal-list-surface - Background (default `--partner-color-surface`).
 * @cssproperty --partner-deal-list-border-color - Border (default `--partner-color-border`).
 * @cssproperty --partner-deal-list-row-border-color - Lines between rows (default `--partner-color-border`).
 * @cssproperty --partner-deal-list-header-background - Table header (default `--partner-color-surface-raised`).
 * @cssproperty --partner-deal-list-max-width - Widest the widget grows (default 60rem).
 */
export class PartnerDealList extends PartnerElement {
  static override styles = [PartnerElement.styles, styles];

  /** The reseller; defaults to `<partner-config partner-id>`. */
  @property({ attribute: 'partner-id' }) partnerId?: string;

  /** Registrations per page (1–200). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20;

  /** Only registrations in this state; empty for all. */
  @property({ reflect: true }) status: DealStatus | '' = '';

  /** Pages loaded with "load more", after the first. */
  @state() private more: Deal[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError?: PartnerApiError;

  /** Bumped by every first-page load, so a "load more" answer for an older filter is dropped. */
  private generation = 0;

  private readonly data = this.createDataTask(
    () => [this.settings.partnerId, this.status, this.limit] as const,
    async (client, [partnerId, status, limit], signal): Promise<FirstPage | typeof initialState> => {
      if (!partnerId) return initialState;
      const page = await client.deals.list(partnerId, { ...(status ? { status } : {}), limit }, { signal });
      this.generation += 1;
      this.more = [];
      this.nextCursor = page.nextCursor;
      this.moreError = undefined;
      return { items: page.items, total: page.total, status };
    },
  );

  private get limit(): number {
    return Math.min(200, Math.max(1, Math.round(this.pageSize) || 20));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The form fires on itself; the event is composed and bubbles, so the document hears it wherever the form is.
    document.addEventListener('partner-deal-registered', this.onRegistered);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('partner-deal-registered', this.onRegistered);
  }

  /** Loads the list again from the first page (as after a new registration). */
  refresh(): void {
    void this.data.run();
  }

  private onRegistered = (event: PartnerDealRegisteredEvent): void => {
    if (event.deal.partnerId === this.settings.partnerId) this.refresh();
  };

  protected override render() {
    const task = this.data;
    // A refresh (a new filter, a new registration) keeps the rows in place rather than flashing the skeleton.
    if (task.status === TaskStatus.PENDING && task.value) return this.renderList(task.value, true);
    return this.renderTask(task, (page) => this.renderList(page, false), 6);
  }

  private renderList(page: FirstPage, busy: boolean) {
    if (page.total === 0 && page.status === '' && !busy) {
      return renderEmpty(msg('You have not registered any deals yet.', { id: 'dealList.empty' }));
    }
    const lang = this.formatLang;
    const items = [...page.items, ...this.more];
    const shown = formatNumber(items.length, lang);
    const total = formatNumber(page.total, lang);
    return html`<section part="base" class="list" aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'}>
      <div class="toolbar">
        <h2 id="heading" class="heading">${msg('Your deal registrations', { id: 'dealList.heading' })}</h2>
        <div class="filter">
          <label for="status-filter">${msg('Status', { id: 'dealList.statusFilter' })}</label>
          <select id="status-filter" part="filter" @change=${this.onFilter}>
            <option value="" ?selected=${this.status === ''}>${msg('All statuses', { id: 'dealList.allStatuses' })}</option>
            ${DEAL_STATUSES.map(
              (status) => html`<option value=${status} ?selected=${this.status === status}>${dealStatusName(status)}</option>`,
            )}
          </select>
        </div>
      </div>
      <p part="count" class="count" role="status">
        ${busy
          ? msg('Updating…', { id: 'dealList.updating' })
          : msg(str`Showing ${shown} of ${total}`, { id: 'dealList.count' })}
      </p>
      ${items.length === 0
        ? html`<div part="empty" class="state state--empty">
            ${icons.empty}
            <p>
              ${page.status
                ? msg(str`No registrations with the status “${dealStatusName(page.status)}”.`, { id: 'dealList.emptyFiltered' })
                : msg('You have not registered any deals yet.', { id: 'dealList.empty' })}
            </p>
          </div>`
        : this.renderTable(items)}
      ${this.moreError
        ? html`<p part="load-more-error" class="load-more-error" role="alert">${icons.warning}<span>${errorMessage(this.moreError)}</span></p>`
        : nothing}
      ${this.nextCursor && items.length > 0
        ? html`<button
            type="button"
            part="load-more-button"
            class="load-more"
            aria-disabled=${this.loadingMore ? 'true' : 'false'}
            @click=${this.loadMore}
          >
            ${this.loadingMore
              ? msg('Loading more…', { id: 'dealList.loadingMore' })
              : this.moreError
                ? msg('Try loading more again', { id: 'dealList.loadMoreAgain' })
                : msg('Load more', { id: 'dealList.loadMore' })}
          </button>`
        : nothing}
    </section>`;
  }

  private renderTable(items: Deal[]) {
    const lang = this.formatLang;
    const notSet = msg('Not set', { id: 'dealList.notSet' });
    const columns = {
      type: msg('Type', { id: 'dealList.type' }),
      status: msg('Status', { id: 'dealList.status' }),
      value: msg('Estimated value', { id: 'dealList.value' }),
      expires: msg('Expires', { id: 'dealList.expires' }),
      discount: msg('Extra discount', { id: 'dealList.discount' }),
    };
    // In a narrow box each row is a card (see the styles): a cell then shows its column's name, which screen readers
    // skip (aria-hidden), as they announce the column header. The explicit roles keep the table's semantics when the
    // card layout changes the elements' display.
    const label = (text: string) => html`<span class="cell-label" aria-hidden="true">${text}</span>`;
    return html`<div class="table-wrap">
      <table part="table" role="table">
        <caption id="table-caption" class="visually-hidden">
          ${msg('Deal registrations, newest first', { id: 'dealList.caption' })}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">${msg('Customer', { id: 'dealList.customer' })}</th>
            <th scope="col" role="columnheader">${columns.type}</th>
            <th scope="col" role="columnheader">${columns.status}</th>
            <th scope="col" role="columnheader" class="number">${columns.value}</th>
            <th scope="col" role="columnheader">${columns.expires}</th>
            <th scope="col" role="columnheader">${columns.discount}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${items.map(
            (deal) => html`<tr part="row" role="row" data-deal-id=${deal.id}>
              <th scope="row" role="rowheader" id="row-${deal.id}" tabindex="-1">
                <span class="customer">${deal.customer.name}</span>
                <span class="muted">${deal.customer.domain}</span>
              </th>
              <td role="cell">${label(columns.type)}${dealTypeName(deal.type)}</td>
              <td role="cell">
                ${label(columns.status)}
                <span part="status status-${deal.status}" class="status status--${deal.status}">
                  ${statusIcon(deal.status)}${dealStatusName(deal.status)}
                </span>
                ${deal.conflict
                  ? html`<span class="muted">${msg('Also registered by another partner', { id: 'dealList.conflict' })}</span>`
                  : nothing}
              </td>
              <td role="cell" class="number">${label(columns.value)}${formatMoney(deal.estimatedValue.amount, deal.estimatedValue.currency, lang)}</td>
              <td role="cell">
                ${label(columns.expires)}
                ${deal.expiresAt
                  ? formatDate(deal.expiresAt, lang)
                  : html`<span aria-hidden="true">—</span><span class="visually-hidden">${notSet}</span>`}
              </td>
              <td role="cell">${label(columns.discount)}${dealDiscountText(deal.discount, lang)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private onFilter = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.status = isDealStatus(value) ? value : '';
  };

  private loadMore = async (): Promise<void> => {
    const client = this.settings.client;
    const partnerId = this.settings.partnerId;
    const cursor = this.nextCursor;
    if (!client || !partnerId || !cursor || this.loadingMore) return;
    const generation = this.generation;
    this.loadingMore = true;
    this.moreError = undefined;
    let added: Deal[] = [];
    try {
      const page = await client.deals.list(partnerId, { ...(this.status ? { status: this.status } : {}), cursor, limit: this.limit });
      if (generation !== this.generation) return;
      added = page.items;
      this.more = [...this.more, ...page.items];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (generation !== this.generation) return;
      this.moreError = asPartnerApiError(error);
      this.reportError(error);
    } finally {
      this.loadingMore = false;
    }
    // The button may be gone (last page): keep the keyboard user where the new rows start.
    const first = added[0];
    if (first && !this.nextCursor) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`row-${first.id}`)}`)?.focus();
    }
  };
}
