// RFC 9457 problem details with the API's stable error codes.
import * as z from 'zod/mini';
import { ERROR_CODES } from '../constants.js';

export { ERROR_CODES, PROBLEM_TYPE_BASE } from '../constants.js';

export type ErrorCode = keyof typeof ERROR_CODES;
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);


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
