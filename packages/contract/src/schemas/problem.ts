// RFC 9457 problem details with the API's stable error codes.
import * as z from 'zod/mini';

/** Every machine-readable error code the API answers with, and its HTTP status. */
export const ERROR_CODES = {
  validation_failed: 422,
  malformed_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  token_expired: 401,
  token_invalid: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  deal_not_withdrawable: 409,
  idempotency_key_reused: 422,
  idempotency_key_invalid: 400,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;
export type ErrorCode = keyof typeof ERROR_CODES;
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

/** Base of the problem `type` URIs: `type` is this plus the code. */
export const PROBLEM_TYPE_BASE = 'https://developer.poly.example/problems/';

export const FieldErrorSchema = z.object({
  /** JSON pointer-like path into the request, e.g. `customer.contact.email`. */
  path: z.string(),
  /** The validation issue code (zod's: `invalid_type`, `too_small`, `invalid_format`, …). */
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.gte(400), z.lte(599)),
  code: z.string(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.string(),
  errors: z.optional(z.array(FieldErrorSchema)),
});
export type Problem = z.infer<typeof ProblemSchema>;
