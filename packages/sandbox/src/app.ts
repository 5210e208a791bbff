// The hono application: cross-cutting behaviour (request ids, CORS, rate limit, body limit, ETag, problems) and the
// routes, built from the contract's operation table (router.ts).
import { Hono } from 'hono';
import { OPERATIONS } from '@poly-partner/contract';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, Sandbox } from './context.js';
import { cors } from './middleware/cors.js';
import { rateLimitAnonymous } from './middleware/rate-limit.js';
import { requestId } from './middleware/request-id.js';
import { ApiProblem, problemResponse } from './problems.js';
import { BODY_LIMIT_BYTES, payloadTooLarge } from './request.js';
import { type OperationHandlers, registerMethodNotAllowed, registerOperations } from './router.js';
import { dealHandlers } from './routes/deals.js';
import { embedTokenHandlers } from './routes/embed-tokens.js';
import { eventHandlers } from './routes/events.js';
import { OPERATOR_ROUTES, registerOperatorRoutes } from './routes/operator.js';
import { organizationHandlers } from './routes/organizations.js';
import { partnerHandlers } from './routes/partners.js';
import { publicHandlers } from './routes/public.js';
import { publishableKeyHandlers } from './routes/publishable-keys.js';
import { webhookHandlers } from './routes/webhooks.js';
import { etag } from './respond.js';

/** Methods whose requests carry no body: the body limit has nothing to check (and asking for the body is not free). */
const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createApp(sandbox: Sandbox, options: { quiet: boolean }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', requestId());
  app.use('*', cors(sandbox));
  app.use('*', rateLimitAnonymous(sandbox));

  const limitBody = bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: () => { throw payloadTooLarge(); } });
  app.use('*', (c, next) => (BODILESS.has(c.req.method) ? next() : limitBody(c, next)));
  app.use('*', etag());

  // Every operation of the contract's table, each to its handler (a missing one fails the type check).
  const handlers = {
    ...publicHandlers(sandbox),
    ...embedTokenHandlers(sandbox),
    ...partnerHandlers(sandbox),
    ...dealHandlers(sandbox),
    ...organizationHandlers(sandbox),
    ...publishableKeyHandlers(sandbox),
    ...eventHandlers(sandbox),
    ...webhookHandlers(sandbox),
  } satisfies OperationHandlers;
  registerOperations(app, sandbox, handlers);
  registerOperatorRoutes(app, sandbox);
  registerMethodNotAllowed(app, [...OPERATIONS, ...OPERATOR_ROUTES]);

  app.notFound((c) => problemResponse(c, new ApiProblem('not_found', 'No such resource.')));

  app.onError((error, c) => {
    if (error instanceof ApiProblem) return problemResponse(c, error);
    if (!options.quiet) console.error(`[sandbox] ${c.get('requestId')} ${c.req.method} ${c.req.path}:`, error);
    // Never leak internals: the request id is what to quote when reporting the problem.
    return problemResponse(c, new ApiProblem('internal_error', 'Unexpected error; quote the requestId when reporting it.'));
  });
  return app;
}
