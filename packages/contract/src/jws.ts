// Compact JWS with EdDSA (Ed25519) on WebCrypto, for badges and embed tokens. Browser and Node alike.

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
