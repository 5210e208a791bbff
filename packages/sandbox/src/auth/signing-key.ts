// The sandbox's Ed25519 signing key, derived from the seed so badges and tokens verify across restarts.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import type { Jwks } from '@poly-partner/contract';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwks: Jwks;
}

/** PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export async function deriveSigningKey(seed: number): Promise<SigningKey> {
  const raw = createHash('sha256').update(`poly-partner-sandbox/signing-key/${seed}`).digest();
  const der = Buffer.concat([PKCS8_ED25519_PREFIX, raw]);
  const publicJwk = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
  const x = publicJwk.x!;
  const kid = `sandbox-${createHash('sha256').update(x).digest('hex').slice(0, 12)}`;
  const privateKey = await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
  return { kid, privateKey, jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' }] } };
}
