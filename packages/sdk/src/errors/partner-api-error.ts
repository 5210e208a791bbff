// The one error every SDK method throws, and the guard that recognises it across bundles.
import type { FieldError } from '@poly-partner/contract';

/** What went wrong, coarse enough to branch on in a UI. */
export type PartnerApiErrorType =
  | 'api'
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'rate_limited'
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'aborted';

export interface PartnerApiErrorInit {
  type: PartnerApiErrorType;
  message: string;
  code?: string;
  status?: number;
  requestId?: string;
  fieldErrors?: readonly FieldError[];
  retryAfter?: number;
  cause?: unknown;
}

// Symbol.for lets two copies of the SDK on one page (a widget bundle and the host's own) recognise each other's errors.
const brand = Symbol.for('@poly-partner/sdk/PartnerApiError');

/**
 * Thrown by every SDK method. Errors are data: branch on `type` (or the API's stable `code`), show `fieldErrors`
 * next to form fields, wait `retryAfter` seconds after `rate_limited`.
 */
export class PartnerApiError extends Error {
  override readonly name = 'PartnerApiError';
  /** Coarse category: HTTP failures by status, plus `network`, `timeout`, `invalid_response` and `aborted`. */
  readonly type: PartnerApiErrorType;
  /** The API's machine code (`validation_failed`, `deal_not_withdrawable`, …), or the SDK's for client-side failures. */
  readonly code: string;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** The API's request id (problem body or `x-request-id`): quote it to Poly support. */
  readonly requestId: string | undefined;
  /** Per-field problems of a rejected request body (`customer.contact.email`, `products.0.sku`). */
  readonly fieldErrors: readonly FieldError[];
  /** Seconds the API asked to wait (`Retry-After`), when it did. */
  readonly retryAfter: number | undefined;
  declare readonly cause: unknown;

  constructor(init: PartnerApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.type = init.type;
    this.code = init.code ?? init.type;
    this.status = init.status;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
    Object.defineProperty(this, brand, { value: true });
  }
}

/** True for a `PartnerApiError` from this or any other copy of the SDK. */
export function isPartnerApiError(value: unknown): value is PartnerApiError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
