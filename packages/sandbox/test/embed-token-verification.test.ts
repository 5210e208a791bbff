// Embed tokens the sandbox's own key signed but minting never makes (issue 16, item 5): a lifetime over 600 s, an
// issue time in the future, scopes the subject's kind may not hold, and spellings other than canonical base64url.
// Each is signed here with the database's own key, as a leaked key or a faulty minting service would sign it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base64UrlDecode, signJws } from '@poly-partner/contract';
import { useSandbox } from './support/sandbox.js';

const ORIGIN = 'http://127.0.0.1:5173';
const fixed = new Date();
const api = useSandbox({ now: () => fixed });

async function sandboxSigner(): Promise<{ privateKey: CryptoKey; kid: string }> {
  const row = api.sandbox.db.prepare('SELECT kid, private_key FROM signing_keys ORDER BY created_at DESC LIMIT 1').get() as { kid: string; private_key: Buffer };
  return { kid: row.kid, privateKey: await crypto.subtle.importKey('pkcs8', new Uint8Array(row.private_key), { name: 'Ed25519' }, false, ['sign']) };
}

describe('embed-token verification', () => {
  test('refuses what minting would never sign, and takes what it would', async (t) => {
    const signer = await sandboxSigner();
    const reseller = api.credentials.resellers[0]!;
    const isp = api.credentials.organizations.find((org) => org.kind === 'isp')!;
    const now = Math.floor(fixed.getTime() / 1000);
    const claims = (overrides: Record<string, unknown> = {}) => ({
      iss: 'https://sandbox.partners.poly.example', sub: reseller.partnerId, kind: 'partner', origin: ORIGIN,
      scopes: ['partner:read', 'deals:read'], iat: now, exp: now + 600, jti: crypto.randomUUID(), ...overrides,
    });
    const sign = (payload: object) => signJws(payload, signer.privateKey, signer.kid, 'poly-embed+jwt');
    const read = async (token: string, path = `/v1/partners/${reseller.partnerId}/deals`) => {
      const answer = await api.call(path, { credential: token, headers: { origin: ORIGIN } });
      return `${answer.status} ${answer.body?.code ?? ''}`.trim();
    };
    const good = await sign(claims());
    assert.equal(await read(good), '200', 'a token as minting makes it works');

    // The signature's last character carries 4 bits that decoding drops: another spelling of the same token.
    const [head, body, signature] = good.split('.') as [string, string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1)!);
    const respelled = `${head}.${body}.${signature.slice(0, -1)}${alphabet[last ^ 0b0001]}`;
    assert.deepEqual(base64UrlDecode(respelled.split('.')[2]!), base64UrlDecode(signature), 'the same signature bytes');

    const cases: [string, string][] = [
      ['a lifetime of an hour', await sign(claims({ exp: now + 3600 }))],
      ['a lifetime of a year', await sign(claims({ exp: now + 365 * 86_400 }))],
      ['601 s', await sign(claims({ exp: now + 601 }))],
      ['issued in a minute', await sign(claims({ iat: now + 60, exp: now + 300 }))],
      ['expiring before it was issued', await sign(claims({ iat: now, exp: now - 1 }))],
      ['a partner token with members:read', await sign(claims({ scopes: ['partner:read', 'deals:read', 'members:read'] }))],
      ['a partner token with organization:read', await sign(claims({ scopes: ['organization:read', 'deals:read'] }))],
      ['an ISP token with deals:read', await sign(claims({ kind: 'organization', sub: isp.orgId, scopes: ['deals:read', 'partner:read'] }))],
      ['an ISP token with deals:write', await sign(claims({ kind: 'organization', sub: isp.orgId, scopes: ['deals:write', 'partner:read'] }))],
      ['a signature with other padding bits', respelled],
      ['a payload with "=" padding', `${head}.${body}${'='.repeat((4 - (body.length % 4)) % 4 || 4)}.${signature}`],
    ];
    const failures: string[] = [];
    for (const [name, token] of cases) {
      const outcome = await read(token);
      if (outcome !== '401 token_invalid') failures.push(`${name}: ${outcome}`);
    }
    t.diagnostic(`embed tokens refused: ${cases.length - failures.length} of ${cases.length}`);
    assert.deepEqual(failures, []);
    assert.equal(await read(await sign(claims({ exp: now + 30 }))), '200', 'a short lifetime is fine');
  });
});
