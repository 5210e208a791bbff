// The demo backend that integrators copy (issue 16, item 12): a token's origin is the page's checked Origin, never
// the Host header; a cross-site POST gets no token; a malformed path answers without a stack or a path of this machine.
// Its middleware runs on a plain HTTP server here, behind a final handler that answers like Vite's (connect's): a 500
// with the error's stack for anything passed to `next(error)`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeJws } from '@poly-partner/contract';
import { demoBackendMiddleware } from '../../demo/server/demo-backend.js';
import { startTestSandbox, type Started } from '../support/node-sandbox.js';

interface Answer {
  status: number;
  text: string;
}

/** A raw request: Host and Origin exactly as given (fetch would not let a test set Host). */
function raw(port: number, path: string, headers: Record<string, string>, method = 'POST'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent: false }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('demo backend', () => {
  let sandbox: Started;
  let server: Server;
  let port: number;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'poly-demo-backend-'));
    sandbox = await startTestSandbox();
    const credentialsFile = join(folder, 'credentials.json');
    writeFileSync(credentialsFile, JSON.stringify(sandbox.credentials));
    const middleware = demoBackendMiddleware({ credentialsFile, widgetsDist: join(folder, 'widgets'), marketingPage: join(folder, 'missing.html') });
    server = createServer((request, response) => {
      middleware(request, response, ((error?: unknown) => {
        response.statusCode = error ? 500 : 404;
        response.end(error instanceof Error ? error.stack : 'next');
      }) as () => void);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await sandbox?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test("mints for the page's checked origin, whatever the Host header says", async () => {
    const partnerId = sandbox.credentials.resellers[0]!.partnerId;
    const page = `http://127.0.0.1:${port}`;
    const answer = await raw(port, `/api/embed-token?partner=${partnerId}`, { host: 'evil.example', origin: page, 'sec-fetch-site': 'same-origin' });
    assert.equal(answer.status, 200, answer.text);
    assert.equal((decodeJws(JSON.parse(answer.text).token).payload as { origin: string }).origin, page, 'bound to the page, not to Host');
    const localhost = await raw(port, `/api/embed-token?partner=${partnerId}`, { origin: `http://localhost:${port}` });
    assert.equal(localhost.status, 200);
  });

  test('mints nothing for a cross-site or an Origin-less POST', async () => {
    const partnerId = sandbox.credentials.resellers[0]!.partnerId;
    const path = `/api/embed-token?partner=${partnerId}`;
    const cases: Record<string, string>[] = [
      { host: `127.0.0.1:${port}`, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { host: 'evil.example', origin: 'http://evil.example' },
      { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'cross-site' },
      { host: `127.0.0.1:${port}`, origin: 'null' },
      { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port + 1}` },
      { host: `127.0.0.1:${port}` },
    ];
    for (const headers of cases) {
      const answer = await raw(port, path, headers);
      assert.equal(answer.status, 403, `${JSON.stringify(headers)}: ${answer.status} ${answer.text}`);
      assert.ok(!answer.text.includes('"token"'), 'no token in the answer');
    }
  });

  test('answers malformed paths and failures without a stack or a path of this machine', async () => {
    const paths = ['/widgets/%E0%A4%A', '/widgets/%', '/widgets/%ZZ', '/widgets/..%2f..%2fetc%2fpasswd', '/widgets/%00', '/marketing-site/', '/widgets/embed.js'];
    for (const path of paths) {
      const answer = await raw(port, path, {}, 'GET');
      assert.ok(answer.status >= 400 && answer.status < 500 || answer.status === 503, `${path}: ${answer.status}`);
      assert.doesNotMatch(answer.text, /\n\s+at |\/work\/|\/tmp\/|node:internal|Error:/, `${path} leaks: ${answer.text.slice(0, 200)}`);
    }
  });
});
