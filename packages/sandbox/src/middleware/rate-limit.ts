// The rate limit of requests no credential check counts. A request with a credential, to a route that reads it, is
// counted by `authenticate` (auth/credentials.ts), after it has verified the credential (per credential) or failed to
// (per address): counting raw bearer strings let every made-up key start a count of its own. Everything else counts
// per client address: here when it carries no credential, in `requireAccess` on a public route when it does.
import type { Context, MiddlewareHandler } from 'hono';
import { OPERATIONS } from '@poly-partner/contract';
import { bearerOf, clientAddress } from '../auth/credentials.js';
import type { AppEnv, Sandbox } from '../context.js';
import { rateLimited } from '../problems.js';

/** Paths never limited (liveness), from the rows of the table that say so; none has a path parameter. */
const UNLIMITED_PATHS = new Set<string>(OPERATIONS.flatMap((operation) => ('notRateLimited' in operation ? [operation.path] : [])));

/** Whether the request carries a credential: a bearer header, or the badge image's `?key=`. */
export function carriesCredential(c: Context): boolean {
  return bearerOf(c) !== null || (c.req.path.endsWith('/badge.svg') && c.req.query('key') !== undefined);
}

/** Counts the request against its client address; a 429 when the address is over its limit. */
export function countPerAddress(sandbox: Sandbox, c: Context): void {
  const retryAfter = sandbox.rateLimits.requests.hit(`address:${clientAddress(c)}`);
  if (retryAfter !== null) throw rateLimited(retryAfter);
}

/** Counts, per address, every request without a credential, to any path (also unknown ones) but liveness. */
export function rateLimitAnonymous(sandbox: Sandbox): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (UNLIMITED_PATHS.has(c.req.path)) return next();
    if (!carriesCredential(c)) countPerAddress(sandbox, c);
    return next();
  };
}
