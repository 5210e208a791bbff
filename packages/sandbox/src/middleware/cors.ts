// CORS: echo only allow-listed origins; every answer varies by Origin, so caches never mix them up.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Sandbox } from '../context.js';
import { exposeRefusal, preflightForAnyOrigin } from '../publishable-cors.js';

const EXPOSED_HEADERS = 'ETag, Retry-After, x-request-id, Location, Idempotent-Replayed';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-None-Match';

/** Answers preflights itself; on other requests, adds the CORS headers to what the route answers. */
export function cors(sandbox: Sandbox): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && sandbox.allowedOrigins.has(origin, sandbox.now().getTime());
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers: Record<string, string> = { vary: 'Origin' };
      if (allowed || preflightForAnyOrigin(c)) {
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
      return next();
    }
    await next();
    if (origin !== undefined) exposeRefusal(c, origin);
  };
}
