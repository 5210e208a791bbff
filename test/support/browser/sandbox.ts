// Browser-test access to the sandbox the root web-test-runner config starts (test/support/sandbox-plugin.mjs):
// its URL and demo credentials, embed tokens minted for this page's origin, and clients built on them.
import type { Credentials } from '@poly-partner/sandbox';
import { createPartnerClient, type PartnerClient } from '@poly-partner/sdk';

/** The demo credentials: the sandbox's credentials.json. */
export type SandboxCredentials = Credentials;

export interface SandboxConfig {
  baseUrl: string;
  credentials: SandboxCredentials;
}

export type Subject = { partnerId: string } | { orgId: string };

let config: Promise<SandboxConfig> | undefined;

/** `GET /__sandbox/config.json`, fetched once per test file. */
export function sandboxConfig(): Promise<SandboxConfig> {
  config ??= fetch('/__sandbox/config.json').then(async (response) => {
    if (!response.ok) throw new Error(`/__sandbox/config.json answered ${response.status}`);
    return (await response.json()) as SandboxConfig;
  });
  return config;
}

/**
 * Mocha `before` hook for every browser test file: the sandbox starts (and seeds its 15,000 resellers) on the first
 * request, which can take longer than one test's timeout on a busy machine.
 */
export async function startSandboxFirst(this: { timeout(ms: number): void }): Promise<void> {
  this.timeout(180_000);
  await sandboxConfig();
}

/** An embed token for `subject`, minted by the test server the way a host portal's backend would. */
export async function embedToken(subject: Subject): Promise<{ token: string; expiresAt: string }> {
  const response = await fetch('/__sandbox/embed-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(subject),
  });
  if (!response.ok) throw new Error(`/__sandbox/embed-token answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { token: string; expiresAt: string };
}

export interface ClientOptions {
  /** A fetch wrapper, e.g. `FetchFaults.fetch`, to inject failures or rewrite bodies. */
  fetch?: typeof fetch;
}

/**
 * A client that authenticates with embed tokens for `subject`, as a widget on a host portal does. Retries are off
 * so an injected failure shows at once; caching is off so every test sees what its fetch wrapper does.
 */
export async function clientFor(subject: Subject, options: ClientOptions = {}): Promise<PartnerClient> {
  const { baseUrl } = await sandboxConfig();
  return createPartnerClient({
    baseUrl,
    // The tests run against the sandbox: its badges verify with its own keys, as sandbox badges.
    environment: 'sandbox',
    getToken: () => embedToken(subject),
    retry: false,
    cache: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** A client with the demo publishable key, as on a reseller's marketing site. */
export async function publishableClient(options: ClientOptions = {}): Promise<{ client: PartnerClient; partnerId: string }> {
  const { baseUrl, credentials } = await sandboxConfig();
  const publishable = credentials.publishable[0];
  if (!publishable) throw new Error('The sandbox has no publishable key');
  const client = createPartnerClient({
    baseUrl,
    environment: 'sandbox',
    publishableKey: publishable.publishableKey,
    retry: false,
    cache: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { client, partnerId: publishable.partnerId };
}

/** The demo reseller whose `about` text matches, e.g. /protected/i. */
export async function demoReseller(about: RegExp): Promise<SandboxCredentials['resellers'][number]> {
  const { credentials } = await sandboxConfig();
  const reseller = credentials.resellers.find((candidate) => about.test(candidate.about));
  if (!reseller) throw new Error(`No demo reseller is "${about}": ${credentials.resellers.map((r) => r.about).join('; ')}`);
  return reseller;
}
