// A partner's registered websites (where its badge verifies) and its listing in the program, as Poly maintains them.
import { parse } from 'tldts';
import { prepared } from './db/statements.js';
import type { Sandbox } from './context.js';

/** Hosts a developer's machine answers on; accepted by the sandbox, refused by production-mode badges. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The host of `input` (a host name or a URL) when a badge may be issued for it: a registrable domain by the Public
 * Suffix List, or a host under one. A public suffix (`com`, `co.uk`, and private ones such as `github.io`, whose
 * subdomains belong to different owners) is refused, or one badge would verify on every site under it. Loopback hosts
 * pass only because this is the sandbox. Answers undefined when refused.
 */
export function registrableWebsite(input: string): string | undefined {
  let host = input.trim().toLowerCase();
  if (host.includes('/')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.replace(/\.$/, '');
  if (LOOPBACK.has(host)) return host;
  // Only letters, digits, dots and hyphens, as a URL's host serializes (IDNs in punycode): nothing else reaches a claim.
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return undefined;
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp || !parsed.domain || parsed.hostname !== host) return undefined;
  return host;
}

export interface Listing {
  websites: string[];
  /** When the partner left the program (ISO timestamp), or null. */
  leftAt: string | null;
}

/** The partner's listing; without a row of its own, the registrable domain of its profile's `website`. */
export function listingOf(sandbox: Sandbox, partnerId: string, website: string | null): Listing {
  const row = prepared(sandbox.db, 'SELECT websites, left_at FROM partner_listings WHERE partner_id = ?').get(partnerId) as
    | { websites: string; left_at: string | null }
    | undefined;
  if (row) return { websites: JSON.parse(row.websites) as string[], leftAt: row.left_at };
  const host = website ? registrableWebsite(website) : undefined;
  const domain = host ? (parse(host, { allowPrivateDomains: true }).domain ?? host) : undefined;
  return { websites: domain ? [domain] : [], leftAt: null };
}

export function saveListing(sandbox: Sandbox, partnerId: string, listing: Listing): void {
  prepared(
    sandbox.db,
    `INSERT INTO partner_listings (partner_id, websites, left_at) VALUES (?, ?, ?)
     ON CONFLICT(partner_id) DO UPDATE SET websites = excluded.websites, left_at = excluded.left_at`,
  ).run(partnerId, JSON.stringify(listing.websites), listing.leftAt);
}
