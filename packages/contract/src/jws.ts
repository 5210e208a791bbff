// Compact JWS with EdDSA (Ed25519) on WebCrypto, for badges and embed tokens. Browser and Node alike.
import type { Jwk, Jwks } from './schemas/badge.js';

export interface JwsHeader {
  alg: string;
  kid?: string;
  typ?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Typed `Uint8Array`, not `Uint8Array<ArrayBuffer>`: the published declarations must compile on TypeScript before 5.7,
// where Uint8Array takes no type argument.
export function base64UrlDecode(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SyntaxError('Not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Splits a compact JWS and parses its header and payload, without checking the signature. */
export function decodeJws(jws: string): { header: JwsHeader; payload: unknown; signingInput: string; signature: Uint8Array } {
  const parts = jws.split('.');
  if (parts.length !== 3) throw new SyntaxError('A compact JWS has three parts');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = JSON.parse(decoder.decode(base64UrlDecode(headerPart))) as JwsHeader;
  if (typeof header !== 'object' || header === null || typeof header.alg !== 'string') {
    throw new SyntaxError('JWS header has no alg');
  }
  return {
    header,
    payload: JSON.parse(decoder.decode(base64UrlDecode(payloadPart))),
    signingInput: `${headerPart}.${payloadPart}`,
    signature: base64UrlDecode(signaturePart),
  };
}

/** Signs `payload` as a compact JWS with an Ed25519 private key. */
export async function signJws(payload: unknown, privateKey: CryptoKey, kid: string, typ = 'JWT'): Promise<string> {
  const header = base64UrlEncode(encoder.encode(JSON.stringify({ alg: 'EdDSA', kid, typ })));
  const body = base64UrlEncode(encoder.encode(JSON.stringify(payload)));
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, encoder.encode(`${header}.${body}`));
  return `${header}.${body}.${base64UrlEncode(new Uint8Array(signature))}`;
}

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
