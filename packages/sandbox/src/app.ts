// The hono application: cross-cutting behaviour (request ids, CORS, rate limit, body limit, ETag, problems) and the routes.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, Sandbox } from './context.js';
import { cors } from './middleware/cors.js';
import { rateLimitAnonymous } from './middleware/rate-limit.js';
import { requestId } from './middleware/request-id.js';
import { ApiProblem, problemResponse } from './problems.js';
import { BODY_LIMIT_BYTES, payloadTooLarge } from './request.js';
import { registerDealRoutes } from './routes/deals.js';
import { registerEmbedTokenRoutes } from './routes/embed-tokens.js';
import { registerOperatorRoutes } from './routes/operator.js';
import { registerOrganizationRoutes } from './routes/organizations.js';
import { registerPartnerRoutes } from './routes/partners.js';
import { registerPublicRoutes } from './routes/public.js';
import { etag } from './respond.js';

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
  '/v1/deals/:dealId': ['GET'],
  '/v1/deals/:dealId/withdraw': ['POST'],
  '/v1/organizations/:orgId': ['GET'],
  '/v1/organizations/:orgId/summary': ['GET'],
  '/v1/organizations/:orgId/members': ['GET'],
  '/verify/:partnerId': ['GET'],
  '/operator/partners/:partnerId': ['PATCH'],
};

export function createApp(sandbox: Sandbox, options: { quiet: boolean }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', requestId());
  app.use('*', cors(sandbox));
  app.use('*', rateLimitAnonymous(sandbox));

  const limitBody = bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: () => { throw payloadTooLarge(); } });
  app.use('*', (c, next) => (BODILESS.has(c.req.method) ? next() : limitBody(c, next)));
  app.use('*', etag());

  registerPublicRoutes(app, sandbox);
  registerEmbedTokenRoutes(app, sandbox);
  registerPartnerRoutes(app, sandbox);
  registerDealRoutes(app, sandbox);
  registerOrganizationRoutes(app, sandbox);
  registerOperatorRoutes(app, sandbox);
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
