// The deal form's draft (what the user typed, as typed), its conversion to the API's body, and its validation with
// the contract's DealInputSchema, turned into localized messages per field and issue.
import {
  DEAL_TYPES,
  DealInputSchema,
  DomainSchema,
  IdempotencyKeySchema,
  normalizeVatId,
  VatIdSchema,
  type DealInput,
  type FieldError,
  type PartnerProfile,
} from '@poly-partner/contract';
import { formatNumber } from '../../internal/format.js';
import { readAmount } from '../../internal/money-input.js';
import { msg, str } from '../../localization/localization.js';

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'] as const;

/** One product line as typed; `key` keeps Lit's repeat stable while lines are added and removed. */
export interface DraftLine {
  key: string;
  sku: string;
  quantity: string;
}

/** Everything the user entered, plus the idempotency key that makes every send of this draft one registration. */
export interface DealDraft {
  version: 1;
  idempotencyKey: string;
  type: string;
  customerName: string;
  country: string;
  domain: string;
  vatId: string;
  contactName: string;
  email: string;
  phone: string;
  consent: boolean;
  products: DraftLine[];
  amount: string;
  currency: string;
  expectedCloseDate: string;
  distributorId: string;
  notes: string;
}

export type DraftTextField = Exclude<keyof DealDraft, 'version' | 'idempotencyKey' | 'consent' | 'products'>;

const TEXT_FIELDS = [
  'type',
  'customerName',
  'country',
  'domain',
  'vatId',
  'contactName',
  'email',
  'phone',
  'amount',
  'currency',
  'expectedCloseDate',
  'distributorId',
  'notes',
] as const satisfies readonly DraftTextField[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A stored draft if it has this version's shape (anything else is dropped, never trusted). */
export function parseDraft(stored: unknown): DealDraft | undefined {
  // zod is not a dependency of the widgets (the contract holds the API's schemas); the draft's shape is ours alone.
  if (!isRecord(stored) || stored['version'] !== 1) return undefined;
  const key = stored['idempotencyKey'];
  if (typeof key !== 'string' || !IdempotencyKeySchema.safeParse(key).success) return undefined;
  if (typeof stored['consent'] !== 'boolean') return undefined;
  if (!TEXT_FIELDS.every((field) => typeof stored[field] === 'string')) return undefined;
  const lines = stored['products'];
  if (!Array.isArray(lines) || lines.length > 100) return undefined;
  const products = lines.filter(
    (line): line is DraftLine =>
      isRecord(line) && typeof line['key'] === 'string' && typeof line['sku'] === 'string' && typeof line['quantity'] === 'string',
  );
  if (products.length !== lines.length) return undefined;
  const text = Object.fromEntries(TEXT_FIELDS.map((field) => [field, stored[field] as string])) as Pick<DealDraft, DraftTextField>;
  return { version: 1, idempotencyKey: key, consent: stored['consent'], products, ...text };
}

let lineCounter = 0;
export function newLine(): DraftLine {
  lineCounter += 1;
  return { key: `line-${Date.now().toString(36)}-${lineCounter}`, sku: '', quantity: '1' };
}

/** The currency a partner most likely quotes in, from its country and region. */
function defaultCurrency(partner: PartnerProfile): string {
  if (partner.country === 'CH' || partner.country === 'LI') return 'CHF';
  if (partner.country === 'GB') return 'GBP';
  return partner.region === 'dach' || partner.region === 'emea' ? 'EUR' : 'USD';
}

/** An empty draft with what the partner profile tells us already filled in. */
export function newDraft(partner: PartnerProfile | undefined): DealDraft {
  return {
    version: 1,
    idempotencyKey: crypto.randomUUID(),
    type: '',
    customerName: '',
    country: partner?.country ?? '',
    domain: '',
    vatId: '',
    contactName: '',
    email: '',
    phone: '',
    consent: false,
    products: [newLine()],
    amount: '',
    currency: partner ? defaultCurrency(partner) : '',
    expectedCloseDate: '',
    distributorId: partner?.distributorIds.length === 1 ? partner.distributorIds[0]! : '',
    notes: '',
  };
}

/** `https://www.beispiel.de/kontakt` -> `www.beispiel.de`: people paste addresses where a domain is asked for. */
export function domainOf(value: string): string {
  return value
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '');
}

const numberOrUndefined = (value: string) => (value.trim() === '' ? undefined : Number(value));
const textOrUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The amount as typed in `lang` ("38.500" in de is 38500); unreadable text becomes NaN, which the schema refuses. */
function amountOf(text: string, lang: string): number | undefined {
  const reading = readAmount(text, lang);
  return reading.kind === 'amount' ? reading.value : reading.kind === 'empty' ? undefined : Number.NaN;
}

