import { initialState, Task, TaskStatus } from '@lit/task';
import { DEAL_TYPES, type Deal, type PartnerProfile, type Product } from '@poly-partner/contract';
import type { PartnerApiError } from '@poly-partner/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PartnerDealRegisteredEvent } from '../../events/partner-deal-registered-event.js';
import { PartnerOpenDealEvent } from '../../events/partner-open-deal-event.js';
import { cachedCountryOptions, countryOptions } from '../../internal/country-codes.js';
import { whenIdle } from '../../internal/idle.js';
import { conflictNotice } from '../../internal/deal-text.js';
import { DraftController } from '../../internal/draft-controller.js';
import { countryName, warmUpCountryNames } from '../../internal/country-name.js';
import { icons } from '../../internal/icons.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { asPartnerApiError } from '../../internal/state-view.js';
import { msg } from '../../localization/localization.js';
import { customerExamples } from './customer-examples.js';
import {
  conflictCheckCustomer,
  issuesFromServer,
  newDraft,
  newLine,
  parseDraft,
  validateDraft,
  type DealDraft,
  type DraftContext,
  type FieldIssue,
} from './deal-draft.js';
import {
  CONTROL_IDS,
  renderContact,
  renderCustomer,
  renderSelect,
  renderTypeChoice,
  renderValueAndTiming,
  type FieldContext,
} from './deal-form-fields.js';
import {
  headingText,
  renderAmountEcho,
  renderErrorSummary,
  renderOwnRegistration,
  renderSubmitError,
  renderSuccess,
  submitText,
} from './deal-form-views.js';
import { renderProductLines } from './deal-product-lines.js';
import styles from './deal-registration-form.styles.js';

interface FormData {
  products: Product[];
  partner: PartnerProfile;
  /** The programme's horizon for close dates, when its policy could be read. */
  maxCloseDays?: number;
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
  @state() private restored = false;
  @state() private registered?: Deal;

  /** The partner the current draft belongs to: a draft never moves to another partner. */
  private draftOwner?: string;
  /** After the first submit, fields are re-checked as the user corrects them. */
  private validateLive = false;

  /**
   * The pre-check of the end customer, run when the user leaves its domain or VAT id, and before a submit. Advisory:
   * the registration flags a conflict itself, so a failed pre-check shows nothing and stands in no one's way.
   */
  private readonly conflictCheck = new Task(this, {
    autoRun: false,
    args: () => [this.draft && conflictCheckCustomer(this.draft)] as const,
    task: ([customer], { signal }) => {
      const { client } = this.settings;
      const partnerId = this.draftOwner;
      return client && partnerId && customer ? client.deals.checkConflict(partnerId, customer, { signal }) : initialState;
    },
  });

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
    this.conflictCheck.abort();
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
    this.clearConflict();
    this.validateLive = false;
  }

  /** Forgets what the pre-check found (another draft, a registration made). */
  private clearConflict(): void {
    void this.conflictCheck.run([undefined]);
  }

  protected override render() {
    return this.renderTask(
      this.data,
      (data) => {
        const deal = this.registered;
        if (deal) return renderSuccess(deal, this.formatLang, () => this.dispatchEvent(new PartnerOpenDealEvent(deal.id, deal.reference)), this.registerAnother);
        return this.draft ? this.renderForm(data, this.draft) : nothing;
      },
      10,
    );
  }

  // ---- the form ------------------------------------------------------------------------------------------------

  private renderForm(data: FormData, draft: DealDraft) {
    const f: FieldContext = { draft, issues: this.issues, lang: this.formatLang, examples: customerExamples(draft.country, this.localization.locale) };
    const check = this.conflictCheck.status === TaskStatus.INITIAL ? undefined : this.conflictCheck.value;
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
      <h2 id="heading" class="heading">${headingText(draft.type)}</h2>
      ${this.restored
        ? html`<div part="draft-notice" class="notice" role="status">
            <p>${msg('We restored the entries you had not sent yet.', { id: 'dealForm.restored' })}</p>
            <button type="button" part="discard-draft-button" class="secondary" @click=${this.discardDraft}>
              ${msg('Start over with an empty form', { id: 'dealForm.discardDraft' })}
            </button>
          </div>`
        : nothing}
      ${this.showSummary && this.issues.length > 0 ? renderErrorSummary(f, this.followSummaryLink) : nothing} ${renderSubmitError(this.submitError)}

      ${renderTypeChoice(f)}
      ${renderCustomer(
        f,
        this.renderCountry(f),
        html`<div part="conflict-notice" class="conflict" role="status">${check?.conflict ? html`${icons.warning}<p>${conflictNotice()}</p>` : nothing}</div>
          <div part="own-registration" class="conflict" role="status">${renderOwnRegistration(check?.ownRegistration, this.openOwnRegistration)}</div>`,
      )}
      ${renderContact(f)} ${renderProductLines(f, data.products, this.addLine, (index) => void this.removeLine(index))}
      ${renderValueAndTiming(
        f,
        data.products,
        data.partner.distributors.map(({ id, name }) => [id, name] as [string, string]),
        data.maxCloseDays,
        renderAmountEcho(data.products, draft, f.lang),
      )}

      <div class="actions">
        <button type="submit" part="submit-button" class="submit" ?disabled=${this.submitting}>
          ${this.submitting
            ? msg('Registering…', { id: 'dealForm.submitting' })
            : submitText(draft.type)}
        </button>
      </div>
    </form>`;
  }

  private openOwnRegistration = (): void => {
    const own = this.conflictCheck.value?.ownRegistration;
    if (own) this.dispatchEvent(new PartnerOpenDealEvent(own.dealId, own.reference));
  };

  /**
   * ~250 country names from Intl.DisplayNames, sorted with a collator, as many <option>s: the longest part of this
   * form's first render in a CPU profile. The first render shows the chosen country (the partner's own, or a restored
   * draft's) as the only choice; the list follows in idle time, or at once when the user reaches the select (focus
   * or pointer: before it opens or takes a key).
   */
  private renderCountry(f: FieldContext) {
    const { draft, lang } = f;
    let choices = cachedCountryOptions(lang);
    if (!choices) {
      choices = draft.country ? [[draft.country, countryName(draft.country, lang)]] : [];
      this.cancelCountries ??= whenIdle(() => {
        this.cancelCountries = undefined;
        countryOptions(lang);
        this.requestUpdate();
      });
    }
    return renderSelect(
      f,
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

  // ---- behaviour ----------------------------------------------------------------------------------------------

  private draftContext(): DraftContext {
    const maxCloseDays = this.data.value?.maxCloseDays;
    return { lang: this.formatLang, ...(maxCloseDays !== undefined ? { maxCloseDays } : {}) };
  }

  private focusControl(id: string): void {
    const control = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    control?.focus();
    control?.scrollIntoView?.({ block: 'center' });
  }

  private readonly followSummaryLink = (event: Event, id: string): void => {
    // A fragment link cannot reach into a shadow root, and would change the host page's URL.
    event.preventDefault();
    this.focusControl(id);
  };

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
    if (name === 'domain' || name === 'vatId') void this.conflictCheck.run();
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
      await this.conflictCheck.run();
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
    this.clearConflict();
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
    await this.registerAnother();
  };

  private registerAnother = async (): Promise<void> => {
    const data = this.data.value;
    this.draft = newDraft(data?.partner);
    this.registered = undefined;
    this.issues = [];
    this.showSummary = false;
    this.submitError = undefined;
    this.clearConflict();
    await this.updateComplete;
    this.focusControl(`type-${DEAL_TYPES[0]}`);
  };
}
