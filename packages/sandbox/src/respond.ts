// How the sandbox builds its answers: every header of a response in one plain record, given to the Response when it is
// made — the route's own, its ETag (or the 304), and the headers every answer to the request carries (request id,
// CORS), gathered by the middlewares before the route ran. @hono/node-server writes such a response straight from
// that record; a middleware that changed `c.res.headers` afterwards would make it build a `Headers` object (and read it
// back) on every request. Same tags and 304s as hono's `etag()`, hashed synchronously from the text the route built.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { compressedBody } from './compress.js';

/** Headers a 304 keeps of the answer it stands for (hono's `etag()` default less `content-type`, which hono drops). */
const RETAINED_ON_304 = ['cache-control', 'content-location', 'date', 'expires', 'vary'];

/** Responses made here with the request's answer headers in them: the middlewares need not add those again. */
const finished = new WeakSet<Response>();

/** The strong entity tag of a body: SHA-1 of its UTF-8 bytes in hex, as hono's `etag()` makes it. */
export function entityTag(text: string): string {
  return `"${createHash('sha1').update(text).digest('hex')}"`;
}

/**
 * The record of headers every answer to this request carries; middlewares fill it before `next()`. Undefined when the
 * request did not pass them (then they add their headers to `c.res` afterwards, as for responses made elsewhere).
 */
export function answerHeaders(c: Context): Record<string, string> | undefined {
  return c.get('answerHeaders') as Record<string, string> | undefined;
}

/** Whether `response` already holds the request's answer headers (made by `finish`). */
export function isFinished(response: Response): boolean {
  return finished.has(response);
}

/**
 * Adds the request's answer headers to a response that `finish` did not make (the CORS preflight's, one made
 * elsewhere): the same headers, on its `Headers` object after the fact.
 */
export function addAnswerHeaders(c: Context): void {
  const answer = answerHeaders(c);
  if (!answer || finished.has(c.res)) return;
  for (const name in answer) {
    if (name === 'vary') c.res.headers.append(name, answer[name]!);
    else c.res.headers.set(name, answer[name]!);
  }
}

/**
 * A response with `headers` plus the request's answer headers, all in one plain record; a large JSON or SVG body
 * compressed when the request accepts it (compress.ts).
 */
export function finish(c: Context, text: string | null, status: number, headers: Record<string, string>): Response {
  const body = text === null ? null : compressedBody(text, headers, () => c.req.header('accept-encoding'));
  const answer = answerHeaders(c);
  if (answer) {
    for (const name in answer) headers[name] = name === 'vary' && headers.vary ? `${headers.vary}, ${answer.vary}` : answer[name]!;
  }
  const response = new Response(body, { status, headers });
  if (answer) finished.add(response);
  return response;
}

const stripWeak = (tag: string) => tag.replace(/^W\//, '');
function etagMatches(etag: string, ifNoneMatch: string | null | undefined): boolean {
  const expected = stripWeak(etag);
  return ifNoneMatch?.match(/"[^"]*"/g)?.some((tag) => tag === expected) ?? false;
}

/**
 * A response with `text` as body. A successful GET or HEAD gets the ETag of its text (`etag` when it was computed, and
 * cached, together with the text), or becomes a 304 when `If-None-Match` names it.
 */
export function textResponse(c: Context, text: string, status = 200, headers: Record<string, string> = { 'content-type': 'application/json' }, etag?: string): Response {
  const record = { ...headers };
  const method = c.req.method;
  if ((method === 'GET' || method === 'HEAD') && status >= 200 && status < 300 && text !== '') {
    const tag = etag ?? entityTag(text);
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch === '*' || etagMatches(tag, ifNoneMatch)) {
      const kept: Record<string, string> = { etag: tag };
      for (const name of RETAINED_ON_304) if (record[name] !== undefined) kept[name] = record[name];
      return finish(c, null, 304, kept);
    }
    record.etag = tag;
  }
  return finish(c, text, status, record);
}

/** `c.json(value, status)` through `textResponse`. */
export function json(c: Context, value: unknown, status = 200): Response {
  return textResponse(c, JSON.stringify(value), status);
}

/**
 * hono's `etag()` for responses not made by `textResponse` (which tags its own): GET/HEAD answers 2xx get a SHA-1
 * ETag of their body, read from a clone; a matching If-None-Match turns them into a 304 keeping only
 * `RETAINED_ON_304` headers.
 */
export function etag(): MiddlewareHandler {
  return async (c, next) => {
    const ifNoneMatch = c.req.header('if-none-match') ?? null;
    await next();
    if (!(c.req.method === 'GET' || c.req.method === 'HEAD') || !c.res.ok || isFinished(c.res)) return;
    const response = c.res;
    let tag = response.headers.get('etag');
    if (!tag) {
      if (!response.body) return;
      const bytes = new Uint8Array(await response.clone().arrayBuffer());
      if (bytes.byteLength === 0) return;
      tag = `"${createHash('sha1').update(bytes).digest('hex')}"`;
    }
    if (ifNoneMatch === '*' || etagMatches(tag, ifNoneMatch)) {
      await response.body?.cancel();
      c.res = new Response(null, { status: 304, statusText: 'Not Modified', headers: { ETag: tag } });
      for (const key of Array.from(c.res.headers.keys())) if (key !== 'etag' && !RETAINED_ON_304.includes(key)) c.res.headers.delete(key);
    } else {
      c.res.headers.set('ETag', tag);
    }
  };
}