/** The request body as the API wants it; missing values stay undefined so the schema reports them as missing. */
export function toInput(draft: DealDraft, lang = 'en'): unknown {
  const vatId = normalizeVatId(draft.vatId);
  return {
    type: draft.type || undefined,
    customer: {
      name: draft.customerName.trim(),
      country: draft.country || undefined,
      domain: domainOf(draft.domain) || undefined,
      ...(vatId ? { vatId } : {}),
      contact: {
        name: draft.contactName.trim(),
        email: draft.email.trim(),
        ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
        consent: draft.consent,
      },
    },
    products: draft.products.map((line) => ({ sku: line.sku || undefined, quantity: numberOrUndefined(line.quantity) })),
    estimatedValue: { amount: amountOf(draft.amount, lang), currency: draft.currency || undefined },
    expectedCloseDate: draft.expectedCloseDate || undefined,
    distributorId: draft.distributorId || undefined,
    ...(textOrUndefined(draft.notes) ? { notes: draft.notes.trim() } : {}),
  };
}

/** A problem with one field: the API path (`customer.contact.email`), the issue code, and a size limit if any. */
export interface FieldIssue {
  path: string;
  code: string;
  maximum?: number;
}

/** `YYYY-MM-DD` of the user's own calendar day, `days` ahead. */
export function localDay(days = 0, now = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** Checks the widget makes beyond the schema: amounts read in the user's language, and close dates within range. */
export interface DraftContext {
  /** The widget's language and region, for the amount's separators. */
  lang: string;
  /** How many days ahead a close date may lie (the policy's `deals.maxCloseDays`); unknown: not checked here. */
  maxCloseDays?: number;
  now?: Date;
}

/** A problem the widget finds before the schema: it replaces the schema's issue on the same field. */
function ownIssue(draft: DealDraft, context: DraftContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const amount = readAmount(draft.amount, context.lang).kind;
  if (amount === 'ambiguous' || amount === 'invalid') issues.push({ path: 'estimatedValue.amount', code: `amount_${amount}` });
  const date = draft.expectedCloseDate;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    if (date < localDay(0, context.now)) issues.push({ path: 'expectedCloseDate', code: 'date_in_past' });
    else if (context.maxCloseDays !== undefined && date > localDay(context.maxCloseDays, context.now)) {
      issues.push({ path: 'expectedCloseDate', code: 'date_too_far', maximum: context.maxCloseDays });
    }
  }
  return issues;
}

/** Validates the draft with the contract's schema and the checks above: the body, or the first issue per field. */
export function validateDraft(
  draft: DealDraft,
  context: DraftContext = { lang: 'en' },
): { input: DealInput; issues: [] } | { input: undefined; issues: FieldIssue[] } {
  const own = ownIssue(draft, context);
  const result = DealInputSchema.safeParse(toInput(draft, context.lang));
  if (result.success && own.length === 0) return { input: result.data, issues: [] };
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of result.error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const mine = own.find((entry) => entry.path === path);
    if (mine) {
      issues.push(mine);
      continue;
    }
    const maximum = issue.code === 'too_big' ? Number((issue as { maximum?: unknown }).maximum) : undefined;
    issues.push({ path, code: issue.code, ...(maximum !== undefined && !Number.isNaN(maximum) ? { maximum } : {}) });
  }
  // Fields the schema found fine but the widget does not (a past date), in the form's order.
  for (const entry of own) if (!seen.has(entry.path)) issues.push(entry);
  const order = ['type', 'customer', 'products', 'estimatedValue', 'expectedCloseDate', 'distributorId', 'notes'];
  const rank = (path: string) => {
    const at = order.findIndex((prefix) => path === prefix || path.startsWith(`${prefix}.`));
    return at < 0 ? order.length : at;
  };
  issues.sort((a, b) => rank(a.path) - rank(b.path));
  return { input: undefined, issues };
}

/** The API's 422 `fieldErrors`, in the same shape (the server adds codes of its own: `unknown_sku`, …). */
export function issuesFromServer(fieldErrors: readonly FieldError[]): FieldIssue[] {
  const seen = new Set<string>();
  return fieldErrors.filter((error) => !seen.has(error.path) && seen.add(error.path)).map(({ path, code }) => ({ path, code }));
}

/** Whether a conflict pre-check can run: the domain or VAT id is filled in and well-formed. */
export function conflictCheckCustomer(draft: DealDraft): { domain?: string; vatId?: string } | undefined {
  const domain = domainOf(draft.domain);
  const vatId = normalizeVatId(draft.vatId);
  const customer = {
    ...(domain && DomainSchema.safeParse(domain).success ? { domain } : {}),
    ...(vatId && VatIdSchema.safeParse(vatId).success ? { vatId } : {}),
  };
  return Object.keys(customer).length > 0 ? customer : undefined;
}

export const isDealType = (value: string): value is (typeof DEAL_TYPES)[number] =>
  (DEAL_TYPES as readonly string[]).includes(value);

