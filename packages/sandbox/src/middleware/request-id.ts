// Gives every request an id (`x-request-id` on the answer, `requestId` in problems) and puts the headers every answer
// carries on responses that `finish()` (respond.ts) did not make.
import { randomFillSync } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { addAnswerHeaders } from '../respond.js';

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

/**
 * The headers every answer carries go into `answerHeaders` before the route runs (here and in the CORS middleware),
 * and `finish()` (respond.ts) puts them into the response it makes; only other responses (the preflight's, one made
 * elsewhere) get them afterwards, here.
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = newRequestId();
    c.set('requestId', id);
    c.set('answerHeaders', { 'x-request-id': id });
    await next();
    addAnswerHeaders(c);
  };
}
