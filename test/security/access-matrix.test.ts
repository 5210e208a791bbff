// Who may read and change what: every credential kind × every resource × every owner, plus expired, forged,
// wrong-origin and wrong-scope tokens and publishable keys from unlisted origins. Expectations come from DESIGN.md's
// rules below, not from the server's code; and every denial must look the same as asking for something that does not exist.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { base64UrlDecode, base64UrlEncode, decodeJws, signJws } from '@poly-partner/contract';
import { dealBody, mapConcurrent, send, startTestSandbox, type Started, worldOf } from '../support/node-sandbox.js';

const ORIGIN = 'http://127.0.0.1:5173';
const FOREIGN_ORIGIN = 'https://evil.example';
const NOWHERE = 'ptr_doesnotexist';
const NO_ORG = 'org_doesnotexist';

type Via = 'secret' | 'embed' | 'publishable' | 'none';
interface Credential {
  name: string;
  via: Via;
  subjectKind?: 'partner' | 'organization';
  subjectId?: string;
  /** The Authorization header value, if any. */
  bearer?: string;
  origin?: string;
}

type OwnerKind = 'partner' | 'organization' | 'none';
interface Resource {
  name: string;
  owner: OwnerKind;
  method: 'GET' | 'POST';
  path: (owner: string) => string;
  body?: (owner: string) => unknown;
  /** DESIGN.md's rule: may `credential` use this resource of `owner`? */
  allows: (credential: Credential, owner: string) => boolean;
  /** Answers that count as "allowed" besides 2xx (withdrawing twice is a conflict, not a denial). */
  alsoAllowed?: number[];
}

const utf8 = new TextEncoder();

