// What keeps a badge honest on the issuer's side: websites by the Public Suffix List, changed only by the operator;
// short-lived badges and an SVG cached no longer; the verification page (languages, escaping, no framing); leaving.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BADGE_LIFETIME_SECONDS } from '@poly-partner/contract';
import { registrableWebsite } from '../src/websites.js';
import { movableClock, useSandbox } from './support/sandbox.js';

const clock = movableClock();
const api = useSandbox({ now: clock.now });
const creds = () => api.credentials;
const goldOne = () => creds().resellers.find((reseller) => /clean Gold/.test(reseller.about))!;

/** `PATCH /operator/partners/{id}` (not part of the v1 API, so not checked against its document). */
async function operator(partnerId: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${creds().operatorKey}` }) {
  const response = await fetch(`${api.sandbox.url}/operator/partners/${partnerId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('registered websites', () => {
  test('only registrable domains (Public Suffix List) and hosts under them are accepted', () => {
    for (const refused of ['com', 'co.uk', 'github.io', 'blogspot.com', '.com', 'exa mple.com', 'https://co.uk/', '*.example.com', 'example..com', '']) {
      assert.equal(registrableWebsite(refused), undefined, refused);
    }
    assert.equal(registrableWebsite('Example.CO.UK.'), 'example.co.uk');
    assert.equal(registrableWebsite('shop.example.de'), 'shop.example.de');
    assert.equal(registrableWebsite('https://www.example.com/path'), 'www.example.com');
    assert.equal(registrableWebsite('someone.github.io'), 'someone.github.io');
    assert.equal(registrableWebsite('localhost'), 'localhost', 'loopback: the sandbox is for development');
  });

  test('the operator changes them; a public suffix is refused with a field error; badges follow', async () => {
    const reseller = goldOne();
    const refused = await operator(reseller.partnerId, { websites: ['example.com', 'co.uk'] });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]), [['websites.1', 'not_registrable']]);

    const changed = await operator(reseller.partnerId, { websites: ['Reseller.example.com', 'reseller.co.uk'] });
    assert.equal(changed.status, 200);
    assert.deepEqual(changed.body.websites, ['reseller.example.com', 'reseller.co.uk']);
    const badge = await api.call(`/v1/partners/${reseller.partnerId}/badge`, { credential: reseller.secretKey });
    assert.deepEqual(badge.body.claims.domains, ['reseller.example.com', 'reseller.co.uk']);
    const profile = await api.call(`/v1/partners/${reseller.partnerId}`, { credential: reseller.secretKey });
    assert.deepEqual(profile.body.websites, ['reseller.example.com', 'reseller.co.uk']);
  });

  test('only the operator key changes them, and never from a browser', async () => {
    const reseller = goldOne();
    assert.equal((await operator(reseller.partnerId, { websites: ['evil.example'] }, {})).status, 401);
    assert.equal((await operator(reseller.partnerId, { websites: ['evil.example'] }, { authorization: `Bearer ${reseller.secretKey}` })).status, 401);
    const fromBrowser = await operator(reseller.partnerId, { websites: ['evil.example'] }, { authorization: `Bearer ${creds().operatorKey}`, origin: 'http://localhost:5173' });
    assert.equal(fromBrowser.status, 403);
    const badge = await api.call(`/v1/partners/${reseller.partnerId}/badge`, { credential: reseller.secretKey });
    assert.ok(!badge.body.claims.domains.includes('evil.example'));
  });
});

