// A stand-in for the Poly issuer (BADGE_ISSUER_ORIGIN), which tests cannot reach: answers its key set with keys made
// here, and — when asked to — turns the sandbox's badges into ones this issuer signed, as the real API would serve
// them. Installed over the page's fetch, so widgets built by <partner-config> use it too; the sandbox is still real.
import { BADGE_ISSUER_ORIGIN, base64UrlEncode } from '@poly-partner/contract';

interface IssuerKey {
  kid: string;
  pair: CryptoKeyPair;
  x: string;
}

export class IssuerStandIn {
  private readonly keys = new Map<string, IssuerKey>();
  /** Key ids the key set publishes, in order. */
  published: string[] = [];
  /** Key id the issuer signs badges with; undefined: the sandbox's badges pass through as the sandbox signed them. */
  signingKid: string | undefined;
  /** Every URL fetched while installed. */
  readonly requested: string[] = [];
  private original: typeof fetch | undefined;

  async addKey(kid: string): Promise<void> {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const { x } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    this.keys.set(kid, { kid, pair, x: x! });
  }

  /** A compact JWS of `claims` signed with `kid` (the signing key by default). */
  async sign(claims: unknown, kid = this.signingKid!): Promise<string> {
    const encode = (value: unknown) => base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)));
    const input = `${encode({ alg: 'EdDSA', kid, typ: 'JWT' })}.${encode(claims)}`;
    const signature = await crypto.subtle.sign({ name: 'Ed25519' }, this.keys.get(kid)!.pair.privateKey, new TextEncoder().encode(input));
    return `${input}.${base64UrlEncode(new Uint8Array(signature))}`;
  }

  install(): void {
    const original = (this.original = window.fetch);
    window.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      this.requested.push(url);
      if (url === `${BADGE_ISSUER_ORIGIN}/.well-known/jwks.json`) {
        const keys = this.published.map((kid) => ({ kty: 'OKP', crv: 'Ed25519', x: this.keys.get(kid)!.x, kid, alg: 'EdDSA', use: 'sig' }));
        return Response.json({ keys });
      }
      if (url.startsWith(BADGE_ISSUER_ORIGIN)) throw new TypeError('Failed to fetch');
      const response = await original(input, init);
      if (!this.signingKid || !/\/v1\/partners\/[^/]+\/badge$/.test(new URL(url).pathname) || !response.ok) return response;
      const { claims } = (await response.json()) as { claims: Record<string, unknown> };
      const issued = { ...claims, iss: BADGE_ISSUER_ORIGIN };
      return Response.json({ jws: await this.sign(issued), claims: issued });
    };
  }

  uninstall(): void {
    if (this.original) window.fetch = this.original;
    this.original = undefined;
  }
}
