// Verifying a compact JWS against a key set (badges): a module of its own, apart from jws.ts, so that pages that only
// decode tokens (every widget's embed token) do not download it.
import { decodeJws } from './jws.js';
import type { Jwk, Jwks } from './schemas/badge.js';

const encoder = new TextEncoder();

/** Imports a public JWK of the key set for verifying. */
export function importPublicJwk(jwk: Jwk): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
}

/**
 * Verifies a compact JWS against a key set. Answers the payload when the signature holds,
 * `null` when it does not (tampered, unknown key, wrong algorithm); throws only on a malformed token.
 */
export async function verifyJws(jws: string, jwks: Jwks): Promise<unknown | null> {
  const { header, payload, signingInput, signature } = decodeJws(jws);
  if (header.alg !== 'EdDSA') return null;
  const jwk = jwks.keys.find((key) => key.kid === header.kid) ?? (header.kid === undefined ? jwks.keys[0] : undefined);
  if (!jwk) return null;
  const key = await importPublicJwk(jwk);
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, encoder.encode(signingInput));
  return valid ? payload : null;
}
