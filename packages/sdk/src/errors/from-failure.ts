// Turns whatever a request ended with (problem response, ky's timeout and network errors, abort, broken body) into
// a PartnerApiError.
import { ProblemSchema } from '@poly-partner/contract';
import { isPartnerApiError, PartnerApiError, type PartnerApiErrorType } from './partner-api-error.js';

function typeForStatus(status: number, code: string | undefined): PartnerApiErrorType {
  if (code === 'idempotency_key_reused') return 'conflict';
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'validation';
  return 'api';
}

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The error for a non-2xx response; the body is a problem document when the API wrote it, anything when a proxy did. */
export function errorFromResponse(response: Response, body: unknown): PartnerApiError {
  const parsed = ProblemSchema.safeParse(body);
  const problem = parsed.success ? parsed.data : undefined;
  const status = response.status;
  const code = problem?.code ?? `http_${status}`;
  return new PartnerApiError({
    type: typeForStatus(status, problem?.code),
    code,
    status,
    message: problem ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}` : `HTTP ${status} from ${response.url}`,
    requestId: problem?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    fieldErrors: problem?.errors ?? [],
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/** Maps any failure of one call; `signal` is the caller's, so its abort wins over whatever error the abort caused. */
export function toPartnerApiError(error: unknown, signal: AbortSignal | undefined): PartnerApiError {
  if (signal?.aborted) {
    return new PartnerApiError({ type: 'aborted', message: 'The request was aborted', cause: signal.reason });
  }
  if (isPartnerApiError(error)) return error;
  // By name, not class: ky's errors, checked without importing them.
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') {
    return new PartnerApiError({ type: 'timeout', message: (error as Error).message, cause: error });
  }
  if (name === 'NetworkError' || (error instanceof TypeError && /fetch|network|terminated|socket|load/i.test(error.message))) {
    // ky wraps a failed connection as NetworkError; the body reader rejects with a TypeError when a body breaks off.
    return new PartnerApiError({ type: 'network', message: `Network error: ${(error as Error).message}`, cause: error });
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new PartnerApiError({ type: 'aborted', message: 'The request was aborted', cause: error });
  }
  return new PartnerApiError({
    type: 'api',
    code: 'client_error',
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
