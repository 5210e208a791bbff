// Responses whose body text the ETag middleware can hash directly, and that middleware: same tags and 304s as hono's
// `etag()`, without cloning every response and hashing it asynchronously through crypto.subtle.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

/** Body text (and, when known in advance, the entity tag) of responses made here, for the ETag middleware. */
const bodies = new WeakMap<Response, { text: string; etag?: string }>();

/** The strong entity tag of a body: SHA-1 of its UTF-8 bytes in hex, as hono's `etag()` makes it. */
export function entityTag(text: string): string {
  return `"${createHash('sha1').update(text).digest('hex')}"`;
}

/** A response with `text` as body; `etag` may be given when it was computed (and cached) together with the text. */
export function textResponse(c: Context, text: string, status = 200, headers: Record<string, string> = { 'content-type': 'application/json' }, etag?: string): Response {
  const response = c.body(text, status as 200, headers);
  bodies.set(response, etag === undefined ? { text } : { text, etag });
  return response;
}

/** `c.json(value, status)`, with the body text remembered for the ETag. */
export function json(c: Context, value: unknown, status = 200): Response {
  return textResponse(c, JSON.stringify(value), status);
}

const stripWeak = (tag: string) => tag.replace(/^W\//, '');
function etagMatches(etag: string, ifNoneMatch: string | null): boolean {
  const expected = stripWeak(etag);
  return ifNoneMatch?.match(/"[^"]*"/g)?.some((tag) => tag === expected) ?? false;
}

/**
 * hono's `etag()` semantics (GET/HEAD answers 2xx get a SHA-1 ETag of their body; a matching If-None-Match turns them
 * into a 304 keeping only `retainedHeaders`), hashing the text we already have synchronously. A response made
 * elsewhere (not through `textResponse`) is read from a clone, as hono does.
 */
export function etag(options: { retainedHeaders: string[] }): MiddlewareHandler {
  const retained = new Set(options.retainedHeaders.map((header) => header.toLowerCase()));
  return async (c, next) => {
    const ifNoneMatch = c.req.header('if-none-match') ?? null;
    await next();
    if (!(c.req.method === 'GET' || c.req.method === 'HEAD') || !c.res.ok) return;
    const response = c.res;
    let tag = response.headers.get('etag');
    if (!tag) {
      const known = bodies.get(response);
      if (known) {
        if (known.text === '') return;
        tag = known.etag ?? entityTag(known.text);
      } else {
        if (!response.body) return;
        const bytes = new Uint8Array(await response.clone().arrayBuffer());
        if (bytes.byteLength === 0) return;
        tag = `"${createHash('sha1').update(bytes).digest('hex')}"`;
      }
    }
    if (ifNoneMatch === '*' || etagMatches(tag, ifNoneMatch)) {
      await response.body?.cancel();
      c.res = new Response(null, { status: 304, statusText: 'Not Modified', headers: { ETag: tag } });
      for (const key of Array.from(c.res.headers.keys())) if (!retained.has(key.toLowerCase())) c.res.headers.delete(key);
    } else {
      c.res.headers.set('ETag', tag);
    }
  };
}