/** What the user reads for an issue, next to the field and in the error summary, in the language being rendered. */
export function issueMessage(issue: FieldIssue, lang: string, examples?: { domain: string; vatId?: string }): string {
  const { path, code } = issue;
  if (code === 'too_big' && issue.maximum !== undefined && /(name|notes)$/.test(path)) {
    const max = formatNumber(issue.maximum, lang, { maximumFractionDigits: 0 });
    return msg(str`Use at most ${max} characters.`, { id: 'dealForm.error.tooLong' });
  }
  if (code === 'custom' && /(name|notes)$/.test(path)) {
    return msg('Remove line breaks and other control characters.', { id: 'dealForm.error.controlCharacters' });
  }
  if (/^products\.\d+\.sku$/.test(path)) {
    return code === 'unknown_sku'
      ? msg('This product is not in the Poly catalogue. Choose another.', { id: 'dealForm.error.unknownSku' })
      : msg('Choose a product.', { id: 'dealForm.error.sku' });
  }
  if (/^products\.\d+\.quantity$/.test(path)) {
    return msg('Enter a whole number from 1 to 100,000.', { id: 'dealForm.error.quantity' });
  }
  switch (path) {
    case 'type':
      return msg('Choose whether this is an opportunity, a deal or a project.', { id: 'dealForm.error.type' });
    case 'customer.name':
      return msg('Enter the end customer’s legal name.', { id: 'dealForm.error.customerName' });
    case 'customer.country':
      return msg('Choose the end customer’s country.', { id: 'dealForm.error.country' });
    case 'customer.domain':
      return code === 'invalid_type'
        ? msg('Enter the end customer’s web domain.', { id: 'dealForm.error.domainMissing' })
        : msg(str`Enter a web domain such as ${examples?.domain ?? 'beispiel.de'}, without https:// or a path.`, {
            id: 'dealForm.error.domainFor',
          });
    case 'customer.vatId':
      return msg(str`Enter a VAT ID that starts with the two-letter country code, such as ${examples?.vatId ?? 'DE123456789'}.`, {
        id: 'dealForm.error.vatIdFor',
      });
    case 'customer.contact.name':
      return msg('Enter the name of the customer’s contact.', { id: 'dealForm.error.contactName' });
    case 'customer.contact.email':
      return msg('Enter an email address such as name@example.com.', { id: 'dealForm.error.email' });
    case 'customer.contact.phone':
      return msg('Enter a phone number with digits, spaces and + ( ) . / - only, such as +49 30 1234567.', {
        id: 'dealForm.error.phone',
      });
    case 'customer.contact.consent':
      return msg('Confirm that the contact agreed to be named to Poly.', { id: 'dealForm.error.consent' });
    case 'products':
      return code === 'too_big'
        ? msg('Register at most 100 product lines.', { id: 'dealForm.error.productsTooMany' })
        : msg('Add at least one product.', { id: 'dealForm.error.productsMissing' });
    case 'estimatedValue.amount':
      if (code === 'amount_ambiguous' || code === 'amount_invalid') {
        const example = formatNumber(38_500, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        return code === 'amount_ambiguous'
          ? msg(str`We cannot tell whether the point or the comma separates the cents. Write the amount like ${example}.`, {
              id: 'dealForm.error.amountAmbiguous',
            })
          : msg(str`Enter the amount in digits, like ${example}.`, { id: 'dealForm.error.amountInvalid' });
      }
      return code === 'too_big'
        ? msg(str`Enter an estimated value of at most ${formatNumber(1_000_000_000, lang)}.`, { id: 'dealForm.error.amountTooBig' })
        : msg('Enter an estimated value greater than 0.', { id: 'dealForm.error.amount' });
    case 'estimatedValue.currency':
      return msg('Choose a currency.', { id: 'dealForm.error.currency' });
    case 'expectedCloseDate':
      if (code === 'date_in_past') return msg('Enter a close date from today on.', { id: 'dealForm.error.closeDatePast' });
      if (code === 'date_too_far') {
        return issue.maximum !== undefined
          ? msg(str`Enter a close date at most ${formatNumber(issue.maximum, lang)} days ahead.`, { id: 'dealForm.error.closeDateFar' })
          : msg('Enter a close date nearer to today: the program does not accept one this far ahead.', {
              id: 'dealForm.error.closeDateFarUnknown',
            });
      }
      return msg('Enter the expected close date.', { id: 'dealForm.error.closeDate' });
    case 'distributorId':
      return code === 'unknown_distributor'
        ? msg('Choose one of your Poly distributors.', { id: 'dealForm.error.unknownDistributor' })
        : msg('Choose a distributor.', { id: 'dealForm.error.distributor' });
    default:
      return msg('Check this entry.', { id: 'dealForm.error.other' });
  }
}
