// Where credentials and origins enter (issue 16, items 7, 8, 9 and 11): the badge image's `?key=` takes publishable
// keys only, origins are checked as URLs when a token is minted, keys are stored hashed, and secret keys are refused
// from browsers.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, test } from 'node:test';
import { startSandbox } from '../src/index.js';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox();

describe('badge.svg?key=', () => {
  test('takes a publishable key, and refuses a secret key or an embed token in the URL', async () => {
    const publishable = api.credentials.publishable[0]!;
    const owner = api.credentials.resellers.find((reseller) => reseller.partnerId === publishable.partnerId)!;
    const path = `/v1/partners/${publishable.partnerId}/badge.svg`;
    const withKey = (key: string) => api.call(`${path}?key=${encodeURIComponent(key)}`);
    assert.equal((await withKey(publishable.publishableKey)).status, 200);
    const secret = await withKey(owner.secretKey);
    assert.deepEqual([secret.status, secret.body.code], [401, 'unauthenticated'], 'a secret key in a URL is refused');
    assert.match(secret.body.detail, /publishable key/);
    const minted = await api.call('/v1/embed-tokens', { credential: owner.secretKey, body: { origin: 'http://127.0.0.1:5173', subject: { partnerId: owner.partnerId } } });
    assert.equal((await withKey(minted.body.token)).status, 401, 'so is an embed token');
    // The header still takes the secret key.
    assert.equal((await api.call(path, { credential: owner.secretKey })).status, 200);
  });
});

describe('origins', () => {
  test('are parsed as browsers send them when a token is minted: no port past 65535, no 500 on the badge', async () => {
    const owner = api.credentials.resellers[0]!;
    const mint = (origin: string) => api.call('/v1/embed-tokens', { credential: owner.secretKey, body: { origin, subject: { partnerId: owner.partnerId } } });
    for (const origin of ['http://a:99999', 'http://a:65536', 'http://a:0', 'http://Portal.example', 'http://portal.example:80', 'https://portal.example:443', 'ftp://portal.example']) {
      const answer = await mint(origin);
      assert.equal(answer.status, 422, `${origin}: ${answer.status}`);
      assert.equal(answer.body.errors[0].path, 'origin');
    }
    const highest = await mint('http://a:65535');
    assert.equal(highest.status, 200);
    for (const path of [`/v1/partners/${owner.partnerId}/badge`, `/v1/partners/${owner.partnerId}/badge.svg`]) {
      assert.equal((await api.call(path, { credential: highest.body.token, headers: { origin: 'http://a:65535' } })).status, 200, path);
    }
  });
});

describe('API keys at rest', () => {
  test('are stored as hashes with a prefix, never as themselves, and still authenticate', async () => {
    const keys = [
      ...api.credentials.resellers.map((reseller) => reseller.secretKey),
      ...api.credentials.organizations.map((org) => org.secretKey),
      ...api.credentials.publishable.map((key) => key.publishableKey),
    ];
    const stored = JSON.stringify(api.sandbox.db.prepare('SELECT * FROM api_keys').all());
    for (const key of keys) {
      assert.ok(!stored.includes(key), `${key.slice(0, 12)}… is not in api_keys`);
      assert.ok(stored.includes(createHash('sha256').update(key).digest('hex')), 'its SHA-256 is');
      assert.ok(stored.includes(`"${key.slice(0, 12)}…"`), 'and its prefix, for logs');
    }
    const reseller = api.credentials.resellers[0]!;
    assert.equal((await api.call(`/v1/partners/${reseller.partnerId}`, { credential: reseller.secretKey })).status, 200);
    const almost = `${reseller.secretKey.slice(0, -1)}${reseller.secretKey.endsWith('a') ? 'b' : 'a'}`;
    assert.equal((await api.call(`/v1/partners/${reseller.partnerId}`, { credential: almost })).status, 401);
  });
});

describe('a database of schema 3 (keys in plaintext)', () => {
  test('has its keys hashed on the next start, and they still work', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'poly-keys-'));
    try {
      const file = join(folder, 'sandbox.db');
      const first = await startSandbox({ db: file, resellers: 60, quiet: true });
      const { credentials } = first;
      await first.close();
      const db = new BetterSqlite3(file);
      db.exec(`DROP TABLE api_keys; CREATE TABLE api_keys (key TEXT PRIMARY KEY, kind TEXT NOT NULL, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL, origins TEXT NOT NULL DEFAULT '[]') WITHOUT ROWID;`);
      const insert = db.prepare('INSERT INTO api_keys VALUES (?, ?, ?, ?, ?)');
      for (const reseller of credentials.resellers) insert.run(reseller.secretKey, 'secret', 'partner', reseller.partnerId, '[]');
      db.pragma('user_version = 3');
      db.close();
      const second = await startSandbox({ db: file, quiet: true });
      try {
        const reseller = credentials.resellers[0]!;
        const answer = await fetch(`${second.url}/v1/partners/${reseller.partnerId}`, { headers: { authorization: `Bearer ${reseller.secretKey}` } });
        assert.equal(answer.status, 200);
        assert.ok(!JSON.stringify(second.db.prepare('SELECT * FROM api_keys').all()).includes(reseller.secretKey));
      } finally {
        await second.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a secret key from a browser', () => {
  test("is refused when the request carries a browser's Origin, saying to use embed tokens", async () => {
    const reseller = api.credentials.resellers[0]!;
    const path = `/v1/partners/${reseller.partnerId}`;
    assert.equal((await api.call(path, { credential: reseller.secretKey })).status, 200, 'from a server (no Origin)');
    for (const origin of ['http://127.0.0.1:5173', 'https://evil.example', 'null']) {
      const answer = await api.call(path, { credential: reseller.secretKey, headers: { origin } });
      assert.deepEqual([answer.status, answer.body.code], [403, 'forbidden'], origin);
      assert.match(answer.body.detail, /embed token/);
    }
    const minted = await api.call('/v1/embed-tokens', { credential: reseller.secretKey, headers: { origin: 'http://127.0.0.1:5173' }, body: { origin: 'http://127.0.0.1:5173', subject: { partnerId: reseller.partnerId } } });
    assert.equal(minted.status, 403, 'nor can a page mint tokens with it');
  });
});
