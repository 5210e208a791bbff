import { initialState } from '@lit/task';
import { DEAL_TYPES, type Deal, type DealStatus, type PartnerProfile, type Product } from '@poly-partner/contract';
import type { PartnerApiError } from '@poly-partner/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { PartnerDealRegisteredEvent } from '../../events/partner-deal-registered-event.js';
import { PartnerOpenDealEvent } from '../../events/partner-open-deal-event.js';
import { cachedCountryOptions, countryOptions } from '../../internal/country-codes.js';
import { whenIdle } from '../../internal/idle.js';
import { dealStatusName } from '../../internal/deal-status-name.js';
import { conflictNotice, dealDiscountText, dealTypeName } from '../../internal/deal-text.js';
import { DraftController } from '../../internal/draft-controller.js';
import { countryName, formatDate, warmUpCountryNames } from '../../internal/format.js';
import { icons } from '../../internal/icons.js';
import { echoAmount, farFromListPrice, readAmount } from '../../internal/money-input.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { asPartnerApiError, errorMessage } from '../../internal/state-view.js';
import { msg, str } from '../../localization/localization.js';
import {
  conflictCheckCustomer,
  CURRENCIES,
  isDealType,
  issueMessage,
  localDay,
  issuesFromServer,
  newDraft,
  newLine,
  parseDraft,
  validateDraft,
  type DealDraft,
  type DraftContext,
  type DraftTextField,
  type FieldIssue,
} from './deal-draft.js';
import { customerExamples, type CustomerExamples } from './customer-examples.js';
import styles from './deal-registration-form.styles.js';

/** The control each API path is entered in (product lines and the type radios are resolved in `controlId`). */
const CONTROL_IDS: Record<string, string> = {
  'customer.name': 'customer-name',
  'customer.country': 'country',
  'customer.domain': 'domain',
  'customer.vatId': 'vat-id',
  'customer.contact.name': 'contact-name',
  'customer.contact.email': 'email',
  'customer.contact.phone': 'phone',
  'customer.contact.consent': 'consent',
  products: 'add-product',
  'estimatedValue.amount': 'amount',
  'estimatedValue.currency': 'currency',
  expectedCloseDate: 'close-date',
  distributorId: 'distributor',
  notes: 'notes',
};

interface FormData {
  products: Product[];
  partner: PartnerProfile;
  /** The programme's horizon for close dates, when its policy could be read. */
  maxCloseDays?: number;
}

interface TextFieldOptions {
  type?: 'email' | 'tel' | 'date';
  /** Bound as a property: the DOM's `AutoFill` type knows `section-*` tokens, the HTML attribute data does not. */
  autocomplete: AutoFill;
  inputmode?: string;
  optional?: boolean;
  hint?: string;
  min?: string;
  max?: string;
  /** An element shown under the control that describes it too (the amount's echo). */
  after?: { id: string; content: unknown };
}

/**
 * @summary Registers an opportunity, deal or project with Poly: end customer, contact, products, value, close date
 * and distributor, validated as the API validates, with a conflict pre-check, a draft kept while the user types,
 * and a submit that is safe to repeat.
 *
 * @event partner-deal-registered - The API accepted the registration; `event.deal` is the created registration.
 * @event partner-open-deal - The user chose to open the partner's own registration of the same customer instead;
 * `event.dealId` and `event.reference` name it. A `<partner-deal-list>` on the page opens it.
 * @event partner-ready - The catalogue and partner profile were loaded and the form is shown.
 * @event partner-error - Loading or submitting failed; `event.error` is the `PartnerApiError`.
 *
 * @csspart base - The widget's box (the form, the success view, or `loading` / `error` while so).
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown at the top after a submit; takes focus.
 * @csspart submit-error - Why the last submit failed (network, server); the entries are kept.
 * @csspart draft-notice - Says that unsent entries were restored.
 * @csspart discard-draft-button - Throws the restored entries away.
 * @csspart conflict-notice - Another partner has registered this end customer.
 * @csspart own-registration - The partner itself holds an active registration of this customer (its reference).
 * @csspart open-own-registration-button - Fires `partner-open-deal` for that registration.
 * @csspart field - One label with its control, hint and error.
 * @csspart field-error - A field's error message.
 * @csspart amount-echo - Beside the amount: the value as it will be sent, with its currency, or why it cannot be read.
 * @csspart product-line - One product with its quantity.
 * @csspart add-product-button - Adds a product line.
 * @csspart remove-product-button - Removes a product line.
 * @csspart submit-button - Sends the registration.
 * @csspart success - The view after a registration was accepted.
 * @csspart reference - The new registration's reference (`R-26-004711`) in the success view.
 * @csspart show-in-list-button - Fires `partner-open-deal` for the new registration (a deal list on the page opens it).
 * @csspart register-another-button - Starts a new registration.
 * @csspart retry-button - Retry after a loading error.
 *
 * @cssproperty --partner-deal-registration-form-surface - Background (default `--partner-color-surface`).
 * @cssproperty --partner-deal-registration-form-border-color - Border (default `--partner-color-border`).
 * @cssproperty --partner-deal-registration-form-field-border-color - Border of the controls (default `--partner-color-border`).
 * @cssproperty --partner-deal-registration-form-error-color - Error text and invalid controls (default `--partner-color-danger`).
 * @cssproperty --partner-deal-registration-form-max-width - Widest the widget grows (default 46rem).
 */
