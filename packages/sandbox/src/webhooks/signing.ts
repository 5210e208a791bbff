// Standard Webhooks signatures (https://www.standardwebhooks.com): `whsec_` secrets, `v1,` HMAC-SHA256 signatures.
import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: `whsec_` and 24 random bytes in base64, as the reference libraries make them. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under the secret's key bytes. */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The three headers of a delivery; during a rotation, one signature per valid secret, space-separated. */
export function webhookHeaders(secrets: readonly string[], id: string, timestamp: number, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signature(secret, id, timestamp, body)).join(' '),
  };
}
