// Browser validators of schemas/deal.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type ValidationIssue, type Validator } from '../json-schema/validator.js';
import { ConflictCheckResultJsonSchema } from '../generated/json-schemas/conflict-check-result.js';
import { DealJsonSchema } from '../generated/json-schemas/deal.js';
import { DealInputJsonSchema } from '../generated/json-schemas/deal-input.js';
import { DealListJsonSchema } from '../generated/json-schemas/deal-list.js';
import { DomainJsonSchema } from '../generated/json-schemas/domain.js';
import { IdempotencyKeyJsonSchema } from '../generated/json-schemas/idempotency-key.js';
import { VatIdJsonSchema } from '../generated/json-schemas/vat-id.js';
import type { ConflictCheckResult, Deal, DealInput, DealList } from '../schemas/deal.js';

export const ConflictCheckResultSchema: Validator<ConflictCheckResult> = /*#__PURE__*/ validator(ConflictCheckResultJsonSchema);
export const DealListSchema: Validator<DealList> = /*#__PURE__*/ validator(DealListJsonSchema);
export const DealSchema: Validator<Deal> = /*#__PURE__*/ validator(DealJsonSchema);
export const DomainSchema: Validator<string> = /*#__PURE__*/ validator(DomainJsonSchema);
export const IdempotencyKeySchema: Validator<string> = /*#__PURE__*/ validator(IdempotencyKeyJsonSchema);
export const VatIdSchema: Validator<string> = /*#__PURE__*/ validator(VatIdJsonSchema);

// deal.ts's `text()` refinement: no control characters (C0, C1; tab and newline allowed in the multi-line notes).
// eslint-disable-next-line no-control-regex
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The text fields of a deal registration, with the rule each follows. */
const DEAL_TEXT_FIELDS: [path: string[], forbidden: RegExp][] = [
  [['customer', 'name'], SINGLE_LINE_FORBIDDEN],
  [['customer', 'contact', 'name'], SINGLE_LINE_FORBIDDEN],
  [['notes'], MULTI_LINE_FORBIDDEN],
];

function at(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export const DealInputSchema: Validator<DealInput> = /*#__PURE__*/ validator(DealInputJsonSchema, (data, issues: ValidationIssue[]) => {
  for (const [path, forbidden] of DEAL_TEXT_FIELDS) {
    const value = at(data, path);
    if (typeof value === 'string' && forbidden.test(value)) {
      issues.push({ code: 'custom', path, message: 'Control characters are not allowed' });
    }
  }
});
