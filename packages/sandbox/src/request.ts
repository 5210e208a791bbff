// Reading request bodies and query strings through the contract's schemas, with the API's problem answers.
import type { Context } from 'hono';
import { toFieldErrors } from '@poly-partner/contract';
import { ApiProblem } from './problems.js';

export const BODY_LIMIT_BYTES = 64 * 1024;
/** Deepest nesting of arrays and objects a body may have: real bodies are a few levels deep, and recursive code
 * (validation, the idempotency fingerprint) would overflow the stack on the thousands of levels 64 kB can hold. */
export const MAX_JSON_DEPTH = 32;

// Invalid UTF-8 is an unreadable body, not text to repair silently with U+FFFD and store.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether `value` nests deeper than `limit`, walked without recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * 413, closing the connection: the rest of the upload is not read, so Node closes the socket after the answer; saying
 * so (`Connection: close`) keeps a client's pool from sending its next request on that socket, where it failed with
 * "other side closed".
 */
export function payloadTooLarge(): ApiProblem {
  return new ApiProblem('payload_too_large', `The body may be at most ${BODY_LIMIT_BYTES} bytes.`, undefined, { connection: 'close' });
}

/** The raw JSON body, checked for content type, size and syntax (not yet for shape). */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiProblem('unsupported_media_type', 'Send the body as application/json.');
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > BODY_LIMIT_BYTES) throw payloadTooLarge();
  let value: unknown;
  try {
    value = JSON.parse(strictUtf8.decode(bytes)) as unknown;
  } catch {
    throw new ApiProblem('malformed_request', 'The body is not valid JSON in UTF-8.');
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) throw new ApiProblem('malformed_request', `The body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  return value;
}

/** What the routes need of a contract schema (zod's `safeParse`), without depending on zod here. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Parameters<typeof toFieldErrors>[0] } };
}

export function validate<T>(schema: Schema<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiProblem('validation_failed', 'Some fields are not valid; see errors.', toFieldErrors(parsed.error.issues));
  }
  return parsed.data;
}

export async function readBody<T>(c: Context, schema: Schema<T>): Promise<T> {
  return validate(schema, await readJsonBody(c));
}

/**
 * The query string as an object for a query schema: `numeric` keys become numbers when they look like one
 * (otherwise they stay strings and fail validation with a field error), repeated keys are an error.
 */
export function readQuery<T>(c: Context, schema: Schema<T>, numeric: readonly string[] = [], ignore: readonly string[] = []): T {
  const query: Record<string, unknown> = {};
  // Most reads carry no query string: no need to parse the URL for one.
  if (!c.req.url.includes('?')) return validate(schema, query);
  const params = new URL(c.req.url).searchParams;
  for (const key of new Set(params.keys())) {
    if (ignore.includes(key)) continue;
    const values = params.getAll(key);
    if (values.length > 1) {
      throw new ApiProblem('validation_failed', 'A query parameter was repeated.', [{ path: key, code: 'invalid_type', message: 'Give this parameter once' }]);
    }
    const value = values[0]!;
    query[key] = numeric.includes(key) && /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return validate(schema, query);
}

/** A search text with control characters is refused: SQLite's text functions stop at NUL, so it would match everyone. */
export function refuseControlCharacters(text: string | undefined, path: string): void {
  // eslint-disable-next-line no-control-regex
  if (text && /[\u0000-\u001f\u007f]/.test(text)) {
    throw new ApiProblem('validation_failed', 'The search text has control characters.', [{ path, code: 'invalid_format', message: 'Control characters are not allowed' }]);
  }
}