describe('badge lifetime and the SVG', () => {
  test(`a badge lives ${BADGE_LIFETIME_SECONDS / 60} minutes, and the SVG is cached no longer`, async () => {
    const key = creds().publishable[0]!;
    const badge = await api.call(`/v1/partners/${key.partnerId}/badge`, { credential: key.publishableKey });
    assert.equal(badge.body.claims.exp - badge.body.claims.iat, BADGE_LIFETIME_SECONDS);
    assert.equal(BADGE_LIFETIME_SECONDS, 900);

    const svg = await api.call(`/v1/partners/${key.partnerId}/badge.svg?key=${key.publishableKey}`);
    assert.equal(svg.headers.get('cache-control'), `public, max-age=${BADGE_LIFETIME_SECONDS}`);
    assert.equal(svg.headers.get('x-content-type-options'), 'nosniff');
    assert.match(svg.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.match(svg.headers.get('vary')!, /Accept-Language/);
    // It links to the verification page, and says what the live badge says (here: that it is a sandbox badge).
    assert.match(svg.text, new RegExp(`<a href="${api.sandbox.url}/verify/${key.partnerId}"`));
    assert.match(svg.text, /Sandbox badge, not issued by Poly/);
    assert.match(svg.text, /checked /);
    assert.doesNotMatch(svg.text, /until|valid/i);

    const withHeader = await api.call(`/v1/partners/${key.partnerId}/badge.svg`, { credential: key.publishableKey });
    assert.equal(withHeader.status, 200);
    assert.equal(withHeader.headers.get('cache-control'), 'private, no-store');
  });

  test('the SVG speaks German when asked, by ?lang= or Accept-Language', async () => {
    const key = creds().publishable[0]!;
    const byQuery = await api.call(`/v1/partners/${key.partnerId}/badge.svg?key=${key.publishableKey}&lang=de`);
    assert.match(byQuery.text, /Gold-Partner/);
    assert.match(byQuery.text, /geprüft am/);
    assert.match(byQuery.text, /lang="de"/);
    const byHeader = await api.call(`/v1/partners/${key.partnerId}/badge.svg?key=${key.publishableKey}`, { headers: { 'accept-language': 'fr;q=1, de-CH;q=0.9, en;q=0.5' } });
    assert.match(byHeader.text, /Gold-Partner/);
    const english = await api.call(`/v1/partners/${key.partnerId}/badge.svg?key=${key.publishableKey}`, { headers: { 'accept-language': 'de;q=0.4, en-GB' } });
    assert.match(english.text, /Partner · Gold/);
  });
});

describe('the verification page', () => {
  test('is HTML that cannot be framed, with a CSP of its own, in English and German', async () => {
    const key = creds().publishable[0]!;
    for (const [headers, query, lang, words] of [
      [{}, '', 'en', /Member of the Poly partner program/],
      [{ 'accept-language': 'de-DE,de;q=0.9' }, '', 'de', /Mitglied im Poly-Partnerprogramm/],
      [{ 'accept-language': 'de-DE' }, '?lang=en', 'en', /Partner · Gold/],
    ] as const) {
      const page = await api.call(`/verify/${key.partnerId}${query}`, { headers });
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type')!, /^text\/html/);
      const csp = page.headers.get('content-security-policy')!;
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
      assert.doesNotMatch(csp, /unsafe-inline|script-src/);
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
      assert.match(page.text, new RegExp(`<html lang="${lang}">`));
      assert.match(page.text, words);
      assert.doesNotMatch(page.text, /<script/);
      for (const site of (await api.call(`/v1/partners/${key.partnerId}/badge`, { credential: key.publishableKey })).body.claims.domains) {
        assert.ok(page.text.includes(`<li>${site}</li>`), site);
      }
    }
  });

  test('escapes the partner name, and says so when there is no such partner', async () => {
    const reseller = goldOne();
    const db = api.sandbox.db;
    const original = db.prepare('SELECT name FROM partners WHERE id = ?').pluck().get(reseller.partnerId) as string;
    try {
      db.prepare('UPDATE partners SET name = ? WHERE id = ?').run(`</title><script>alert(1)</script><img src=x onerror=alert(2)> & "Co"`, reseller.partnerId);
      const page = await api.call(`/verify/${reseller.partnerId}`);
      assert.ok(!page.text.includes('<script>alert'), page.text);
      assert.ok(!page.text.includes('<img'), page.text);
      assert.match(page.text, /<h1>&#60;\/title&#62;&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    } finally {
      db.prepare('UPDATE partners SET name = ? WHERE id = ?').run(original, reseller.partnerId);
    }
    const missing = await api.call('/verify/ptr_nosuchpartner');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /not genuine/);
    assert.equal(missing.headers.get('x-frame-options'), 'DENY');
  });

  test('a partner that left the program: no new badge, and the page says it left', async () => {
    const reseller = creds().resellers.find((candidate) => candidate.partnerId !== goldOne().partnerId)!;
    assert.equal((await api.call(`/v1/partners/${reseller.partnerId}/badge`, { credential: reseller.secretKey })).status, 200);
    assert.equal((await operator(reseller.partnerId, { leftProgram: true })).status, 200);
    try {
      const badge = await api.call(`/v1/partners/${reseller.partnerId}/badge`, { credential: reseller.secretKey });
      assert.equal(badge.status, 404);
      const page = await api.call(`/verify/${reseller.partnerId}`);
      assert.match(page.text, /Left the program on .*Its badges no longer verify/);
      assert.doesNotMatch(page.text, /Member of the Poly partner program/);
      const german = await api.call(`/verify/${reseller.partnerId}?lang=de`);
      assert.match(german.text, /Hat das Programm am .* verlassen/);
    } finally {
      await operator(reseller.partnerId, { leftProgram: false });
    }
  });
});
