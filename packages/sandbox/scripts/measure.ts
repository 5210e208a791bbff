// Measures the sandbox at full size: seed time for 15,000 resellers, and p50/p95 latency of tier status and a
// filtered member page over real HTTP. Prints a table and JSON. Run: npx tsx packages/sandbox/scripts/measure.ts
import { startSandbox } from '../src/index.js';

const REQUESTS = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(label: string, urls: () => string, credential: string) {
  const durations: number[] = [];
  for (let i = 0; i < REQUESTS + 20; i++) {
    const started = performance.now();
    const response = await fetch(urls(), { headers: { authorization: `Bearer ${credential}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
    if (i >= 20) durations.push(performance.now() - started); // the first requests warm up
  }
  durations.sort((a, b) => a - b);
  return { label, p50: +percentile(durations, 50).toFixed(2), p95: +percentile(durations, 95).toFixed(2) };
}

const started = performance.now();
const sandbox = await startSandbox({ resellers: 15_000, quiet: true, rateLimit: { windowMs: 60_000, max: 1_000_000 } });
const seedMs = Math.round(performance.now() - started);
const reseller = sandbox.credentials.resellers[0]!;
const org = sandbox.credentials.organizations.find((candidate) => candidate.kind === 'distributor')!;
const partners = sandbox.db.prepare('SELECT partner_id FROM memberships WHERE org_id = ?').pluck().all(org.orgId) as string[];
// The summary is cached per organization and data version: time each demo organization's first (uncached) answer.
const uncachedSummaryMs: Record<string, number> = {};
for (const organization of sandbox.credentials.organizations) {
  const started = performance.now();
  await (await fetch(`${sandbox.url}/v1/organizations/${organization.orgId}/summary`, { headers: { authorization: `Bearer ${organization.secretKey}` } })).arrayBuffer();
  uncachedSummaryMs[organization.kind] = +(performance.now() - started).toFixed(1);
}
let next = 0;
const results = [
  await time('tier-status (own partner)', () => `${sandbox.url}/v1/partners/${reseller.partnerId}/tier-status`, reseller.secretKey),
  await time('tier-status (org, varying members)', () => `${sandbox.url}/v1/partners/${partners[next++ % partners.length]}/tier-status`, org.secretKey),
  await time(`members page (${partners.length} members, tier=silver, region=dach, sort=-progress, limit=50)`, () => `${sandbox.url}/v1/organizations/${org.orgId}/members?tier=silver&region=dach&sort=-progress&limit=50`, org.secretKey),
  await time('members page (q=kommunikation, sort=name, limit=100)', () => `${sandbox.url}/v1/organizations/${org.orgId}/members?q=kommunikation&sort=name&limit=100`, org.secretKey),
  await time('organization summary (cached)', () => `${sandbox.url}/v1/organizations/${org.orgId}/summary`, org.secretKey),
];
await sandbox.close();

console.log(`startSandbox with 15,000 resellers (schema, seed, keys, listen): ${seedMs} ms`);
console.table(results);
console.log('first, uncached summary per organization kind (ms):', uncachedSummaryMs);
console.log(JSON.stringify({ seedMs, requests: REQUESTS, results, uncachedSummaryMs }));