export class DealRegistrationForm extends PartnerElement {
  static override styles = [PartnerElement.styles, styles];

  /** The reseller registering; defaults to `<partner-config partner-id>`. */
  @property({ attribute: 'partner-id' }) partnerId?: string;

  @state() private draft?: DealDraft;
  /** Problems shown beside the fields (and in the summary when `showSummary`). */
  @state() private issues: FieldIssue[] = [];
  @state() private showSummary = false;
  @state() private submitting = false;
  @state() private submitError?: PartnerApiError;
  @state() private conflict = false;
  /** The partner's own active registration of this customer, from the pre-check. */
  @state() private ownRegistration?: { dealId: string; reference: string; status: DealStatus };
  @state() private restored = false;
  @state() private registered?: Deal;

  /** The partner the current draft belongs to: a draft never moves to another partner. */
  private draftOwner?: string;
  /** After the first submit, fields are re-checked as the user corrects them. */
  private validateLive = false;
  private conflictRequest?: AbortController;

  // Keyed by partner: one browser may serve several partners (an aggregator's staff, a shared workstation).
  private readonly drafts = new DraftController<DealDraft>(this, {
    key: () => (this.draftOwner ? `poly-partner-widgets:deal-draft:${this.draftOwner}` : undefined),
    parse: parseDraft,
  });

  private readonly data = this.createDataTask(
    () => [this.settings.partnerId] as const,
    async (client, [partnerId], signal): Promise<FormData | typeof initialState> => {
      if (!partnerId) return initialState;
      const [products, partner, maxCloseDays] = await Promise.all([
        client.products.list({ signal }),
        client.partners.get(partnerId, { signal }),
        // The horizon is a convenience (the API checks it too): a policy that fails to load does not hold the form.
        client.program.get({ signal }).then(
          (policy) => policy.deals.maxCloseDays,
          () => undefined,
        ),
      ]);
      if (this.draftOwner !== partnerId) this.startDraft(partnerId, partner);
      return { products: products.items, partner, ...(maxCloseDays !== undefined ? { maxCloseDays } : {}) };
    },
  );

