// The CORS allow-list: the origins given at start (demo sites, `--origin`, publishable keys' origins) and the origins
// embed tokens were minted for — those per secret key, at most `perCredential` of them, each until its last token
// expires. Minting used to add origins for good and without bound.
/**
 * `text` when it is an origin as a browser sends it in `Origin` (http or https, a host, a port from 1 to 65535 other
 * than the scheme's default, lower case), else `null`. Origins are parsed here once, where they enter (minting, start
 * options), so that later code (`new URL(origin)` for a badge's domains) never meets one it cannot parse.
 */
export function canonicalOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.port === '0' || url.origin !== text) return null;
  return text;
}

export class OriginAllowList {
  /** Per credential: origin → when its last token for that origin expires (ms). */
  private readonly granted = new Map<string, Map<string, number>>();
  /** Per origin: credential → expiry, so that `has` needs no walk over credentials. */
  private readonly holders = new Map<string, Map<string, number>>();

  private readonly fixed: Set<string>;

  constructor(
    fixed: Iterable<string>,
    readonly perCredential = 16,
  ) {
    this.fixed = new Set(fixed);
  }

  /** Allows `origin` for good: a publishable key was registered for it. */
  allow(origin: string): void {
    this.fixed.add(origin);
  }

  has(origin: string, now: number): boolean {
    if (this.fixed.has(origin)) return true;
    const holders = this.holders.get(origin);
    if (!holders) return false;
    for (const expiresAt of holders.values()) if (expiresAt > now) return true;
    return false;
  }

  /** Allows `origin` until `expiresAt` for `credentialId`'s tokens; its oldest origin goes when it holds too many. */
  grant(credentialId: string, origin: string, expiresAt: number, now: number): void {
    let origins = this.granted.get(credentialId);
    if (!origins) this.granted.set(credentialId, (origins = new Map()));
    for (const [held, until] of origins) if (until <= now) this.revoke(credentialId, origins, held);
    const until = Math.max(origins.get(origin) ?? 0, expiresAt);
    origins.set(origin, until);
    let holders = this.holders.get(origin);
    if (!holders) this.holders.set(origin, (holders = new Map()));
    holders.set(credentialId, until);
    while (origins.size > this.perCredential) {
      let soonest: string | undefined;
      for (const [held, heldUntil] of origins) if (soonest === undefined || heldUntil < origins.get(soonest)!) soonest = held;
      this.revoke(credentialId, origins, soonest!);
    }
  }

  private revoke(credentialId: string, origins: Map<string, number>, origin: string): void {
    origins.delete(origin);
    const holders = this.holders.get(origin);
    holders?.delete(credentialId);
    if (holders?.size === 0) this.holders.delete(origin);
  }
}
