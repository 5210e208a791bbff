// The sandbox's Ed25519 signing keys: random per database and kept in it (or one loaded from a file or the
// environment), never derived from anything public — whoever could compute the key could mint any token or badge.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Jwks } from '@poly-partner/contract';

/**
 * What signs (the newest key) and what verifies (every active key). The object stays the same when keys rotate:
 * its fields are replaced, so whoever holds `sandbox.signingKey` always signs with the newest key.
 */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwks: Jwks;
}

/** The environment variable that may hold a signing key (PEM PKCS #8, or the 32-byte seed in base64url or hex). */
export const SIGNING_KEY_ENV = 'POLY_SANDBOX_SIGNING_KEY';

/** PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

interface KeyRow {
  kid: string;
  private_key: Buffer;
}

/** Parses key material given by an operator: PEM PKCS #8, or a raw 32-byte seed as hex or base64url. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  if (trimmed.startsWith('-----BEGIN')) {
    key = createPrivateKey(trimmed);
  } else {
    const raw = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64url');
    if (raw.byteLength !== 32) throw new Error('A signing key is PEM PKCS #8, or 32 bytes of Ed25519 seed in hex or base64url.');
    key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, raw]), format: 'der', type: 'pkcs8' });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`The signing key must be Ed25519, not ${key.asymmetricKeyType}.`);
  return key;
}

function kidOf(x: string): string {
  return `sandbox-${createHash('sha256').update(x).digest('hex').slice(0, 12)}`;
}

function describe(key: KeyObject): { der: Buffer; x: string; kid: string } {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  const x = createPublicKey(key).export({ format: 'jwk' }).x!;
  return { der, x, kid: kidOf(x) };
}

function jwkOf(x: string, kid: string) {
  return { kty: 'OKP' as const, crv: 'Ed25519' as const, x, kid, alg: 'EdDSA' as const, use: 'sig' as const };
}

async function importSigner(der: Buffer): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', new Uint8Array(der), { name: 'Ed25519' }, false, ['sign']);
}

function insertRandomKey(db: Database.Database, now: Date): string {
  const { der, kid } = describe(generateKeyPairSync('ed25519').privateKey);
  db.prepare('INSERT INTO signing_keys (kid, private_key, created_at) VALUES (?, ?, ?)').run(kid, der, now.toISOString());
  return kid;
}

/**
 * The signing keys of a database: a random one is made the first time. With `external` key material (from
 * `--signing-key-file` or `POLY_SANDBOX_SIGNING_KEY`), that key signs and is the only one published.
 */
export async function loadSigningKeys(db: Database.Database, now: Date, external?: string): Promise<SigningKey> {
  if (external !== undefined) {
    const { der, x, kid } = describe(parseSigningKey(external));
    return { kid, privateKey: await importSigner(der), jwks: { keys: [jwkOf(x, kid)] } };
  }
  const count = db.prepare('SELECT COUNT(*) FROM signing_keys WHERE retired_at IS NULL').pluck().get() as number;
  if (count === 0) insertRandomKey(db, now);
  const key = {} as SigningKey;
  await reloadInto(db, key);
  return key;
}

async function reloadInto(db: Database.Database, target: SigningKey): Promise<void> {
  // Newest first: it signs; the others still verify what they signed until they are retired.
  const rows = db.prepare('SELECT kid, private_key FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, rowid DESC').all() as KeyRow[];
  const keys = rows.map((row) => jwkOf(describe(createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' })).x, row.kid));
  target.privateKey = await importSigner(rows[0]!.private_key);
  target.kid = rows[0]!.kid;
  target.jwks = { keys };
}

/**
 * Adds a new random key that signs from now on; the previous ones stay in the key set (so what they signed still
 * verifies) unless `retirePrevious`. Answers the new key's `kid`.
 */
export async function rotateSigningKey(db: Database.Database, target: SigningKey, now: Date, options: { retirePrevious?: boolean } = {}): Promise<string> {
  if (!db.prepare('SELECT 1 FROM signing_keys WHERE kid = ?').get(target.kid)) {
    throw new Error('This sandbox signs with a key loaded from a file or the environment; rotate that key there.');
  }
  const kid = insertRandomKey(db, new Date(Math.max(now.getTime(), latestCreated(db) + 1)));
  if (options.retirePrevious) db.prepare('UPDATE signing_keys SET retired_at = ? WHERE kid <> ? AND retired_at IS NULL').run(now.toISOString(), kid);
  await reloadInto(db, target);
  return kid;
}

function latestCreated(db: Database.Database): number {
  const latest = db.prepare('SELECT MAX(created_at) FROM signing_keys').pluck().get() as string | null;
  return latest ? Date.parse(latest) : 0;
}