  /** Cancels building the country names in idle time (see renderCountry). */
  private cancelCountries?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // The chosen country's name, in idle time while the data is on its way rather than in the task that shows the
    // form (a first Intl.DisplayNames loads its ICU data). The draft's storage is opened likewise (DraftController).
    warmUpCountryNames(this.formatLang);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.conflictRequest?.abort();
    this.cancelCountries?.();
    this.cancelCountries = undefined;
  }

  private startDraft(partnerId: string, partner: PartnerProfile): void {
    this.drafts.flush();
    this.draftOwner = partnerId;
    const stored = this.drafts.load();
    this.draft = stored ?? newDraft(partner);
    this.restored = stored !== undefined;
    this.issues = [];
    this.showSummary = false;
    this.submitError = undefined;
    this.registered = undefined;
    this.conflict = false;
    this.ownRegistration = undefined;
    this.validateLive = false;
  }

  protected override render() {
    return this.renderTask(
      this.data,
      (data) => (this.registered ? this.renderSuccess(this.registered) : this.draft ? this.renderForm(data, this.draft) : nothing),
      10,
    );
  }

  // ---- the form ------------------------------------------------------------------------------------------------

  private renderForm(data: FormData, draft: DealDraft) {
    return html`<form
      part="base form"
      class="form"
      novalidate
      aria-labelledby="heading"
      @submit=${this.onSubmit}
      @input=${this.onInput}
      @change=${this.onChange}
      @focusin=${this.onReachCountry}
      @pointerdown=${this.onReachCountry}
    >
      <h2 id="heading" class="heading">${this.headingText(draft.type)}</h2>
      ${this.restored
        ? html`<div part="draft-notice" class="notice" role="status">
            <p>${msg('We restored the entries you had not sent yet.', { id: 'dealForm.restored' })}</p>
            <button type="button" part="discard-draft-button" class="secondary" @click=${this.discardDraft}>
              ${msg('Start over with an empty form', { id: 'dealForm.discardDraft' })}
            </button>
          </div>`
        : nothing}
      ${this.renderErrorSummary()} ${this.renderSubmitError()}

      <fieldset class="group">
        <legend>${msg('Type of registration', { id: 'dealForm.type' })}</legend>
        ${this.renderFieldError('type')}
        <div class="choices">
          ${DEAL_TYPES.map(
            (type) => html`<label class="choice">
              <input
                type="radio"
                id="type-${type}"
                name="type"
                value=${type}
                .checked=${live(draft.type === type)}
                aria-invalid=${ifDefined(this.issueAt('type') ? 'true' : undefined)}
                aria-describedby=${ifDefined(this.issueAt('type') ? 'type-error' : undefined)}
              />
              ${dealTypeName(type)}
            </label>`,
          )}
        </div>
      </fieldset>

      <fieldset class="group">
        <legend>${msg('End customer', { id: 'dealForm.customer' })}</legend>
        <div class="grid">
          ${this.renderText('customer.name', 'customerName', msg('Legal name', { id: 'dealForm.customerName' }), {
            // "section-customer": these are the end customer's details, not the signed-in user's own.
            autocomplete: 'section-customer organization',
          })}
          ${this.renderCountry(draft)}
          ${this.renderText('customer.domain', 'domain', msg('Web domain', { id: 'dealForm.domain' }), {
            autocomplete: 'off',
            inputmode: 'url',
            hint: msg(str`For example ${this.examples().domain}`, { id: 'dealForm.domainHintFor' }),
          })}
          ${this.renderText('customer.vatId', 'vatId', msg('VAT ID', { id: 'dealForm.vatId' }), {
            autocomplete: 'off',
            optional: true,
            hint: this.examples().vatId
              ? msg(str`For example ${this.examples().vatId}`, { id: 'dealForm.vatIdHintFor' })
              : msg('Starts with the two-letter country code', { id: 'dealForm.vatIdHintGeneric' }),
          })}
        </div>
        <div part="conflict-notice" class="conflict" role="status">${this.conflict ? html`${icons.warning}<p>${conflictNotice()}</p>` : nothing}</div>
        <div part="own-registration" class="conflict" role="status">${this.renderOwnRegistration()}</div>
      </fieldset>

      <fieldset class="group">
        <legend>${msg('Contact at the end customer', { id: 'dealForm.contact' })}</legend>
        <div class="grid">
          ${this.renderText('customer.contact.name', 'contactName', msg('Name', { id: 'dealForm.contactName' }), {
            autocomplete: 'section-customer name',
          })}
          ${this.renderText('customer.contact.email', 'email', msg('Email', { id: 'dealForm.email' }), {
            type: 'email',
            autocomplete: 'section-customer email',
          })}
          ${this.renderText('customer.contact.phone', 'phone', msg('Phone', { id: 'dealForm.phone' }), {
            type: 'tel',
            autocomplete: 'section-customer tel',
            optional: true,
          })}
        </div>
        <div part="field" class="field field--check">
          <label class="choice">
            <input
              type="checkbox"
              id="consent"
              name="consent"
              .checked=${live(draft.consent)}
              aria-invalid=${ifDefined(this.issueAt('customer.contact.consent') ? 'true' : undefined)}
              aria-describedby=${ifDefined(this.issueAt('customer.contact.consent') ? 'consent-error' : undefined)}
            />
            ${msg('The contact agreed to be named to Poly for this registration.', { id: 'dealForm.consent' })}
          </label>
          ${this.renderFieldError('customer.contact.consent')}
        </div>
      </fieldset>

      ${this.renderProducts(data.products, draft)}

      <fieldset class="group">
        <legend>${msg('Value and timing', { id: 'dealForm.valueAndTiming' })}</legend>
        <div class="grid">
          ${this.renderText('estimatedValue.amount', 'amount', msg('Estimated value', { id: 'dealForm.amount' }), {
            // Text, not type=number: a number field reads "38.500" by the browser's locale, not the widget's.
            inputmode: 'decimal',
            autocomplete: 'off',
            after: { id: 'amount-echo', content: this.renderAmountEcho(data.products, draft) },
          })}
          ${this.renderSelect(
            'estimatedValue.currency',
            'currency',
            msg('Currency', { id: 'dealForm.currency' }),
            CURRENCIES.map((code) => [code, code] as [string, string]),
          )}
          ${this.renderText('expectedCloseDate', 'expectedCloseDate', msg('Expected close date', { id: 'dealForm.closeDate' }), {
            type: 'date',
            autocomplete: 'off',
            min: localDay(),
            ...(data.maxCloseDays !== undefined ? { max: localDay(data.maxCloseDays) } : {}),
          })}
          ${this.renderSelect(
            'distributorId',
            'distributorId',
            msg('Distributor', { id: 'dealForm.distributor' }),
            data.partner.distributors.map(({ id, name }) => [id, name] as [string, string]),
            msg('Choose a distributor', { id: 'dealForm.chooseDistributor' }),
          )}
        </div>
        ${this.renderNotes(draft)}
      </fieldset>

      <div class="actions">
        <button type="submit" part="submit-button" class="submit" ?disabled=${this.submitting}>
          ${this.submitting
            ? msg('Registering…', { id: 'dealForm.submitting' })
            : this.submitText(draft.type)}
        </button>
      </div>
    </form>`;
  }

  /** Examples of domain and VAT id in the format of the customer's country. */
  private examples(): CustomerExamples {
    return customerExamples(this.draft?.country ?? '', this.localization.locale);
  }

  private headingText(type: string): string {
    switch (type) {
      case 'opportunity':
        return msg('Register an opportunity', { id: 'dealForm.heading.opportunity' });
      case 'project':
        return msg('Register a project', { id: 'dealForm.heading.project' });
      default:
        return msg('Register a deal', { id: 'dealForm.heading' });
    }
  }

  private submitText(type: string): string {
    switch (type) {
      case 'opportunity':
        return msg('Register opportunity', { id: 'dealForm.submit.opportunity' });
      case 'project':
        return msg('Register project', { id: 'dealForm.submit.project' });
      default:
        return msg('Register deal', { id: 'dealForm.submit' });
    }
  }

  private renderOwnRegistration() {
    const own = this.ownRegistration;
    if (!own) return nothing;
    const { reference } = own;
    const status = dealStatusName(own.status);
    return html`${icons.warning}
      <div>
        <p>
          ${msg(str`You have already registered this customer: ${reference} (${status}). Registering again makes a duplicate.`, {
            id: 'dealForm.ownRegistration',
          })}
        </p>
        <button type="button" part="open-own-registration-button" class="secondary" @click=${this.openOwnRegistration}>
          ${msg(str`Open ${reference} instead`, { id: 'dealForm.openOwnRegistration' })}
        </button>
      </div>`;
  }

  private openOwnRegistration = (): void => {
    const own = this.ownRegistration;
    if (own) this.dispatchEvent(new PartnerOpenDealEvent(own.dealId, own.reference));
  };

  private renderErrorSummary() {
    if (!this.showSummary || this.issues.length === 0) return nothing;
    const lang = this.formatLang;
    return html`<div part="error-summary" class="summary" role="alert" tabindex="-1" aria-labelledby="summary-heading">
      <h3 id="summary-heading">
        ${this.issues.length === 1
          ? msg('Please correct 1 entry:', { id: 'dealForm.summary.one' })
          : msg(str`Please correct ${this.issues.length} entries:`, { id: 'dealForm.summary.other' })}
      </h3>
      <ul>
        ${this.issues.map((issue) => {
          const id = this.controlId(issue.path);
          const text = issueMessage(issue, lang, this.examples());
          return html`<li>
            ${id ? html`<a href="#${id}" @click=${(event: Event) => this.followSummaryLink(event, id)}>${text}</a>` : text}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderSubmitError() {
    const error = this.submitError;
    if (!error) return nothing;
    const message =
      error.code === 'idempotency_key_reused'
        ? msg(
            'This form was sent before with other details, and that registration may have been received. Check your registrations before you send it again.',
            { id: 'dealForm.keyReused' },
          )
        : errorMessage(error);
    return html`<div part="submit-error" class="submit-error" role="alert" tabindex="-1">
      ${icons.warning}
      <div>
        <p>${message}</p>
        <p>
          ${msg('Your entries are kept. When you send them again, Poly registers the deal only once.', {
            id: 'dealForm.keptAfterFailure',
          })}
        </p>
        ${error.requestId
          ? html`<p class="detail">${msg(str`Request ID: ${error.requestId}`, { id: 'state.requestId' })}</p>`
          : nothing}
      </div>
    </div>`;
  }

  private renderText(path: string, name: DraftTextField, label: string, options: TextFieldOptions) {
    const id = CONTROL_IDS[path]!;
    const issue = this.issueAt(path);
    const value = this.draft?.[name] ?? '';
    return this.renderField(id, path, label, options, html`<input
      id=${id}
      name=${name}
      type=${options.type ?? 'text'}
      .autocomplete=${options.autocomplete}
      inputmode=${ifDefined(options.inputmode)}
      min=${ifDefined(options.min)}
      max=${ifDefined(options.max)}
      ?required=${!options.optional}
      .value=${live(value)}
      aria-invalid=${ifDefined(issue ? 'true' : undefined)}
      aria-describedby=${ifDefined(
        [this.describedBy(id, options.hint, issue), options.after?.id].filter(Boolean).join(' ') || undefined,
      )}
    />${options.after ? html`<span id=${options.after.id} part="amount-echo" class="echo">${options.after.content}</span>` : nothing}`);
  }

  /** The amount as it will be sent, in the widget's language with the currency, and a hint when far from list price. */
  private renderAmountEcho(products: Product[], draft: DealDraft) {
    const lang = this.formatLang;
    const reading = readAmount(draft.amount, lang);
    if (reading.kind === 'empty') return nothing;
    if (reading.kind !== 'amount') return issueMessage({ path: 'estimatedValue.amount', code: `amount_${reading.kind}` }, lang);
    const amount = echoAmount(reading.value, draft.currency || 'EUR', lang);
    const prices = new Map(products.map((product) => [product.sku, product.listPrice]));
    let listTotal = 0;
    for (const line of draft.products) {
      const price = prices.get(line.sku);
      const quantity = Number(line.quantity);
      if (price && price.currency === draft.currency && Number.isInteger(quantity) && quantity > 0) listTotal += price.amount * quantity;
    }
    const hint = farFromListPrice(reading.value, listTotal)
      ? html`<span class="plausibility">${msg(
          str`The products list at ${echoAmount(listTotal, draft.currency, lang)} in total. Please check the amount.`,
          { id: 'dealForm.amountFarFromList' },
        )}</span>`
      : nothing;
    return html`${msg(str`Reads as ${amount}`, { id: 'dealForm.amountEcho' })}${hint}`;
  }

  private renderSelect(path: string, name: DraftTextField, label: string, choices: [string, string][], placeholder?: string, autocomplete: AutoFill = 'off') {
    const id = CONTROL_IDS[path]!;
    const issue = this.issueAt(path);
    const value = this.draft?.[name] ?? '';
    return this.renderField(id, path, label, {}, html`<select
      id=${id}
      name=${name}
      .autocomplete=${autocomplete}
      required
      aria-invalid=${ifDefined(issue ? 'true' : undefined)}
      aria-describedby=${ifDefined(this.describedBy(id, undefined, issue))}
    >
      ${placeholder || value === '' ? html`<option value="" ?selected=${value === ''}>${placeholder ?? ''}</option>` : nothing}
      ${choices.map(([code, text]) => html`<option value=${code} ?selected=${code === value}>${text}</option>`)}
    </select>`);
  }

  /**
   * ~250 country names from Intl.DisplayNames, sorted with a collator, as many <option>s: the longest part of this
   * form's first render in a CPU profile. The first render shows the chosen country (the partner's own, or a restored
   * draft's) as the only choice; the list follows in idle time, or at once when the user reaches the select (focus
   * or pointer: before it opens or takes a key).
   */
  private renderCountry(draft: DealDraft) {
    const lang = this.formatLang;
    let choices = cachedCountryOptions(lang);
    if (!choices) {
      choices = draft.country ? [[draft.country, countryName(draft.country, lang)]] : [];
      this.cancelCountries ??= whenIdle(() => {
        this.cancelCountries = undefined;
        countryOptions(lang);
        this.requestUpdate();
      });
    }
    return this.renderSelect(
      'customer.country',
      'country',
      msg('Country', { id: 'dealForm.country' }),
      choices,
      draft.country ? undefined : msg('Choose a country', { id: 'dealForm.chooseCountry' }),
      'section-customer country',
    );
  }

  private readonly onReachCountry = (event: Event) => {
    const lang = this.formatLang;
    if ((event.target as HTMLElement).id !== CONTROL_IDS['customer.country'] || cachedCountryOptions(lang)) return;
    countryOptions(lang);
    // Lit renders the options in a microtask, before the select opens or handles the key.
    this.requestUpdate();
  };

  private renderNotes(draft: DealDraft) {
    const issue = this.issueAt('notes');
    return this.renderField('notes', 'notes', msg('Notes', { id: 'dealForm.notes' }), { optional: true }, html`<textarea
      id="notes"
      name="notes"
      rows="3"
      .value=${live(draft.notes)}
      aria-invalid=${ifDefined(issue ? 'true' : undefined)}
      aria-describedby=${ifDefined(this.describedBy('notes', undefined, issue))}
    ></textarea>`);
  }

  private renderField(id: string, path: string, label: string, options: Partial<TextFieldOptions>, control: TemplateResult) {
    return html`<div part="field" class="field">
      <label for=${id}>
        ${label}${options.optional ? html` <span class="optional">${msg('(optional)', { id: 'dealForm.optional' })}</span>` : nothing}
      </label>
      ${options.hint ? html`<span id="${id}-hint" class="hint">${options.hint}</span>` : nothing} ${control}
      ${this.renderFieldError(path, id)}
    </div>`;
  }

  private renderFieldError(path: string, id = this.controlId(path)) {
    const issue = this.issueAt(path);
    if (!issue) return nothing;
    // The type radios share one message, placed under the legend.
    const errorId = path === 'type' ? 'type-error' : `${id}-error`;
    return html`<p id=${errorId} part="field-error" class="field-error">${icons.warning}<span>${issueMessage(issue, this.formatLang, this.examples())}</span></p>`;
  }

  private renderProducts(products: Product[], draft: DealDraft) {
    const families = [...new Set(products.map((product) => product.family))];
    const listIssue = this.issueAt('products');
    return html`<fieldset class="group" aria-describedby=${ifDefined(listIssue ? 'add-product-error' : undefined)}>
      <legend>${msg('Products', { id: 'dealForm.products' })}</legend>
      <ol class="lines">
        ${repeat(
          draft.products,
          (line) => line.key,
          (line, index) => {
            const n = index + 1;
            const skuPath = `products.${index}.sku`;
            const quantityPath = `products.${index}.quantity`;
            const skuIssue = this.issueAt(skuPath);
            const quantityIssue = this.issueAt(quantityPath);
            const skuId = `product-${index}-sku`;
            const quantityId = `product-${index}-quantity`;
            return html`<li part="product-line" class="line">
              <fieldset class="line__fields">
                <legend class="visually-hidden">${msg(str`Product line ${n}`, { id: 'dealForm.productLine' })}</legend>
                <div part="field" class="field line__product">
                  <label for=${skuId}>${msg('Product', { id: 'dealForm.product' })}</label>
                  <select
                    id=${skuId}
                    name="sku"
                    data-line=${index}
                    required
                    aria-invalid=${ifDefined(skuIssue ? 'true' : undefined)}
                    aria-describedby=${ifDefined(skuIssue ? `${skuId}-error` : undefined)}
                  >
                    <option value="" ?selected=${line.sku === ''}>${msg('Choose a product', { id: 'dealForm.chooseProduct' })}</option>
                    ${families.map(
                      (family) => html`<optgroup label=${family}>
                        ${products
                          .filter((product) => product.family === family)
                          .map(
                            (product) =>
                              html`<option value=${product.sku} ?selected=${product.sku === line.sku}>${product.name} (${product.sku})</option>`,
                          )}
                      </optgroup>`,
                    )}
                  </select>
                  ${this.renderFieldError(skuPath, skuId)}
                </div>
                <div part="field" class="field line__quantity">
                  <label for=${quantityId}>${msg('Quantity', { id: 'dealForm.quantity' })}</label>
                  <input
                    id=${quantityId}
                    name="quantity"
                    data-line=${index}
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max="100000"
                    step="1"
                    required
                    autocomplete="off"
                    .value=${live(line.quantity)}
                    aria-invalid=${ifDefined(quantityIssue ? 'true' : undefined)}
                    aria-describedby=${ifDefined(quantityIssue ? `${quantityId}-error` : undefined)}
                  />
                  ${this.renderFieldError(quantityPath, quantityId)}
                </div>
                <button
                  type="button"
                  part="remove-product-button"
                  class="secondary line__remove"
                  aria-label=${msg(str`Remove product line ${n}`, { id: 'dealForm.removeLine' })}
                  @click=${() => this.removeLine(index)}
                >
                  ${msg('Remove', { id: 'dealForm.remove' })}
                </button>
              </fieldset>
            </li>`;
          },
        )}
      </ol>
      <button type="button" id="add-product" part="add-product-button" class="secondary" @click=${this.addLine}>
        ${msg('Add a product', { id: 'dealForm.addProduct' })}
      </button>
      ${this.renderFieldError('products', 'add-product')}
    </fieldset>`;
  }

  // ---- after a registration -----------------------------------------------------------------------------------

  private renderSuccess(deal: Deal) {
    const lang = this.formatLang;
    return html`<section part="base success" class="success" aria-labelledby="success-heading">
      <h2 id="success-heading" class="heading" tabindex="-1">
        ${icons.check}${msg('Registration received', { id: 'dealForm.success' })}
      </h2>
      ${deal.conflict ? html`<p part="conflict-notice" class="conflict">${icons.warning}<span>${conflictNotice()}</span></p>` : nothing}
      <dl class="result">
        <dt>${msg('Reference', { id: 'dealForm.reference' })}</dt>
        <dd part="reference" class="reference">${deal.reference}</dd>
        <dt>${msg('Status', { id: 'dealForm.status' })}</dt>
        <dd>${dealStatusName(deal.status)}</dd>
        <dt>${msg('Expires', { id: 'dealForm.expires' })}</dt>
        <dd>
          ${deal.expiresAt
            ? formatDate(deal.expiresAt, lang)
            : msg('Set when Poly approves the registration', { id: 'dealForm.expiresOnApproval' })}
        </dd>
        <dt>${msg('Extra discount', { id: 'dealForm.discount' })}</dt>
        <dd>${dealDiscountText(deal.discount, lang)}</dd>
      </dl>
      <div class="actions">
        <button type="button" part="show-in-list-button" class="secondary" @click=${() => this.dispatchEvent(new PartnerOpenDealEvent(deal.id, deal.reference))}>
          ${msg('Show it in your registrations', { id: 'dealForm.showInList' })}
        </button>
        <button type="button" part="register-another-button" @click=${this.registerAnother}>
          ${msg('Register another', { id: 'dealForm.registerAnother' })}
        </button>
      </div>
    </section>`;
  }

  // ---- behaviour ----------------------------------------------------------------------------------------------

  private draftContext(): DraftContext {
    const maxCloseDays = this.data.value?.maxCloseDays;
    return { lang: this.formatLang, ...(maxCloseDays !== undefined ? { maxCloseDays } : {}) };
  }

  private issueAt(path: string): FieldIssue | undefined {
    return this.issues.find((issue) => issue.path === path);
  }

  private describedBy(id: string, hint: string | undefined, issue: FieldIssue | undefined): string | undefined {
    const ids = [hint ? `${id}-hint` : '', issue ? `${id}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  private controlId(path: string): string | undefined {
    if (path === 'type') return `type-${this.draft && isDealType(this.draft.type) ? this.draft.type : DEAL_TYPES[0]}`;
    const line = /^products\.(\d+)\.(sku|quantity)$/.exec(path);
    if (line) return `product-${line[1]}-${line[2]}`;
    return CONTROL_IDS[path];
  }

  private focusControl(id: string): void {
    const control = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    control?.focus();
    control?.scrollIntoView?.({ block: 'center' });
  }

  private followSummaryLink(event: Event, id: string): void {
    // A fragment link cannot reach into a shadow root, and would change the host page's URL.
    event.preventDefault();
    this.focusControl(id);
  }

  private updateDraft(draft: DealDraft): void {
    this.draft = draft;
    this.drafts.save(draft);
    if (this.validateLive) this.issues = validateDraft(draft, this.draftContext()).issues;
  }

  private onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const draft = this.draft;
    if (!draft || !target.name) return;
    const line = target.dataset['line'];
    if (line !== undefined) {
      const index = Number(line);
      const field = target.name === 'sku' ? 'sku' : 'quantity';
      this.updateDraft({
        ...draft,
        products: draft.products.map((entry, at) => (at === index ? { ...entry, [field]: target.value } : entry)),
      });
    } else if (target.name === 'consent') {
      this.updateDraft({ ...draft, consent: (target as HTMLInputElement).checked });
    } else if (target.name in draft && target.name !== 'products') {
      this.updateDraft({ ...draft, [target.name]: target.value });
    }
  };

  private onChange = (event: Event): void => {
    // `change` fires when the user leaves an edited field: the moment to pre-check the end customer.
    const name = (event.target as HTMLInputElement).name;
    if (name === 'domain' || name === 'vatId') void this.checkConflict();
  };

  private addLine = async (): Promise<void> => {
    if (!this.draft) return;
    this.updateDraft({ ...this.draft, products: [...this.draft.products, newLine()] });
    await this.updateComplete;
    this.focusControl(`product-${this.draft.products.length - 1}-sku`);
  };

  private async removeLine(index: number): Promise<void> {
    if (!this.draft) return;
    const products = this.draft.products.filter((_, at) => at !== index);
    this.updateDraft({ ...this.draft, products });
    await this.updateComplete;
    // Focus stays in the list: on the line that took this one's place, else the one before, else "Add a product".
    this.focusControl(products.length > 0 ? `product-${Math.min(index, products.length - 1)}-sku` : 'add-product');
  }

  /** Asks the API whether another partner holds this customer; advisory only, so failures are ignored. */
  private async checkConflict(): Promise<void> {
    const client = this.settings.client;
    const partnerId = this.draftOwner;
    const customer = this.draft && conflictCheckCustomer(this.draft);
    this.conflictRequest?.abort();
    if (!client || !partnerId || !customer) {
      this.conflict = false;
      this.ownRegistration = undefined;
      return;
    }
    const request = new AbortController();
    this.conflictRequest = request;
    try {
      const result = await client.deals.checkConflict(partnerId, customer, { signal: request.signal });
      if (!request.signal.aborted) {
        this.conflict = result.conflict;
        const own = result.ownRegistration;
        this.ownRegistration = own ? { dealId: own.dealId, reference: own.reference, status: own.status } : undefined;
      }
    } catch {
      // The registration itself flags a conflict; a failed pre-check must not stand in the user's way.
    }
  }

  private onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.settings.client;
    const partnerId = this.draftOwner;
    const draft = this.draft;
    if (this.submitting || !client || !partnerId || !draft) return;
    this.validateLive = true;
    this.submitError = undefined;
    const { input, issues } = validateDraft(draft, this.draftContext());
    if (!input) {
      this.issues = issues;
      await this.showErrorSummary();
      return;
    }
    this.issues = [];
    this.showSummary = false;
    // The draft (with its idempotency key) is on disk before anything leaves the browser.
    this.drafts.save(draft);
    this.drafts.flush();
    this.submitting = true;
    let deal: Deal;
    try {
      await this.checkConflict();
      deal = await client.deals.register(partnerId, input, { idempotencyKey: draft.idempotencyKey });
    } catch (error) {
      this.submitting = false;
      const apiError = asPartnerApiError(error);
      this.reportError(apiError);
      if (apiError.code !== 'idempotency_key_reused' && apiError.fieldErrors.length > 0) {
        this.issues = issuesFromServer(apiError.fieldErrors);
        await this.showErrorSummary();
      } else {
        this.submitError = apiError;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="submit-error"]')?.focus();
      }
      return;
    }
    this.submitting = false;
    this.drafts.clear();
    this.registered = deal;
    this.restored = false;
    this.conflict = false;
    this.ownRegistration = undefined;
    this.validateLive = false;
    this.dispatchEvent(new PartnerDealRegisteredEvent(deal));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#success-heading')?.focus();
  };

  private async showErrorSummary(): Promise<void> {
    this.showSummary = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus();
  }

  private discardDraft = async (): Promise<void> => {
    this.drafts.clear();
    this.restored = false;
    this.conflict = false;
    await this.registerAnother();
  };

  private registerAnother = async (): Promise<void> => {
    const data = this.data.value;
    this.draft = newDraft(data?.partner);
    this.registered = undefined;
    this.issues = [];
    this.showSummary = false;
    this.submitError = undefined;
    this.ownRegistration = undefined;
    await this.updateComplete;
    this.focusControl(`type-${DEAL_TYPES[0]}`);
  };
}
