// The hono application: cross-cutting behaviour (request ids, CORS, rate limit, body limit, ETag, problems) and the routes.
import { randomFillSync } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bearerOf, clientAddress } from './auth/credentials.js';
import type { AppEnv, Sandbox } from './context.js';
import { ApiProblem, problemResponse, rateLimited } from './problems.js';
import { BODY_LIMIT_BYTES, payloadTooLarge } from './request.js';
import { registerDealRoutes } from './routes/deals.js';
import { registerEmbedTokenRoutes } from './routes/embed-tokens.js';
import { registerOperatorRoutes } from './routes/operator.js';
import { registerOrganizationRoutes } from './routes/organizations.js';
import { registerPartnerRoutes } from './routes/partners.js';
import { registerPublicRoutes } from './routes/public.js';
import { registerPublishableKeyRoutes } from './routes/publishable-keys.js';
import { addAnswerHeaders, etag } from './respond.js';

const EXPOSED_HEADERS = 'ETag, Retry-After, x-request-id, Location, Idempotent-Replayed';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-None-Match';

// Request ids take 9 random bytes each from a pool filled in one call, rather than one randomBytes call per request.
const idPool = Buffer.alloc(9 * 512);
let idOffset = idPool.length;
function newRequestId(): string {
  if (idOffset === idPool.length) {
    randomFillSync(idPool);
    idOffset = 0;
  }
  idOffset += 9;
  return `req_${idPool.toString('base64url', idOffset - 9, idOffset)}`;
}

/** Methods whose requests carry no body: the body limit has nothing to check (and asking for the body is not free). */
const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Path patterns and the methods they answer; any other method on them is a 405. */
const ROUTES: Record<string, string[]> = {
  '/healthz': ['GET'],
  '/openapi.json': ['GET'],
  '/.well-known/jwks.json': ['GET'],
  '/v1/program': ['GET'],
  '/v1/products': ['GET'],
  '/v1/embed-tokens': ['POST'],
  '/v1/partners/:partnerId': ['GET'],
  '/v1/partners/:partnerId/tier-status': ['GET'],
  '/v1/partners/:partnerId/tier-simulations': ['POST'],
  '/v1/partners/:partnerId/deals': ['GET', 'POST'],
  '/v1/partners/:partnerId/deals/conflict-check': ['POST'],
  '/v1/partners/:partnerId/badge': ['GET'],
  '/v1/partners/:partnerId/badge.svg': ['GET'],
  '/v1/partners/:partnerId/publishable-keys': ['GET', 'POST'],
  '/v1/partners/:partnerId/publishable-keys/:keyId/origins': ['POST'],
  '/v1/deals/:dealId': ['GET'],
  '/v1/deals/:dealId/withdraw': ['POST'],
  '/v1/organizations/:orgId': ['GET'],
  '/v1/organizations/:orgId/summary': ['GET'],
  '/v1/organizations/:orgId/members': ['GET'],
  '/verify/:partnerId': ['GET'],
  '/operator/partners/:partnerId': ['PATCH'],
};

/** Routes that read no credential: whatever their requests carry, they count per client address. */
const PUBLIC_PATHS = new Set(['/openapi.json', '/.well-known/jwks.json']);

export function createApp(sandbox: Sandbox, options: { quiet: boolean }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The headers every answer carries go into `answerHeaders` before the route runs (here and in the CORS middleware),
  // and `finish()` (respond.ts) puts them into the response it makes; only other responses (the preflight's, one made
  // elsewhere) get them afterwards, here.
  app.use('*', async (c, next) => {
    const requestId = newRequestId();
    c.set('requestId', requestId);
    c.set('answerHeaders', { 'x-request-id': requestId });
    await next();
    addAnswerHeaders(c);
  });

  // CORS: echo only allow-listed origins; every answer varies by Origin, so caches never mix them up.
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && sandbox.allowedOrigins.has(origin, sandbox.now().getTime());
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers: Record<string, string> = { vary: 'Origin' };
      if (allowed) {
        Object.assign(headers, {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': '600',
        });
      }
      c.res = new Response(null, { status: 204, headers });
      return;
    }
    const answer = c.get('answerHeaders');
    answer.vary = 'Origin';
    if (allowed) {
      answer['access-control-allow-origin'] = origin;
      answer['access-control-expose-headers'] = EXPOSED_HEADERS;
    }
    return next();
  });

  // Requests without a credential count per client address here. Those with one are counted by `authenticate`, after
  // it has verified the credential (per credential) or failed to (per address): counting raw bearer strings let every
  // made-up key start a count of its own.
  app.use('*', async (c, next) => {
    if (c.req.path === '/healthz') return next();
    const credentialed = !PUBLIC_PATHS.has(c.req.path) && (bearerOf(c) !== null || (c.req.path.endsWith('/badge.svg') && c.req.query('key') !== undefined));
    if (!credentialed) {
      const retryAfter = sandbox.rateLimits.requests.hit(`address:${clientAddress(c)}`);
      if (retryAfter !== null) throw rateLimited(retryAfter);
    }
    return next();
  });

  const limitBody = bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: () => { throw payloadTooLarge(); } });
  app.use('*', (c, next) => (BODILESS.has(c.req.method) ? next() : limitBody(c, next)));
  app.use('*', etag());

  registerPublicRoutes(app, sandbox);
  registerEmbedTokenRoutes(app, sandbox);
  registerPartnerRoutes(app, sandbox);
  registerDealRoutes(app, sandbox);
  registerOrganizationRoutes(app, sandbox);
  registerOperatorRoutes(app, sandbox);
  registerPublishableKeyRoutes(app, sandbox);
  for (const path of Object.keys(ROUTES)) {
    app.all(path, () => {
      throw new ApiProblem('method_not_allowed', `Use ${ROUTES[path]!.join(' or ')}.`, undefined, { allow: ROUTES[path]!.join(', ') });
    });
  }

  app.notFound((c) => problemResponse(c, new ApiProblem('not_found', 'No such resource.')));

  app.onError((error, c) => {
    if (error instanceof ApiProblem) return problemResponse(c, error);
    if (!options.quiet) console.error(`[sandbox] ${c.get('requestId')} ${c.req.method} ${c.req.path}:`, error);
    // Never leak internals: the request id is what to quote when reporting the problem.
    return problemResponse(c, new ApiProblem('internal_error', 'Unexpected error; quote the requestId when reporting it.'));
  });
  return app;
}
