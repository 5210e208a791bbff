// CORS for a page whose origin is not registered for its publishable key (issue 25): the browser would block the
// preflight, and the widget would only see "cannot be reached". The badge route, the one a publishable key reads,
// answers every origin's preflight, and a refusal of a publishable key (a problem document, never data) is readable
// there; data still reaches only registered origins.
import type { Context } from 'hono';
import { bearerOf } from './auth/credentials.js';

const BADGE_ROUTE = /^\/v1\/partners\/[^/]+\/badge$/;

/** Whether to answer this preflight of an origin not on the allow-list: one for the badge route. */
export const preflightForAnyOrigin = (c: Context): boolean => BADGE_ROUTE.test(c.req.path);

/** After the route ran: lets `origin` read a refused publishable key's problem (401 or 403), nothing else. */
export function exposeRefusal(c: Context, origin: string): void {
  const { status, headers } = c.res;
  if ((status === 401 || status === 403) && BADGE_ROUTE.test(c.req.path) && bearerOf(c)?.startsWith('pk_') && headers.get('content-type') === 'application/problem+json') {
    headers.set('access-control-allow-origin', origin);
  }
}
