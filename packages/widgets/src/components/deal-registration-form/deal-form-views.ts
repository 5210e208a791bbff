// What the deal form shows besides its fields: headings, the problems found, a failed submit, the partner's own
// registration of the customer, the amount as it reads, and the view after a registration.
import type { ConflictCheckResult, Deal, Product } from '@poly-partner/contract';
import type { PartnerApiError } from '@poly-partner/sdk';
import { html, nothing } from 'lit';
import { dealStatusName } from '../../internal/deal-status-name.js';
import { conflictNotice, dealDiscountText } from '../../internal/deal-text.js';
import { formatDate } from '../../internal/format.js';
import { icons } from '../../internal/icons.js';
import { echoAmount, farFromListPrice, readAmount } from '../../internal/money-input.js';
import { errorMessage } from '../../internal/state-view.js';
import { msg, str } from '../../localization/localization.js';
import { issueMessage, type DealDraft } from './deal-draft.js';
import { controlId, type FieldContext } from './deal-form-fields.js';

export function headingText(type: string): string {
  switch (type) {
    case 'opportunity':
      return msg('Register an opportunity', { id: 'dealForm.heading.opportunity' });
    case 'project':
      return msg('Register a project', { id: 'dealForm.heading.project' });
    default:
      return msg('Register a deal', { id: 'dealForm.heading' });
  }
}

export function submitText(type: string): string {
  switch (type) {
    case 'opportunity':
      return msg('Register opportunity', { id: 'dealForm.submit.opportunity' });
    case 'project':
      return msg('Register project', { id: 'dealForm.submit.project' });
    default:
      return msg('Register deal', { id: 'dealForm.submit' });
  }
}

/** The partner's own active registration of this customer, from the pre-check, and a button that opens it. */
export function renderOwnRegistration(own: ConflictCheckResult['ownRegistration'] | undefined, open: () => void) {
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
      <button type="button" part="open-own-registration-button" class="secondary" @click=${open}>
        ${msg(str`Open ${reference} instead`, { id: 'dealForm.openOwnRegistration' })}
      </button>
    </div>`;
}

/** The problems found, each a link to its control (`follow` focuses it). */
export function renderErrorSummary(f: FieldContext, follow: (event: Event, id: string) => void) {
  const { issues, lang } = f;
  return html`<div part="error-summary" class="summary" role="alert" tabindex="-1" aria-labelledby="summary-heading">
    <h3 id="summary-heading">
      ${issues.length === 1
        ? msg('Please correct 1 entry:', { id: 'dealForm.summary.one' })
        : msg(str`Please correct ${issues.length} entries:`, { id: 'dealForm.summary.other' })}
    </h3>
    <ul>
      ${issues.map((issue) => {
        const id = controlId(issue.path, f.draft);
        const text = issueMessage(issue, lang, f.examples);
        return html`<li>
          ${id ? html`<a href="#${id}" @click=${(event: Event) => follow(event, id)}>${text}</a>` : text}
        </li>`;
      })}
    </ul>
  </div>`;
}

/** Why the last submit failed, and that the entries are kept. */
export function renderSubmitError(error: PartnerApiError | undefined) {
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

/** The amount as it will be sent, in the widget's language with the currency, and a hint when far from list price. */
export function renderAmountEcho(products: Product[], draft: DealDraft, lang: string) {
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

/** After a registration: its reference, status, expiry and discount; `open` shows it in the list, `again` starts anew. */
export function renderSuccess(deal: Deal, lang: string, open: () => void, again: () => void) {
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
      <button type="button" part="show-in-list-button" class="secondary" @click=${open}>
        ${msg('Show it in your registrations', { id: 'dealForm.showInList' })}
      </button>
      <button type="button" part="register-another-button" @click=${again}>
        ${msg('Register another', { id: 'dealForm.registerAnother' })}
      </button>
    </div>
  </section>`;
}
