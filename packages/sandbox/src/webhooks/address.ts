// Where webhooks may go (SSRF): production delivers only over https to public addresses; the sandbox also delivers
// to loopback, for development, and refuses every private, link-local or otherwise internal range either way.
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export type WebhookMode = 'sandbox' | 'production';
/** Resolves a host name to its addresses (injectable, so tests need no DNS). */
export type Lookup = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Never a webhook target: private (RFC 1918, unique local), link-local (cloud metadata), shared, reserved, multicast. */
const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) internal.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64], ['2002::', 16],
] as const) internal.addSubnet(network, prefix, 'ipv6');

/** An IPv4 address inside an IPv6 one (`::ffff:10.0.0.1`, NAT64 `64:ff9b::a00:1`), or null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const mapped = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return mapped[1]!;
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

/** Why an address may not be delivered to, or null when it may. */
export function addressRefusal(address: string, mode: WebhookMode): string | null {
  const v4 = isIP(address) === 6 ? embeddedIpv4(address) : null;
  const plain = v4 ?? address;
  const family = isIP(plain) === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(plain, family)) return mode === 'sandbox' ? null : 'loopback addresses are for the sandbox only';
  if (internal.check(plain, family)) return `${address} is a private, link-local or reserved address`;
  return null;
}

/**
 * Why a URL may not receive webhooks, or null. Host names are resolved, and every address they resolve to must be
 * allowed (checked again before each delivery: an answer may change). Nothing is sent anywhere to find out.
 */
export async function urlRefusal(text: string, mode: WebhookMode, lookup: Lookup = systemLookup): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only https URLs';
  if (url.username || url.password) return 'no credentials in the URL; authenticate the signature instead';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else if (host === 'localhost' || host.endsWith('.localhost')) addresses = ['127.0.0.1'];
  else {
    try {
      addresses = (await lookup(host)).map((entry) => entry.address);
    } catch {
      return `${host} does not resolve`;
    }
    if (addresses.length === 0) return `${host} does not resolve`;
  }
  for (const address of addresses) {
    const refusal = addressRefusal(address, mode);
    if (refusal) return refusal;
  }
  const toLoopback = addresses.every((address) => addressRefusal(address, 'production') !== null);
  // Plain http only to this machine in the sandbox: anything that leaves it is encrypted.
  if (url.protocol === 'http:' && !(mode === 'sandbox' && toLoopback)) return 'only https URLs (http only to loopback in the sandbox)';
  return null;
}
