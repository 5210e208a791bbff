// Compressed answers over real HTTP (node:http, which, unlike fetch, shows the bytes as they travel): large JSON and
// SVG answers go out brotli or gzip as the client accepts, small answers and 304s as they are.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, COMPRESS_THRESHOLD, compressedBody } from '../src/compress.js';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox();

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

function raw(path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const outgoing = request(api.sandbox.url + path, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, bytes: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function decoded(answer: Raw): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.bytes).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.bytes).toString('utf8');
  return answer.bytes.toString('utf8');
}

describe('response compression', () => {
  test('a tier status goes out brotli or gzip as accepted, at a fraction of its size, the same JSON decoded', async () => {
    const reseller = api.credentials.resellers[0]!;
    const path = `/v1/partners/${reseller.partnerId}/tier-status`;
    const auth = { authorization: `Bearer ${reseller.secretKey}` };
    const plain = await raw(path, auth);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined, 'no Accept-Encoding, no compression');
    assert.ok(plain.bytes.length > 4_000, `tier status is ${plain.bytes.length} B`);

    for (const [accept, expected] of [['gzip, deflate, br, zstd', 'br'], ['gzip, deflate', 'gzip'], ['br;q=0, gzip', 'gzip']] as const) {
      const answer = await raw(path, { ...auth, 'accept-encoding': accept });
      assert.equal(answer.headers['content-encoding'], expected, accept);
      assert.match(String(answer.headers.vary), /Accept-Encoding/);
      assert.match(String(answer.headers.vary), /Origin/);
      assert.ok(answer.bytes.length * 3 < plain.bytes.length, `${expected}: ${answer.bytes.length} B of ${plain.bytes.length}`);
      assert.deepEqual(JSON.parse(decoded(answer)), JSON.parse(plain.bytes.toString('utf8')));
      assert.equal(answer.headers.etag, plain.headers.etag, 'one ETag: revalidation works whatever the encoding');
    }
  });

  test('a 304 and a small answer go out uncompressed', async () => {
    const reseller = api.credentials.resellers[0]!;
    const headers = { authorization: `Bearer ${reseller.secretKey}`, 'accept-encoding': 'br, gzip' };
    const first = await raw('/v1/program', headers);
    assert.equal(first.headers['content-encoding'], 'br');
    const again = await raw('/v1/program', { ...headers, 'if-none-match': String(first.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(again.headers['content-encoding'], undefined);
    assert.equal(again.bytes.length, 0);

    const small = await raw('/healthz', headers);
    assert.equal(small.status, 200);
    assert.equal(small.headers['content-encoding'], undefined);
    const problem = await raw('/v1/nothing-here', headers);
    assert.equal(problem.status, 404);
    assert.equal(problem.headers['content-encoding'], undefined);
    assert.equal(JSON.parse(problem.bytes.toString('utf8')).code, 'not_found');
  });

  test('SVG is compressed from the threshold on, and goes out as it is below it', async () => {
    // The badge SVG (with its words in two lines and the verification link) is past the threshold.
    const { partnerId, publishableKey } = api.credentials.publishable[0]!;
    const badge = await raw(`/v1/partners/${partnerId}/badge.svg?key=${publishableKey}`, { 'accept-encoding': 'gzip' });
    assert.equal(badge.status, 200);
    assert.equal(badge.headers['content-encoding'], 'gzip');
    const image = gunzipSync(badge.bytes).toString('utf8');
    assert.ok(image.length >= COMPRESS_THRESHOLD && image.startsWith('<svg'), `badge SVG of ${image.length} B`);

    const small = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
    const smallHeaders: Record<string, string> = { 'content-type': 'image/svg+xml; charset=utf-8' };
    assert.equal(compressedBody(small, smallHeaders, () => 'gzip'), small, 'below the threshold: as it is');
    assert.equal(smallHeaders['content-encoding'], undefined);

    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(60)}</svg>`;
    const headers: Record<string, string> = { 'content-type': 'image/svg+xml; charset=utf-8' };
    const body = compressedBody(svg, headers, () => 'gzip');
    assert.ok(body instanceof Uint8Array);
    assert.equal(headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(body).toString('utf8'), svg);
    const html: Record<string, string> = { 'content-type': 'text/html' };
    assert.equal(compressedBody(svg, html, () => 'gzip'), svg, 'only JSON and SVG');
  });

  test('chooseEncoding reads q-values', () => {
    assert.equal(chooseEncoding(undefined), undefined);
    assert.equal(chooseEncoding('identity'), undefined);
    assert.equal(chooseEncoding('gzip;q=0, br;q=0'), undefined);
    assert.equal(chooseEncoding('GZIP, BR'), 'br');
    assert.equal(chooseEncoding('*'), 'gzip');
  });
});
