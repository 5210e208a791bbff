// Prints the SDK's figures: bundle size (min+gzip) and the requests a page of six partner widgets makes, without and
// with dedup + ETag cache, and the bytes its answers take on the wire, uncompressed and compressed as a browser asks
// (`Accept-Encoding: br, gzip`). Run: npx tsx packages/sdk/scripts/measure.ts (from the repo root).
import { gzipSync } from 'node:zlib';
import { createPartnerClient, type PartnerClient } from '../src/index.js';
import { countingFetch, demo, startTestSandbox } from '../test/support/sandbox.js';
import { bundleSdk } from './bundle.js';

async function bundleSize() {
  const { code, byPackage } = await bundleSdk();
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, byPackage };
}

/** The calls six widgets for one partner make when they render, each on its own, as Lit tasks would. */
function renderPage(client: PartnerClient, partnerId: string) {
  return Promise.all([
    // partner-tier-badge
    Promise.all([client.partners.get(partnerId), client.partners.tierStatus(partnerId)]),
    // next-tier-checklist
    Promise.all([client.program.get(), client.partners.tierStatus(partnerId)]),
    // partner-benefits
    Promise.all([client.program.get(), client.partners.tierStatus(partnerId)]),
    // partner-deal-list
    client.deals.list(partnerId, { limit: 20 }),
    // deal-registration-form
    Promise.all([client.products.list(), client.partners.get(partnerId)]),
    // partner-badge
    client.badges.get(partnerId),
  ]);
}

/**
 * A fetch that asks for `acceptEncoding` (Node's fetch decodes the answer; its `content-length` is then the bytes that
 * travelled, which countingFetch reads).
 */
function encodingFetch(acceptEncoding: string): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    request.headers.set('accept-encoding', acceptEncoding);
    return fetch(request);
  };
}

/** `acceptEncoding` 'identity' gives the bytes without compression; a browser's 'br, gzip' the compressed ones. */
async function pageRequests(cache: boolean, acceptEncoding = 'identity') {
  const sandbox = await startTestSandbox({ rateLimit: { windowMs: 60_000, max: 100_000 } });
  try {
    const { reseller } = demo(sandbox);
    const { fetch, log } = countingFetch(encodingFetch(acceptEncoding));
    const client = createPartnerClient({ baseUrl: sandbox.url, secretKey: reseller.secretKey, fetch, cache });
    await renderPage(client, reseller.partnerId);
    const first = log.length;
    const firstBytes = log.reduce((sum, entry) => sum + entry.bytes, 0);
    await renderPage(client, reseller.partnerId); // the re-render
    const second = log.slice(first);
    return {
      firstRender: first,
      reRender: second.length,
      notModified: second.filter((entry) => entry.status === 304).length,
      bodyBytesFirst: firstBytes,
      bodyBytesReRender: second.reduce((sum, entry) => sum + entry.bytes, 0),
    };
  } finally {
    await sandbox.close();
  }
}

const size = await bundleSize();
console.log(`SDK bundle (src/index.ts, esbuild --bundle --minify, ESM): ${size.minified} B min, ${size.gzip} B min+gzip`);
for (const [name, bytes] of [...size.byPackage].sort((a, b) => b[1] - a[1])) console.log(`  ${name}: ${bytes} B min`);
const without = await pageRequests(false);
const withCache = await pageRequests(true);
const compressed = await pageRequests(true, 'br, gzip');
console.table({ 'cache: false': without, 'dedup + ETag (default)': withCache, 'dedup + ETag, br/gzip': compressed });
console.log(JSON.stringify({ size: { minified: size.minified, gzip: size.gzip }, without, withCache, compressed }));
