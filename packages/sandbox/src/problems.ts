// RFC 9457 problem responses with the contract's error codes.
import type { Context } from 'hono';
import { ERROR_CODES, type ErrorCode, type FieldError, PROBLEM_TYPE_BASE, type Problem } from '@poly-partner/contract';
import { finish } from './respond.js';

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  malformed_request: 'The request could not be read',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body must be JSON',
  unauthenticated: 'Authentication is required',
  token_expired: 'The token has expired',
  token_invalid: 'The token is not valid',
  forbidden: 'This credential may not do that',
  origin_not_allowed: 'This origin may not use this credential',
  insufficient_scope: 'The credential lacks the scope for this request',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  deal_not_withdrawable: 'The registration can no longer be withdrawn',
  key_limit_reached: 'No more keys of this kind can be created',
  idempotency_key_reused: 'The idempotency key was used with another request',
  idempotency_key_invalid: 'The idempotency key is not valid',
  rate_limited: 'Too many requests',
  internal_error: 'Something went wrong on our side',
  service_unavailable: 'The service is unavailable',
};

/** Thrown anywhere in a handler; `onError` turns it into a problem response. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? TITLES[code]);
  }
}

export function problemBody(code: ErrorCode, requestId: string, detail?: string, errors?: FieldError[], instance?: string): Problem {
  return {
    type: PROBLEM_TYPE_BASE + code,
    title: TITLES[code],
    status: ERROR_CODES[code],
    code,
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
    requestId,
    ...(errors ? { errors } : {}),
  };
}

export function problemResponse(c: Context, problem: ApiProblem): Response {
  const body = problemBody(problem.code, c.get('requestId') as string, problem.detail, problem.errors, new URL(c.req.url).pathname);
  return finish(c, JSON.stringify(body), body.status, { 'content-type': 'application/problem+json', ...problem.headers });
}

/** 429 with `Retry-After`. */
export function rateLimited(retryAfter: number): ApiProblem {
  return new ApiProblem('rate_limited', `Too many requests; retry in ${retryAfter} s.`, undefined, { 'retry-after': String(retryAfter) });
}
