// The signing key (issue 16, item 1): random per database and kept in it, never computable from public source;
// loadable from a file or the environment; rotatable, with every active key in the key set.
import assert from 'node:assert/strict';
import { createHash, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { decodeJws, signJws, verifyJws } from '@poly-partner/contract';
import { DEFAULT_SEED, startSandbox } from '../src/index.js';

const directory = mkdtempSync(join(tmpdir(), 'poly-signing-'));
after(() => rmSync(directory, { recursive: true, force: true }));

const ORIGIN = 'http://127.0.0.1:5173';

/** What anyone could compute from the public source before: the key derived from the default seed. */
async function keyFromPublicSeed(): Promise<CryptoKey> {
  const raw = createHash('sha256').update(`poly-partner-sandbox/signing-key/${DEFAULT_SEED}`).digest();
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), raw]);
  return crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
}

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

async function jwksOf(sandbox: Sandbox) {
  return (await (await fetch(`${sandbox.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string; x: string }[] };
}

async function mint(sandbox: Sandbox): Promise<string> {
  const reseller = sandbox.credentials.resellers[0]!;
  const answer = await fetch(`${sandbox.url}/v1/embed-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${reseller.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ origin: ORIGIN, subject: { partnerId: reseller.partnerId } }),
  });
  assert.equal(answer.status, 200);
  return ((await answer.json()) as { token: string }).token;
}

async function readDeals(sandbox: Sandbox, token: string, partnerId: string): Promise<number> {
  const answer = await fetch(`${sandbox.url}/v1/partners/${partnerId}/deals`, { headers: { authorization: `Bearer ${token}`, origin: ORIGIN } });
  await answer.arrayBuffer();
  return answer.status;
}

describe('the signing key', () => {
  test('is random per database: a token forged with the key computable from the public seed is refused', async () => {
    const a = await startSandbox({ resellers: 60, quiet: true });
    const b = await startSandbox({ resellers: 60, quiet: true });
    try {
      const [keysA, keysB] = [await jwksOf(a), await jwksOf(b)];
      assert.equal(keysA.keys.length, 1);
      assert.notEqual(keysA.keys[0]!.x, keysB.keys[0]!.x, 'two databases of the same seed sign with different keys');
      // The attack of the review: mint a token for another reseller with the seed-derived key, read its deals.
      const victim = a.credentials.resellers[1]!.partnerId;
      const forger = await keyFromPublicSeed();
      const now = Math.floor(Date.now() / 1000);
      const forged = await signJws(
        { iss: 'https://sandbox.partners.poly.example', sub: victim, kind: 'partner', origin: ORIGIN, scopes: ['deals:read', 'deals:write'], iat: now, exp: now + 300, jti: 'forged' },
        forger,
        keysA.keys[0]!.kid,
        'poly-embed+jwt',
      );
      assert.equal(await readDeals(a, forged, victim), 401, 'a forged token reads no deals');
      // A token the sandbox minted itself still works.
      assert.equal(await readDeals(a, await mint(a), a.credentials.resellers[0]!.partnerId), 200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('a file database keeps its key across restarts', async () => {
    const db = join(directory, 'restart.db');
    const first = await startSandbox({ db, resellers: 60, quiet: true });
    const keys = await jwksOf(first);
    const token = await mint(first);
    await first.close();
    const second = await startSandbox({ db, quiet: true });
    try {
      assert.deepEqual(await jwksOf(second), keys);
      assert.equal(await readDeals(second, token, second.credentials.resellers[0]!.partnerId), 200, 'a token minted before the restart still verifies');
    } finally {
      await second.close();
    }
  });

  test('a key from the environment (or --signing-key-file) signs instead, and is the only one published', async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    process.env.POLY_SANDBOX_SIGNING_KEY = pem;
    let sandbox: Sandbox;
    try {
      sandbox = await startSandbox({ resellers: 60, quiet: true });
    } finally {
      delete process.env.POLY_SANDBOX_SIGNING_KEY;
    }
    try {
      const expectedX = createPrivateKey(pem).export({ format: 'jwk' }).x;
      const keys = await jwksOf(sandbox);
      assert.deepEqual(keys.keys.map((key) => key.x), [expectedX]);
      const token = await mint(sandbox);
      assert.ok(await verifyJws(token, keys as never), 'the token verifies against the loaded key');
    } finally {
      await sandbox.close();
    }
  });

  test('rotation: the newest key signs, older active keys still verify, retired ones do not', async () => {
    const sandbox = await startSandbox({ resellers: 60, quiet: true });
    try {
      const partnerId = sandbox.credentials.resellers[0]!.partnerId;
      const before = await mint(sandbox);
      const oldKid = decodeJws(before).header.kid;
      const newKid = await sandbox.rotateSigningKey();
      assert.notEqual(newKid, oldKid);
      assert.deepEqual((await jwksOf(sandbox)).keys.map((key) => key.kid), [newKid, oldKid]);
      const afterRotation = await mint(sandbox);
      assert.equal(decodeJws(afterRotation).header.kid, newKid, 'the newest key signs');
      assert.equal(await readDeals(sandbox, before, partnerId), 200, 'a token of the previous key still verifies');
      const third = await sandbox.rotateSigningKey({ retirePrevious: true });
      assert.deepEqual((await jwksOf(sandbox)).keys.map((key) => key.kid), [third]);
      assert.equal(await readDeals(sandbox, before, partnerId), 401, 'a retired key verifies nothing');
    } finally {
      await sandbox.close();
    }
  });

  test('listening beyond loopback warns; loopback does not', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const local = await startSandbox({ resellers: 60, quiet: true, db: ':memory:' });
      await local.close();
      assert.deepEqual(warnings, []);
      const exposed = await startSandbox({ resellers: 60, quiet: true, db: ':memory:', host: '0.0.0.0' });
      await exposed.close();
    } finally {
      console.warn = warn;
    }
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /0\.0\.0\.0 exposes the sandbox/);
  });
});
