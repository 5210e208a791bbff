import { initialState, TaskStatus } from '@lit/task';
import { DEAL_STATUSES, DEAL_TRANSITIONS, type Deal, type DealSort, type DealStatus } from '@poly-partner/contract';
import type { PartnerApiError } from '@poly-partner/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PartnerDealRegisteredEvent } from '../../events/partner-deal-registered-event.js';
import type { PartnerOpenDealEvent } from '../../events/partner-open-deal-event.js';
import { dealStatusName } from '../../internal/deal-status-name.js';
import { dealDiscountText, dealTypeName } from '../../internal/deal-text.js';
import { CursorPagingController } from '../../internal/cursor-paging-controller.js';
import { countryName } from '../../internal/country-name.js';
import { formatDate, formatDay, formatMoney, formatNumber } from '../../internal/format.js';
import { icons } from '../../internal/icons.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { asPartnerApiError, errorMessage, renderEmpty } from '../../internal/state-view.js';
import { msg, str } from '../../localization/localization.js';
import styles from './partner-deal-list.styles.js';

/** What the first page was loaded for. */
interface FirstPage {
  status: DealStatus | '';
  q: string;
}

/** The columns one can sort by, and the API's sort key of each. */
type SortKey = 'reference' | 'customer' | 'createdAt' | 'expectedCloseDate' | 'updatedAt';

/** Waiting this long after the last key before searching spares the API a request per letter. */
const SEARCH_DELAY_MS = 300;

