// The deal form's fields: each label with its control, hint and error, wired for assistive technology (`fieldAria`),
// grouped as the form shows them. The form passes what they show in a `FieldContext`.
import { DEAL_TYPES, type Product } from '@poly-partner/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { dealTypeName } from '../../internal/deal-text.js';
import { fieldAria } from '../../internal/field-aria.js';
import { icons } from '../../internal/icons.js';
import { msg, str } from '../../localization/localization.js';
import type { CustomerExamples } from './customer-examples.js';
import { CURRENCIES, isDealType, issueMessage, localDay, type DealDraft, type DraftTextField, type FieldIssue } from './deal-draft.js';

/** The control each API path is entered in (product lines and the type radios are resolved in `controlId`). */
export const CONTROL_IDS: Record<string, string> = {
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

/** What the fields show: the draft, the problems found, the language, and example values for the customer's country. */
export interface FieldContext {
  draft: DealDraft;
  issues: FieldIssue[];
  lang: string;
  examples: CustomerExamples;
}

export function issueAt(f: FieldContext, path: string): FieldIssue | undefined {
  return f.issues.find((issue) => issue.path === path);
}

/** The id of the control a path (`customer.name`, `products.0.sku`) is entered in. */
export function controlId(path: string, draft: DealDraft | undefined): string | undefined {
  if (path === 'type') return `type-${draft && isDealType(draft.type) ? draft.type : DEAL_TYPES[0]}`;
  const line = /^products\.(\d+)\.(sku|quantity)$/.exec(path);
  if (line) return `product-${line[1]}-${line[2]}`;
  return CONTROL_IDS[path];
}

export function renderFieldError(f: FieldContext, path: string, id = controlId(path, f.draft)) {
  const issue = issueAt(f, path);
  if (!issue) return nothing;
  // The type radios share one message, placed under the legend.
  const errorId = path === 'type' ? 'type-error' : `${id}-error`;
  return html`<p id=${errorId} part="field-error" class="field-error">${icons.warning}<span>${issueMessage(issue, f.lang, f.examples)}</span></p>`;
}

function renderField(f: FieldContext, id: string, path: string, label: string, options: Partial<TextFieldOptions>, control: TemplateResult) {
  return html`<div part="field" class="field">
    <label for=${id}>
      ${label}${options.optional ? html` <span class="optional">${msg('(optional)', { id: 'dealForm.optional' })}</span>` : nothing}
    </label>
    ${options.hint ? html`<span id="${id}-hint" class="hint">${options.hint}</span>` : nothing} ${control}
    ${renderFieldError(f, path, id)}
  </div>`;
}

export function renderText(f: FieldContext, path: string, name: DraftTextField, label: string, options: TextFieldOptions) {
  const id = CONTROL_IDS[path]!;
  const issue = issueAt(f, path);
  const value = f.draft[name] ?? '';
  return renderField(f, id, path, label, options, html`<input
    id=${id}
    name=${name}
    type=${options.type ?? 'text'}
    .autocomplete=${options.autocomplete}
    inputmode=${options.inputmode ?? nothing}
    min=${options.min ?? nothing}
    max=${options.max ?? nothing}
    ?required=${!options.optional}
    .value=${live(value)}
    ${fieldAria(id, issue, options.hint, options.after?.id)}
  />${options.after ? html`<span id=${options.after.id} part="amount-echo" class="echo">${options.after.content}</span>` : nothing}`);
}

export function renderSelect(f: FieldContext, path: string, name: DraftTextField, label: string, choices: [string, string][], placeholder?: string, autocomplete: AutoFill = 'off') {
  const id = CONTROL_IDS[path]!;
  const issue = issueAt(f, path);
  const value = f.draft[name] ?? '';
  return renderField(f, id, path, label, {}, html`<select
    id=${id}
    name=${name}
    .autocomplete=${autocomplete}
    required
    ${fieldAria(id, issue)}
  >
    ${placeholder || value === '' ? html`<option value="" ?selected=${value === ''}>${placeholder ?? ''}</option>` : nothing}
    ${choices.map(([code, text]) => html`<option value=${code} ?selected=${code === value}>${text}</option>`)}
  </select>`);
}

export function renderNotes(f: FieldContext) {
  const issue = issueAt(f, 'notes');
  return renderField(f, 'notes', 'notes', msg('Notes', { id: 'dealForm.notes' }), { optional: true }, html`<textarea
    id="notes"
    name="notes"
    rows="3"
    .value=${live(f.draft.notes)}
    ${fieldAria('notes', issue)}
  ></textarea>`);
}

/** The type of registration: opportunity, deal or project. */
export function renderTypeChoice(f: FieldContext) {
  return html`<fieldset class="group">
    <legend>${msg('Type of registration', { id: 'dealForm.type' })}</legend>
    ${renderFieldError(f, 'type')}
    <div class="choices">
      ${DEAL_TYPES.map(
        (type) => html`<label class="choice">
          <input
            type="radio"
            id="type-${type}"
            name="type"
            value=${type}
            .checked=${live(f.draft.type === type)}
            ${fieldAria('type', issueAt(f, 'type'))}
          />
          ${dealTypeName(type)}
        </label>`,
      )}
    </div>
  </fieldset>`;
}

/** The end customer; `country` is the country select, `notices` what the pre-check found. */
export function renderCustomer(f: FieldContext, country: unknown, notices: unknown) {
  return html`<fieldset class="group">
    <legend>${msg('End customer', { id: 'dealForm.customer' })}</legend>
    <div class="grid">
      ${renderText(f, 'customer.name', 'customerName', msg('Legal name', { id: 'dealForm.customerName' }), {
        // "section-customer": these are the end customer's details, not the signed-in user's own.
        autocomplete: 'section-customer organization',
      })}
      ${country}
      ${renderText(f, 'customer.domain', 'domain', msg('Web domain', { id: 'dealForm.domain' }), {
        autocomplete: 'off',
        inputmode: 'url',
        hint: msg(str`For example ${f.examples.domain}`, { id: 'dealForm.domainHintFor' }),
      })}
      ${renderText(f, 'customer.vatId', 'vatId', msg('VAT ID', { id: 'dealForm.vatId' }), {
        autocomplete: 'off',
        optional: true,
        hint: f.examples.vatId
          ? msg(str`For example ${f.examples.vatId}`, { id: 'dealForm.vatIdHintFor' })
          : msg('Starts with the two-letter country code', { id: 'dealForm.vatIdHintGeneric' }),
      })}
    </div>
    ${notices}
  </fieldset>`;
}

/** The contact at the end customer, and their consent to be named. */
export function renderContact(f: FieldContext) {
  return html`<fieldset class="group">
    <legend>${msg('Contact at the end customer', { id: 'dealForm.contact' })}</legend>
    <div class="grid">
      ${renderText(f, 'customer.contact.name', 'contactName', msg('Name', { id: 'dealForm.contactName' }), {
        autocomplete: 'section-customer name',
      })}
      ${renderText(f, 'customer.contact.email', 'email', msg('Email', { id: 'dealForm.email' }), {
        type: 'email',
        autocomplete: 'section-customer email',
      })}
      ${renderText(f, 'customer.contact.phone', 'phone', msg('Phone', { id: 'dealForm.phone' }), {
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
          .checked=${live(f.draft.consent)}
          ${fieldAria('consent', issueAt(f, 'customer.contact.consent'))}
        />
        ${msg('The contact agreed to be named to Poly for this registration.', { id: 'dealForm.consent' })}
      </label>
      ${renderFieldError(f, 'customer.contact.consent')}
    </div>
  </fieldset>`;
}

/** Value, currency, close date, distributor and notes; `amountEcho` shows how the amount reads. */
export function renderValueAndTiming(f: FieldContext, products: Product[], distributors: [string, string][], maxCloseDays: number | undefined, amountEcho: unknown) {
  return html`<fieldset class="group">
    <legend>${msg('Value and timing', { id: 'dealForm.valueAndTiming' })}</legend>
    <div class="grid">
      ${renderText(f, 'estimatedValue.amount', 'amount', msg('Estimated value', { id: 'dealForm.amount' }), {
        // Text, not type=number: a number field reads "38.500" by the browser's locale, not the widget's.
        inputmode: 'decimal',
        autocomplete: 'off',
        after: { id: 'amount-echo', content: amountEcho },
      })}
      ${renderSelect(f, 
        'estimatedValue.currency',
        'currency',
        msg('Currency', { id: 'dealForm.currency' }),
        CURRENCIES.map((code) => [code, code] as [string, string]),
      )}
      ${renderText(f, 'expectedCloseDate', 'expectedCloseDate', msg('Expected close date', { id: 'dealForm.closeDate' }), {
        type: 'date',
        autocomplete: 'off',
        min: localDay(),
        ...(maxCloseDays !== undefined ? { max: localDay(maxCloseDays) } : {}),
      })}
      ${renderSelect(f, 
        'distributorId',
        'distributorId',
        msg('Distributor', { id: 'dealForm.distributor' }),
        distributors,
        msg('Choose a distributor', { id: 'dealForm.chooseDistributor' }),
      )}
    </div>
    ${renderNotes(f)}
  </fieldset>`;
}
