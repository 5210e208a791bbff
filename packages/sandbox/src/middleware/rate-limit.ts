// The rate limit of requests without a credential: they count per client address here. Those with one are counted
// by `authenticate` (auth/credentials.ts), after it has verified the credential (per credential) or failed to (per
// address): counting raw bearer strings let every made-up key start a count of its own.
import type { MiddlewareHandler } from 'hono';
import { bearerOf, clientAddress } from '../auth/credentials.js';
import type { AppEnv, Sandbox } from '../context.js';
import { rateLimited } from '../problems.js';

/** Routes that read no credential: whatever their requests carry, they count per client address. */
const PUBLIC_PATHS = new Set(['/openapi.json', '/.well-known/jwks.json']);

export function rateLimitAnonymous(sandbox: Sandbox): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.path === '/healthz') return next();
    const credentialed = !PUBLIC_PATHS.has(c.req.path) && (bearerOf(c) !== null || (c.req.path.endsWith('/badge.svg') && c.req.query('key') !== undefined));
    if (!credentialed) {
      const retryAfter = sandbox.rateLimits.requests.hit(`address:${clientAddress(c)}`);
      if (retryAfter !== null) throw rateLimited(retryAfter);
    }
    return next();
  };
}