/** Whether the API lets the partner withdraw a registration in this state. */
const withdrawable = (status: DealStatus) => (DEAL_TRANSITIONS[status] as readonly string[]).includes('withdrawn');

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
 * @summary A reseller's deal registrations as a work list: reference, customer, status, value, registration date,
 * close date, last change, expiry and discount, sortable by column, with a text search, a status filter, "load more",
 * a detail view (every field, the status history, the reason for a decision) and withdrawal with a confirmation.
 * Updates in place when a `<deal-registration-form>` on the page registers a deal, and highlights the new row; opens
 * a registration when the page announces `partner-open-deal`.
 *
 * @event partner-ready - The first page of registrations was loaded and is shown.
 * @event partner-error - Loading or withdrawing failed; `event.error` is the `PartnerApiError`.
 *
 * @csspart search - The text search (customer, domain, reference).
 * @csspart sort-button - A column header's button that sorts by that column.
 * @csspart open-button - A row's reference, which opens its detail view.
 * @csspart row-new - The row of the registration just made on this page.
 * @csspart detail - The detail view (a modal `<dialog>`).
 * @csspart history - The status history in the detail view.
 * @csspart withdraw-button - Starts withdrawing the registration shown (asks for confirmation first).
 * @csspart confirm-withdraw-button - Confirms the withdrawal.
 * @csspart close-button - Closes the detail view.
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

  /** Text search on the customer's name and domain and the reference. */
  @property() q = '';

  /** The order: a column's key, `-` first for descending (`-createdAt`, newest first, is the default). */
  @property({ reflect: true }) sort: DealSort = '-createdAt';

  /** Registrations changed here (withdrawn) since the page was loaded, shown in place of the loaded ones. */
  @state() private changed = new Map<string, Deal>();
  /** The registration just made on this page, highlighted once it is in the list. */
  @state() private highlightId?: string;
  /** The registration open in the detail view. */
  @state() private detail?: Deal;
  @state() private confirmingWithdraw = false;
  @state() private withdrawing = false;
  @state() private withdrawError?: PartnerApiError;
  private searchTimer?: ReturnType<typeof setTimeout>;

  /** The registrations loaded so far: the first page, then one more per "Load more". */
  private readonly paging = new CursorPagingController<Deal>(this, (error) => this.reportError(error));

  private readonly data = this.createDataTask(
    () => [this.settings.partnerId, this.status, this.limit, this.q.trim(), this.sort] as const,
    async (client, [partnerId, status, limit, q, sort], signal): Promise<FirstPage | typeof initialState> => {
      if (!partnerId) return initialState;
      const query = { ...(status ? { status } : {}), ...(q ? { q } : {}), ...(sort !== '-createdAt' ? { sort } : {}), limit };
      const page = await client.deals.list(partnerId, query, { signal });
      this.changed = new Map();
      this.paging.reset(page, (cursor, signal) => client.deals.list(partnerId, { ...query, cursor }, { signal }));
      return { status, q };
    },
  );

  private get limit(): number {
    return Math.min(200, Math.max(1, Math.round(this.pageSize) || 20));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The form fires on itself; the event is composed and bubbles, so the document hears it wherever the form is.
    document.addEventListener('partner-deal-registered', this.onRegistered);
    document.addEventListener('partner-open-deal', this.onOpenDeal);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('partner-deal-registered', this.onRegistered);
    document.removeEventListener('partner-open-deal', this.onOpenDeal);
    clearTimeout(this.searchTimer);
  }

  /** Opens the detail view of a registration of this partner, loading it when it is not in the list. */
  async openDeal(dealId: string): Promise<void> {
    const client = this.settings.client;
    let deal = this.changed.get(dealId) ?? this.paging.page.items.find((item) => item.id === dealId);
    if (!deal && client) {
      try {
        deal = await client.deals.get(dealId);
      } catch (error) {
        this.reportError(error);
        return;
      }
    }
    if (!deal) return;
    this.detail = deal;
    this.confirmingWithdraw = false;
    this.withdrawError = undefined;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Loads the list again from the first page (as after a new registration). */
  refresh(): void {
    void this.data.run();
  }

  private onRegistered = (event: PartnerDealRegisteredEvent): void => {
    if (event.deal.partnerId !== this.settings.partnerId) return;
    this.highlightId = event.deal.id;
    this.refresh();
  };

  private onOpenDeal = (event: PartnerOpenDealEvent): void => {
    void this.openDeal(event.dealId);
  };

  protected override render() {
    const task = this.data;
    // A refresh (a new filter, a new registration) keeps the rows in place rather than flashing the skeleton.
    if (task.status === TaskStatus.PENDING && task.value) return this.renderList(task.value, true);
    return this.renderTask(task, (page) => this.renderList(page, false), 6);
  }

  private renderList(page: FirstPage, busy: boolean) {
    const { page: { items: loaded, total: count, nextCursor }, loading, error } = this.paging;
    if (count === 0 && page.status === '' && page.q === '' && !busy) {
      return renderEmpty(msg('You have not registered any deals yet.', { id: 'dealList.empty' }));
    }
    const lang = this.formatLang;
    const items = loaded.map((deal) => this.changed.get(deal.id) ?? deal);
    const shown = formatNumber(items.length, lang);
    const total = formatNumber(count, lang);
    return html`<section part="base" class="list" aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'}>
      <div class="toolbar">
        <h2 id="heading" class="heading">${msg('Your deal registrations', { id: 'dealList.heading' })}</h2>
        <form class="filter" role="search" @submit=${(event: Event) => event.preventDefault()}>
          <label for="search">${msg('Search', { id: 'dealList.search' })}</label>
          <input
            id="search"
            part="search"
            type="search"
            autocomplete="off"
            placeholder=${msg('Customer, domain or reference', { id: 'dealList.searchPlaceholder' })}
            .value=${this.q}
            @input=${this.onSearch}
          />
        </form>
        <div class="filter sort-select">
          <label for="sort">${msg('Sort by', { id: 'dealList.sortBy' })}</label>
          <select id="sort" @change=${this.onSortSelect}>
            ${this.sortChoices().map(([value, text]) => html`<option value=${value} ?selected=${this.sort === value}>${text}</option>`)}
          </select>
        </div>
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
              ${page.q
                ? msg(str`No registrations match “${page.q}”.`, { id: 'dealList.emptySearch' })
                : page.status
                  ? msg(str`No registrations with the status “${dealStatusName(page.status)}”.`, { id: 'dealList.emptyFiltered' })
                  : msg('You have not registered any deals yet.', { id: 'dealList.empty' })}
            </p>
          </div>`
        : this.renderTable(items)}
      ${error
        ? html`<p part="load-more-error" class="load-more-error" role="alert">${icons.warning}<span>${errorMessage(error)}</span></p>`
        : nothing}
      ${nextCursor && items.length > 0
        ? html`<button
            type="button"
            part="load-more-button"
            class="load-more"
            aria-disabled=${loading ? 'true' : 'false'}
            @click=${this.loadMore}
          >
            ${loading
              ? msg('Loading more…', { id: 'dealList.loadingMore' })
              : error
                ? msg('Try loading more again', { id: 'dealList.loadMoreAgain' })
                : msg('Load more', { id: 'dealList.loadMore' })}
          </button>`
        : nothing}
      ${this.renderDetail()}
    </section>`;
  }

  private renderTable(items: Deal[]) {
    const lang = this.formatLang;
    const notSet = msg('Not set', { id: 'dealList.notSet' });
    const columns = {
      status: msg('Status', { id: 'dealList.status' }),
      value: msg('Estimated value', { id: 'dealList.value' }),
      createdAt: msg('Registered', { id: 'dealList.createdAt' }),
      expectedCloseDate: msg('Close date', { id: 'dealList.closeDate' }),
      updatedAt: msg('Last change', { id: 'dealList.updatedAt' }),
      expires: msg('Expires', { id: 'dealList.expires' }),
      discount: msg('Extra discount', { id: 'dealList.discount' }),
    };
    // In a narrow box each row is a card (see the styles): a cell then shows its column's name, which screen readers
    // skip (aria-hidden), as they announce the column header. The explicit roles keep the table's semantics when the
    // card layout changes the elements' display.
    const label = (text: string) => html`<span class="cell-label" aria-hidden="true">${text}</span>`;
    const dash = html`<span aria-hidden="true">—</span><span class="visually-hidden">${notSet}</span>`;
    return html`<div class="table-wrap">
      <table part="table" role="table">
        <caption id="table-caption" class="visually-hidden">
          ${msg('Deal registrations', { id: 'dealList.captionSorted' })}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            ${this.renderSortHeader('customer', msg('Customer and reference', { id: 'dealList.customerReference' }))}
            <th scope="col" role="columnheader">${columns.status}</th>
            <th scope="col" role="columnheader" class="number">${columns.value}</th>
            ${this.renderSortHeader('createdAt', columns.createdAt)}
            ${this.renderSortHeader('expectedCloseDate', columns.expectedCloseDate)}
            ${this.renderSortHeader('updatedAt', columns.updatedAt)}
            <th scope="col" role="columnheader">${columns.expires}</th>
            <th scope="col" role="columnheader">${columns.discount}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${items.map(
            (deal) => html`<tr part=${deal.id === this.highlightId ? 'row row-new' : 'row'} role="row" data-deal-id=${deal.id}
              class=${deal.id === this.highlightId ? 'row--new' : ''}>
              <th scope="row" role="rowheader" id="row-${deal.id}" tabindex="-1">
                <span class="customer">${deal.customer.name}</span>
                <span class="muted">${deal.customer.domain}</span>
                <button type="button" part="open-button" class="link" @click=${() => this.openDeal(deal.id)}>
                  <span class="visually-hidden">${msg('Open', { id: 'dealList.open' })}</span> ${deal.reference}
                </button>
                ${deal.id === this.highlightId
                  ? html`<span class="new-badge">${msg('New', { id: 'dealList.new' })}</span>`
                  : nothing}
              </th>
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
              <td role="cell">${label(columns.createdAt)}${formatDate(deal.createdAt, lang)}</td>
              <td role="cell">${label(columns.expectedCloseDate)}${formatDay(deal.expectedCloseDate, lang)}</td>
              <td role="cell">${label(columns.updatedAt)}${formatDate(deal.updatedAt, lang)}</td>
              <td role="cell">${label(columns.expires)}${deal.expiresAt ? formatDate(deal.expiresAt, lang) : dash}</td>
              <td role="cell">${label(columns.discount)}${dealDiscountText(deal.discount, lang)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** A sortable column's header: a button that sorts by it, ascending first, and `aria-sort` on the active one. */
  private renderSortHeader(key: SortKey, text: string) {
    const active = this.sort === key ? 'ascending' : this.sort === `-${key}` ? 'descending' : undefined;
    return html`<th scope="col" role="columnheader" aria-sort=${active ?? nothing}>
      <button type="button" part="sort-button" class="sort" data-sort=${key} @click=${() => this.sortBy(key)}>
        ${text}<span class="sort__mark" aria-hidden="true">${active === 'ascending' ? '▲' : active === 'descending' ? '▼' : ''}</span>
      </button>
    </th>`;
  }

  private sortBy(key: SortKey): void {
    // Dates start newest first (what a work list is read for); names and references start from A.
    const dated = key !== 'customer' && key !== 'reference';
    if (this.sort === key) this.sort = `-${key}` as DealSort;
    else if (this.sort === `-${key}`) this.sort = key;
    else this.sort = (dated ? `-${key}` : key) as DealSort;
  }

  private sortChoices(): [DealSort, string][] {
    return [
      ['-createdAt', msg('Newest registration first', { id: 'dealList.sort.createdDesc' })],
      ['createdAt', msg('Oldest registration first', { id: 'dealList.sort.createdAsc' })],
      ['-updatedAt', msg('Last changed first', { id: 'dealList.sort.updatedDesc' })],
      ['expectedCloseDate', msg('Closing soonest first', { id: 'dealList.sort.closeAsc' })],
      ['customer', msg('Customer A–Z', { id: 'dealList.sort.customer' })],
      ['reference', msg('Reference', { id: 'dealList.sort.reference' })],
    ];
  }

  private onSortSelect = (event: Event): void => {
    this.sort = (event.target as HTMLSelectElement).value as DealSort;
  };

  private onSearch = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.q = value;
    }, SEARCH_DELAY_MS);
  };

  // ---- the detail view -----------------------------------------------------------------------------------------

  private renderDetail() {
    const deal = this.detail;
    if (!deal) return nothing;
    const lang = this.formatLang;
    const field = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value}</dd>`;
    const none = msg('None', { id: 'dealList.none' });
    return html`<dialog part="detail" class="detail" aria-labelledby="detail-heading" @close=${this.onDetailClosed}>
      <h3 id="detail-heading" class="detail__heading" tabindex="-1">
        ${msg(str`Registration ${deal.reference}`, { id: 'dealList.detailHeading' })}
      </h3>
      <dl class="detail__fields">
        ${field(msg('Status', { id: 'dealList.status' }), dealStatusName(deal.status))}
        ${deal.decisionReason ? field(msg('Reason given by Poly', { id: 'dealList.decisionReason' }), deal.decisionReason) : nothing}
        ${field(msg('Type', { id: 'dealList.type' }), dealTypeName(deal.type))}
        ${field(msg('Customer', { id: 'dealList.customer' }), `${deal.customer.name} (${countryName(deal.customer.country, lang)})`)}
        ${field(msg('Web domain', { id: 'dealList.domain' }), deal.customer.domain)}
        ${field(msg('VAT ID', { id: 'dealList.vatId' }), deal.customer.vatId ?? none)}
        ${deal.customer.contact
          ? // A distributor's view of a deal has no contact person: the customer was not named to it.
            field(
              msg('Contact', { id: 'dealList.contact' }),
              [deal.customer.contact.name, deal.customer.contact.email, deal.customer.contact.phone].filter(Boolean).join(', '),
            )
          : nothing}
        ${field(
          msg('Products', { id: 'dealList.products' }),
          deal.products.map((line) => `${formatNumber(line.quantity, lang)} × ${line.sku}`).join(', '),
        )}
        ${field(msg('Estimated value', { id: 'dealList.value' }), formatMoney(deal.estimatedValue.amount, deal.estimatedValue.currency, lang))}
        ${field(msg('Close date', { id: 'dealList.closeDate' }), formatDay(deal.expectedCloseDate, lang))}
        ${field(
          msg('Expires', { id: 'dealList.expires' }),
          deal.expiresAt ? formatDate(deal.expiresAt, lang) : msg('Set when Poly approves the registration', { id: 'dealList.expiresOnApproval' }),
        )}
        ${field(msg('Extra discount', { id: 'dealList.discount' }), dealDiscountText(deal.discount, lang))}
        ${deal.notes ? field(msg('Notes', { id: 'dealList.notes' }), deal.notes) : nothing}
      </dl>
      <h4 class="detail__subheading">${msg('History', { id: 'dealList.history' })}</h4>
      <ol part="history" class="history">
        ${deal.history.map((entry) => html`<li><time datetime=${entry.at}>${formatDate(entry.at, lang)}</time> ${dealStatusName(entry.status)}</li>`)}
      </ol>
      ${this.withdrawError
        ? html`<p class="load-more-error" role="alert">${icons.warning}<span>${errorMessage(this.withdrawError)}</span></p>`
        : nothing}
      <div class="detail__actions">
        ${withdrawable(deal.status) && !this.confirmingWithdraw
          ? html`<button type="button" part="withdraw-button" class="secondary" @click=${this.askWithdraw}>
              ${msg('Withdraw registration', { id: 'dealList.withdraw' })}
            </button>`
          : nothing}
        ${this.confirmingWithdraw
          ? html`<div class="confirm" role="group" aria-labelledby="confirm-text">
              <p id="confirm-text">
                ${msg(str`Withdraw ${deal.reference}? Poly stops protecting this customer for you; this cannot be undone.`, {
                  id: 'dealList.confirmWithdraw',
                })}
              </p>
              <button type="button" part="confirm-withdraw-button" ?disabled=${this.withdrawing} @click=${this.withdraw}>
                ${this.withdrawing ? msg('Withdrawing…', { id: 'dealList.withdrawing' }) : msg('Yes, withdraw', { id: 'dealList.confirmYes' })}
              </button>
              <button type="button" class="secondary" @click=${this.cancelWithdraw}>${msg('Keep it', { id: 'dealList.confirmNo' })}</button>
            </div>`
          : nothing}
        <button type="button" part="close-button" class="secondary" @click=${this.closeDetail}>${msg('Close', { id: 'dealList.close' })}</button>
      </div>
    </dialog>`;
  }

  private askWithdraw = async (): Promise<void> => {
    this.confirmingWithdraw = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="confirm-withdraw-button"]')?.focus();
  };

  private cancelWithdraw = async (): Promise<void> => {
    this.confirmingWithdraw = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="withdraw-button"]')?.focus();
  };

  private withdraw = async (): Promise<void> => {
    const client = this.settings.client;
    const deal = this.detail;
    if (!client || !deal || this.withdrawing) return;
    this.withdrawing = true;
    this.withdrawError = undefined;
    try {
      const withdrawn = await client.deals.withdraw(deal.id);
      this.changed = new Map(this.changed).set(withdrawn.id, withdrawn);
      this.detail = withdrawn;
      this.confirmingWithdraw = false;
    } catch (error) {
      this.withdrawError = asPartnerApiError(error);
      this.reportError(error);
    } finally {
      this.withdrawing = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.withdrawError ? '[part~="confirm-withdraw-button"]' : '#detail-heading')?.focus();
  };

  private closeDetail = (): void => {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
  };

  private onDetailClosed = async (): Promise<void> => {
    const id = this.detail?.id;
    this.detail = undefined;
    this.confirmingWithdraw = false;
    await this.updateComplete;
    // Back to the row the detail was opened from.
    if (id) this.renderRoot.querySelector<HTMLElement>(`[data-deal-id="${CSS.escape(id)}"] [part~="open-button"]`)?.focus();
  };

  private onFilter = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.status = isDealStatus(value) ? value : '';
  };

  private loadMore = async (): Promise<void> => {
    const added = await this.paging.more();
    // The button may be gone (last page): keep the keyboard user where the new rows start.
    const first = added[0];
    if (first && !this.paging.page.nextCursor) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`row-${first.id}`)}`)?.focus();
    }
  };
}
