// Verifies a webhook delivery per Standard Webhooks on WebCrypto (Node 20+, browsers, edge runtimes) and returns the
// typed event: the signature over "id.timestamp.body", the timestamp within a tolerance, and (given a store of
// ids seen) no replay of a webhook-id already accepted.
import { EventSchema, type PartnerEvent } from '@poly-partner/contract';

export type WebhookVerificationFailure = 'missing_headers' | 'stale' | 'bad_signature' | 'replayed' | 'invalid_payload';

export class WebhookVerificationError extends Error {
  readonly reason: WebhookVerificationFailure;
  constructor(reason: WebhookVerificationFailure, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.reason = reason;
  }
}

/** Where accepted webhook ids are remembered until their timestamp is out of tolerance (a Map, Redis, a table). */
export interface SeenWebhookIds {
  has(id: string): boolean | Promise<boolean>;
  /** `until`: milliseconds since the epoch after which the id may be forgotten. */
  add(id: string, until: number): void | Promise<void>;
}

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, in seconds (default 300, as the reference libraries). */
  toleranceSeconds?: number;
  /** Replay protection: a webhook-id seen within the tolerance is refused. */
  seen?: SeenWebhookIds;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** An in-memory `SeenWebhookIds` that forgets ids after their tolerance (one process only). */
export function memorySeenWebhookIds(): SeenWebhookIds {
  const ids = new Map<string, number>();
  return {
    has: (id) => (ids.get(id) ?? 0) > Date.now(),
    add(id, until) {
      const now = Date.now();
      if (ids.size > 10_000) for (const [key, expiry] of ids) if (expiry <= now) ids.delete(key);
      ids.set(id, until);
    },
  };
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | readonly string[] | undefined>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(' ') : (value as string | undefined);
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Compares without stopping at the first difference. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/**
 * Verifies a delivery and returns its event. `rawBody` must be the bytes as received (not parsed and serialized
 * again); `secret` is the endpoint's `whsec_…` secret, or several during a rotation. Throws
 * `WebhookVerificationError` with a `reason` otherwise.
 *
 * ```ts
 * const event = await verifyWebhook(await request.text(), request.headers, process.env.POLY_WEBHOOK_SECRET!);
 * if (event.type === 'partner.protection.ending') notify(event.data.name, event.data.daysLeft);
 * ```
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<PartnerEvent> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing_headers', 'webhook-id, webhook-timestamp and webhook-signature are required');
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const sentAt = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!(Math.abs(nowSeconds - sentAt) <= tolerance)) throw new WebhookVerificationError('stale', 'webhook-timestamp is outside the tolerance');

  const body = typeof rawBody === 'string' ? new TextEncoder().encode(rawBody) : rawBody instanceof Uint8Array ? rawBody : new Uint8Array(rawBody);
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  const offered = signatures.split(' ').filter((entry) => entry.startsWith('v1,')).map((entry) => entry.slice(3));
  let valid = false;
  for (const candidate of typeof secret === 'string' ? [secret] : secret) {
    let keyBytes: Uint8Array;
    try {
      keyBytes = base64ToBytes(candidate.startsWith('whsec_') ? candidate.slice(6) : candidate);
    } catch {
      throw new TypeError('The webhook secret is not whsec_ and base64');
    }
    const key = await crypto.subtle.importKey('raw', keyBytes as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const expected = bytesToBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, signed as BufferSource)));
    for (const signature of offered) if (sameText(signature, expected)) valid = true;
  }
  if (!valid) throw new WebhookVerificationError('bad_signature', 'No signature matches the secret');

  if (options.seen) {
    if (await options.seen.has(id)) throw new WebhookVerificationError('replayed', `webhook-id ${id} was accepted before`);
    await options.seen.add(id, (sentAt + tolerance) * 1000);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The body is not JSON');
  }
  const parsed = EventSchema.safeParse(json);
  if (!parsed.success) throw new WebhookVerificationError('invalid_payload', 'The body is not an event of this API version');
  return parsed.data as PartnerEvent;
}