describe('access matrix', () => {
  let sandbox: Started;
  let clockOffset = 0;
  before(async () => {
    const start = Date.now();
    sandbox = await startTestSandbox({ now: () => new Date(start + clockOffset) });
  });
  after(async () => {
    await sandbox?.close();
  });

  test('every credential × resource × owner: allowed ones work, denials hold and reveal nothing', async (t) => {
    const world = worldOf(sandbox);
    const { partnerA, partnerB, organization, member, outsider } = world;
    const otherOrg = sandbox.credentials.organizations.find((org) => org.orgId !== organization.orgId)!;
    const publishable = sandbox.credentials.publishable.find((key) => key.partnerId === partnerA.partnerId);
    assert.ok(publishable, 'the demo publishable key belongs to partner A');
    const members = new Set(sandbox.db.prepare('SELECT partner_id FROM memberships WHERE org_id = ?').pluck().all(organization.orgId) as string[]);
    assert.ok(members.has(member) && !members.has(outsider));

    // A registration of each owner, so that deal ids of every owner exist (copied from a seeded one).
    const dealOf = new Map<string, string>();
    const template = sandbox.db.prepare(`SELECT * FROM deals WHERE status = 'submitted' LIMIT 1`).get() as Record<string, unknown>;
    for (const owner of [partnerA.partnerId, partnerB.partnerId, member, outsider]) {
      const row: Record<string, unknown> = { ...template, id: `deal_access${dealOf.size}`, partner_id: owner };
      delete row.seq;
      sandbox.db.prepare(`INSERT INTO deals (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((key) => `@${key}`).join(', ')})`).run(row);
      dealOf.set(owner, row.id as string);
    }
    dealOf.set(NOWHERE, 'deal_doesnotexist');

    const mint = async (secretKey: string, subject: object, extra: object = {}) => {
      const answer = await send(`${sandbox.url}/v1/embed-tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ origin: ORIGIN, subject, ...extra }),
      });
      assert.equal(answer.status, 200, answer.text);
      return answer.json.token as string;
    };

    const credentials: Credential[] = [
      { name: 'partner A secret', via: 'secret', subjectKind: 'partner', subjectId: partnerA.partnerId, bearer: partnerA.secretKey },
      { name: 'partner B secret', via: 'secret', subjectKind: 'partner', subjectId: partnerB.partnerId, bearer: partnerB.secretKey },
      { name: 'org secret', via: 'secret', subjectKind: 'organization', subjectId: organization.orgId, bearer: organization.secretKey },
      { name: 'partner A embed token', via: 'embed', subjectKind: 'partner', subjectId: partnerA.partnerId, bearer: await mint(partnerA.secretKey, { partnerId: partnerA.partnerId }), origin: ORIGIN },
      { name: 'org embed token', via: 'embed', subjectKind: 'organization', subjectId: organization.orgId, bearer: await mint(organization.secretKey, { orgId: organization.orgId }), origin: ORIGIN },
      { name: 'publishable key of A', via: 'publishable', subjectKind: 'partner', subjectId: partnerA.partnerId, bearer: publishable!.publishableKey, origin: ORIGIN },
      { name: 'no credential', via: 'none' },
    ];

    const isPartner = (credential: Credential, owner: string) => credential.subjectKind === 'partner' && credential.subjectId === owner && (credential.via === 'secret' || credential.via === 'embed');
    const orgReads = (credential: Credential, owner: string) =>
      credential.subjectKind === 'organization' && credential.subjectId === organization.orgId && members.has(owner) && credential.via !== 'none';
    const readsPartner = (credential: Credential, owner: string) => isPartner(credential, owner) || orgReads(credential, owner);
    // Deal rows: the registering reseller; of organizations only a distributor (ISPs, carriers and associations see
    // aggregates in their summary). The matrix's distributor rows are in packages/sandbox/test/deal-privacy.test.ts.
    const readsDeals = (credential: Credential, owner: string) => isPartner(credential, owner) || (orgReads(credential, owner) && organization.kind === 'distributor');
    const isOrg = (credential: Credential, owner: string) => credential.subjectKind === 'organization' && credential.subjectId === owner && (credential.via === 'secret' || credential.via === 'embed');

    const resources: Resource[] = [
      { name: 'profile', owner: 'partner', method: 'GET', path: (p) => `/v1/partners/${p}`, allows: readsPartner },
      { name: 'tier status', owner: 'partner', method: 'GET', path: (p) => `/v1/partners/${p}/tier-status`, allows: readsPartner },
      { name: 'simulation', owner: 'partner', method: 'POST', path: (p) => `/v1/partners/${p}/tier-simulations`, body: () => ({ changes: { metricDeltas: { revenue: 1000 } } }), allows: isPartner },
      { name: 'deal list', owner: 'partner', method: 'GET', path: (p) => `/v1/partners/${p}/deals`, allows: readsDeals },
      { name: 'deal registration', owner: 'partner', method: 'POST', path: (p) => `/v1/partners/${p}/deals`, body: (p) => dealBody(world, `access-${p}`), allows: isPartner },
      { name: 'conflict check', owner: 'partner', method: 'POST', path: (p) => `/v1/partners/${p}/deals/conflict-check`, body: () => ({ customer: { domain: 'kunde.de' } }), allows: isPartner },
      { name: 'badge', owner: 'partner', method: 'GET', path: (p) => `/v1/partners/${p}/badge`, allows: (c, p) => (isPartner(c, p) || c.via === 'publishable') && c.subjectId === p },
      { name: 'badge.svg', owner: 'partner', method: 'GET', path: (p) => `/v1/partners/${p}/badge.svg`, allows: (c, p) => (isPartner(c, p) || c.via === 'publishable') && c.subjectId === p },
      { name: 'one deal', owner: 'partner', method: 'GET', path: (p) => `/v1/deals/${dealOf.get(p)}`, allows: readsDeals },
      { name: 'withdraw', owner: 'partner', method: 'POST', path: (p) => `/v1/deals/${dealOf.get(p)}/withdraw`, allows: isPartner, alsoAllowed: [409] },
      { name: 'mint token for partner', owner: 'partner', method: 'POST', path: () => '/v1/embed-tokens', body: (p) => ({ origin: ORIGIN, subject: { partnerId: p } }), allows: (c, p) => c.via === 'secret' && isPartner(c, p) },
      { name: 'organization', owner: 'organization', method: 'GET', path: (o) => `/v1/organizations/${o}`, allows: isOrg },
      { name: 'summary', owner: 'organization', method: 'GET', path: (o) => `/v1/organizations/${o}/summary`, allows: isOrg },
      { name: 'members', owner: 'organization', method: 'GET', path: (o) => `/v1/organizations/${o}/members`, allows: isOrg },
      { name: 'mint token for organization', owner: 'organization', method: 'POST', path: () => '/v1/embed-tokens', body: (o) => ({ origin: ORIGIN, subject: { orgId: o } }), allows: (c, o) => c.via === 'secret' && isOrg(c, o) },
      { name: 'program', owner: 'none', method: 'GET', path: () => '/v1/program', allows: (c) => c.via === 'secret' || c.via === 'embed' },
      { name: 'products', owner: 'none', method: 'GET', path: () => '/v1/products', allows: (c) => c.via === 'secret' || c.via === 'embed' },
      { name: 'key set', owner: 'none', method: 'GET', path: () => '/.well-known/jwks.json', allows: () => true },
      { name: 'OpenAPI', owner: 'none', method: 'GET', path: () => '/openapi.json', allows: () => true },
      { name: 'liveness', owner: 'none', method: 'GET', path: () => '/healthz', allows: () => true },
    ];
    const ownersOf: Record<OwnerKind, { label: string; id: string }[]> = {
      partner: [
        { label: 'partner A', id: partnerA.partnerId },
        { label: 'partner B', id: partnerB.partnerId },
        { label: "the organization's member", id: member },
        { label: 'a non-member', id: outsider },
      ],
      organization: [
        { label: 'the organization', id: organization.orgId },
        { label: 'another organization', id: otherOrg.orgId },
      ],
      none: [{ label: '-', id: '' }],
    };
    const missing: Record<OwnerKind, string> = { partner: NOWHERE, organization: NO_ORG, none: '' };

    interface Outcome {
      case: string;
      status: number;
      code?: string;
    }
    const call = async (credential: Credential, resource: Resource, owner: string, headers: Record<string, string> = {}): Promise<Outcome> => {
      const answer = await send(`${sandbox.url}${resource.path(owner)}`, {
        method: resource.method,
        headers: {
          ...(credential.bearer ? { authorization: `Bearer ${credential.bearer}` } : {}),
          ...(credential.origin ? { origin: credential.origin } : {}),
          ...(resource.body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(resource.body ? { body: JSON.stringify(resource.body(owner)) } : {}),
      });
      return { case: `${credential.name} → ${resource.name}`, status: answer.status, code: answer.json?.code };
    };

    const failures: string[] = [];
    let cases = 0;
    let denials = 0;
    /** Runs one credential over every resource and owner; `expectAllowed` overrides the rules for special tokens. */
    const runMatrix = async (credential: Credential, expectAllowed?: (resource: Resource, owner: string) => boolean, deniedWith?: { status: number; code: string }) => {
      const jobs = resources.flatMap((resource) => [...ownersOf[resource.owner].map((owner) => ({ resource, owner })), ...(resource.owner === 'none' ? [] : [{ resource, owner: { label: 'nothing (does not exist)', id: missing[resource.owner] } }])]);
      const outcomes = await mapConcurrent(jobs, 4, ({ resource, owner }) => call(credential, resource, owner.id));
      cases += jobs.length;
      jobs.forEach(({ resource, owner }, index) => {
        const outcome = outcomes[index]!;
        const label = `${credential.name} → ${resource.name} of ${owner.label}: ${outcome.status} ${outcome.code ?? ''}`;
        const allowed = expectAllowed ? expectAllowed(resource, owner.id) : resource.allows(credential, owner.id);
        if (allowed) {
          if (!(outcome.status < 300 || resource.alsoAllowed?.includes(outcome.status))) failures.push(`should be allowed: ${label}`);
          return;
        }
        denials++;
        if (![401, 403, 404].includes(outcome.status)) failures.push(`should be denied: ${label}`);
        if (deniedWith && (outcome.status !== deniedWith.status || outcome.code !== deniedWith.code)) failures.push(`should be ${deniedWith.status} ${deniedWith.code}: ${label}`);
        // Denied for an owner that exists must read exactly like asking for one that does not.
        if (resource.owner !== 'none') {
          const nothing = outcomes[jobs.findIndex((job) => job.resource === resource && job.owner.id === missing[resource.owner])]!;
          if (nothing.status !== outcome.status || nothing.code !== outcome.code) {
            failures.push(`reveals existence: ${label}, but for nothing ${nothing.status} ${nothing.code}`);
          }
        }
      });
    };

    for (const credential of credentials) await runMatrix(credential);
    const coreCases = cases;

    // Special tokens: each runs the whole resource matrix too.
    const tokenA = credentials[3]!.bearer!;
    const { header, payload } = decodeJws(tokenA);
    const claims = payload as Record<string, unknown>;
    const [headerPart, payloadPart, signaturePart] = tokenA.split('.') as [string, string, string];
    const encodeJson = (value: unknown) => base64UrlEncode(utf8.encode(JSON.stringify(value)));
    const otherKey = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const forgedClaims = { ...claims, sub: partnerB.partnerId };
    const anyoneButPublic = (resource: Resource) => resource.owner === 'none' && resource.allows({ name: '', via: 'none' }, '');
    const special: { credential: Credential; allowed?: (resource: Resource, owner: string) => boolean; deniedWith?: { status: number; code: string } }[] = [
      { credential: { name: 'token re-signed with another key', via: 'embed', bearer: await signJws(claims, otherKey.privateKey, header.kid!, header.typ), origin: ORIGIN }, deniedWith: { status: 401, code: 'token_invalid' } },
      { credential: { name: 'token for B re-signed with another key', via: 'embed', bearer: await signJws(forgedClaims, otherKey.privateKey, header.kid!, header.typ), origin: ORIGIN }, deniedWith: { status: 401, code: 'token_invalid' } },
      { credential: { name: 'token with alg none', via: 'embed', bearer: `${encodeJson({ alg: 'none', typ: header.typ })}.${payloadPart}.`, origin: ORIGIN }, deniedWith: { status: 401, code: 'token_invalid' } },
      { credential: { name: 'token with alg none, no signature part', via: 'embed', bearer: `${encodeJson({ alg: 'none', typ: header.typ })}.${encodeJson(forgedClaims)}`, origin: ORIGIN }, deniedWith: { status: 401, code: 'token_invalid' } },
      { credential: { name: 'token with tampered subject', via: 'embed', bearer: `${headerPart}.${encodeJson(forgedClaims)}.${signaturePart}`, origin: ORIGIN }, deniedWith: { status: 401, code: 'token_invalid' } },
      { credential: { name: 'token with tampered scopes', via: 'embed', bearer: `${headerPart}.${encodeJson({ ...claims, scopes: ['deals:write', 'members:read', 'organization:read'] })}.${signaturePart}`, origin: ORIGIN }, deniedWith: { status: 401, code: 'token_invalid' } },
      { credential: { name: 'token with tampered expiry', via: 'embed', bearer: `${headerPart}.${encodeJson({ ...claims, exp: (claims.exp as number) + 86_400 })}.${signaturePart}`, origin: ORIGIN }, deniedWith: { status: 401, code: 'token_invalid' } },
      { credential: { name: 'token with EdDSA header swapped to HS256', via: 'embed', bearer: `${encodeJson({ ...header, alg: 'HS256' })}.${payloadPart}.${signaturePart}`, origin: ORIGIN }, deniedWith: { status: 401, code: 'token_invalid' } },
      { credential: { name: 'partner A token from a foreign origin', via: 'embed', bearer: tokenA, origin: FOREIGN_ORIGIN }, deniedWith: { status: 403, code: 'origin_not_allowed' } },
      { credential: { name: 'partner A token without Origin', via: 'embed', bearer: tokenA }, deniedWith: { status: 403, code: 'origin_not_allowed' } },
      { credential: { name: 'org token from a foreign origin', via: 'embed', bearer: credentials[4]!.bearer!, origin: FOREIGN_ORIGIN }, deniedWith: { status: 403, code: 'origin_not_allowed' } },
      { credential: { name: 'publishable key from an unlisted origin', via: 'publishable', bearer: publishable!.publishableKey, origin: FOREIGN_ORIGIN }, deniedWith: { status: 403, code: 'origin_not_allowed' } },
      {
        credential: { name: 'partner A token scoped to badge:read only', via: 'embed', subjectKind: 'partner', subjectId: partnerA.partnerId, bearer: await mint(partnerA.secretKey, { partnerId: partnerA.partnerId }, { scopes: ['badge:read'] }), origin: ORIGIN },
        allowed: (resource, owner) => anyoneButPublic(resource) || (resource.name.startsWith('badge') && owner === partnerA.partnerId),
      },
      {
        credential: { name: 'org token scoped to organization:read only', via: 'embed', subjectKind: 'organization', subjectId: organization.orgId, bearer: await mint(organization.secretKey, { orgId: organization.orgId }, { scopes: ['organization:read'] }), origin: ORIGIN },
        allowed: (resource, owner) => anyoneButPublic(resource) || (['organization', 'summary'].includes(resource.name) && owner === organization.orgId),
      },
    ];
    // The expired token: minted for 30 s, used after the sandbox's clock moved on by a minute.
    const shortLived = await mint(partnerA.secretKey, { partnerId: partnerA.partnerId }, { ttlSeconds: 30 });
    for (const { credential, allowed, deniedWith } of special) {
      await runMatrix(credential, allowed ?? ((resource) => anyoneButPublic(resource)), deniedWith);
    }
    clockOffset = 60_000;
    await runMatrix({ name: 'expired partner A token', via: 'embed', bearer: shortLived, origin: ORIGIN }, (resource) => anyoneButPublic(resource), { status: 401, code: 'token_expired' });

    t.diagnostic(`access cases tried: ${cases} (${coreCases} in the credential × resource × owner matrix, ${cases - coreCases} with expired, forged, wrong-origin and wrong-scope credentials); denials checked: ${denials}`);
    assert.deepEqual(failures, [], `${failures.length} of ${cases} access cases failed`);
    assert.ok(base64UrlDecode(signaturePart).byteLength === 64, 'the real token carries an Ed25519 signature');
  });
});
