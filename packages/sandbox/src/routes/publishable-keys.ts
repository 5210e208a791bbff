// A reseller's publishable keys and the website origins each is valid for: list, create, register an origin. Only the
// reseller's own secret key, or an embed token of it holding `badge:manage` (the table's access check), manages them.
import { randomBytes } from 'node:crypto';
import {
  PUBLISHABLE_KEY_MAX_ORIGINS,
  PUBLISHABLE_KEYS_PER_PARTNER,
  type PublishableKey,
  type PublishableKeyList,
  PublishableKeyOriginRequestSchema,
} from '@poly-partner/contract';
import { notFound } from '../auth/credentials.js';
import { hashKey, storeApiKey } from '../auth/api-keys.js';
import { prepared } from '../db/statements.js';
import { json } from '../respond.js';
import type { Principal, Sandbox } from '../context.js';
import type { OperationHandlers } from '../router.js';
import { canonicalOrigin } from '../origin-allow-list.js';
import { ApiProblem } from '../problems.js';
import { readBody } from '../request.js';
import { registrableWebsite } from '../websites.js';

interface KeyRow {
  id: string;
  partner_id: string;
  key: string;
  created_at: string;
  origins: string;
}

const KEY_SELECT = `SELECT p.id, p.partner_id, p.key, p.created_at, a.origins
  FROM publishable_keys p JOIN api_keys a ON a.key_hash = p.key_hash`;

function toKey(row: KeyRow): PublishableKey {
  return { id: row.id, partnerId: row.partner_id, key: row.key, origins: JSON.parse(row.origins) as string[], createdAt: row.created_at };
}

/**
 * Keys are the reseller's own business. Credentials without `badge:manage` (organizations, publishable keys, narrow
 * embed tokens) were refused before (403 `insufficient_scope`); another reseller's is refused here with 403 `forbidden`
 * whether or not the partner exists (no probing).
 */
function assertManages(sandbox: Sandbox, principal: Principal, partnerId: string): void {
  if (principal.subjectKind !== 'partner' || principal.subjectId !== partnerId) {
    throw new ApiProblem('forbidden', "Only the reseller's own credentials manage its publishable keys.");
  }
  if (!prepared(sandbox.db, 'SELECT 1 FROM partners WHERE id = ?').get(partnerId)) throw notFound();
}

function invalidOrigin(message: string, code = 'not_registrable'): ApiProblem {
  return new ApiProblem('validation_failed', 'Some fields are not valid; see errors.', [{ path: 'origin', code, message }]);
}

export function publishableKeyHandlers(sandbox: Sandbox) {
  return {
    listPublishableKeys: async (c) => {
      const partnerId = c.req.param('partnerId');
      assertManages(sandbox, c.get('principal'), partnerId);
      const rows = prepared(sandbox.db, `${KEY_SELECT} WHERE p.partner_id = ? ORDER BY p.created_at, p.id`).all(partnerId) as KeyRow[];
      const body: PublishableKeyList = { items: rows.map(toKey), nextCursor: null, total: rows.length };
      return json(c, body);
    },

    createPublishableKey: async (c) => {
      const partnerId = c.req.param('partnerId');
      assertManages(sandbox, c.get('principal'), partnerId);
      const count = prepared(sandbox.db, 'SELECT COUNT(*) FROM publishable_keys WHERE partner_id = ?').pluck().get(partnerId) as number;
      if (count >= PUBLISHABLE_KEYS_PER_PARTNER) {
        throw new ApiProblem('key_limit_reached', `A reseller holds at most ${PUBLISHABLE_KEYS_PER_PARTNER} publishable keys; add origins to one of them instead.`);
      }
      const key = `pk_test_${randomBytes(18).toString('base64url')}`;
      const id = `pkey_${randomBytes(9).toString('base64url')}`;
      const createdAt = sandbox.now().toISOString();
      sandbox.db.transaction(() => {
        storeApiKey(sandbox.db, { key, kind: 'publishable', subjectKind: 'partner', subjectId: partnerId, origins: [] });
        insertPublishableKey(sandbox, { id, partnerId, key, createdAt });
      })();
      const body: PublishableKey = { id, partnerId, key, origins: [], createdAt };
      return json(c, body, 201);
    },

    addPublishableKeyOrigin: async (c) => {
      const partnerId = c.req.param('partnerId');
      assertManages(sandbox, c.get('principal'), partnerId);
      const row = prepared(sandbox.db, `${KEY_SELECT} WHERE p.id = ? AND p.partner_id = ?`).get(c.req.param('keyId'), partnerId) as KeyRow | undefined;
      if (!row) throw notFound();
      const { origin } = await readBody(c, PublishableKeyOriginRequestSchema);
      if (canonicalOrigin(origin) === null) {
        throw invalidOrigin('An origin as browsers send it: http(s), a lower-case host, a port from 1 to 65535 other than the default, no path', 'invalid_format');
      }
      if (registrableWebsite(new URL(origin).hostname) === undefined) {
        throw invalidOrigin('The host must be a registrable domain or a host under one (a public suffix such as com, co.uk or github.io is refused)');
      }
      const origins = JSON.parse(row.origins) as string[];
      if (!origins.includes(origin)) {
        if (origins.length >= PUBLISHABLE_KEY_MAX_ORIGINS) throw invalidOrigin(`A key holds at most ${PUBLISHABLE_KEY_MAX_ORIGINS} origins`, 'too_many');
        origins.push(origin);
        prepared(sandbox.db, 'UPDATE api_keys SET origins = ? WHERE key_hash = (SELECT key_hash FROM publishable_keys WHERE id = ?)').run(JSON.stringify(origins), row.id);
        // The page on that origin must be able to read the answers (and the problems) of its badge requests.
        sandbox.allowedOrigins.allow(origin);
      }
      return json(c, toKey({ ...row, origins: JSON.stringify(origins) }));
    },
  } satisfies Partial<OperationHandlers>;
}

/** Records a publishable key's id and text beside its hashed `api_keys` row (see the table's comment). */
export function insertPublishableKey(sandbox: Pick<Sandbox, 'db'>, key: { id: string; partnerId: string; key: string; createdAt: string }): void {
  // Only beside an existing publishable key of that partner (a database made by hand may lack the demo key's row).
  prepared(
    sandbox.db,
    `INSERT OR IGNORE INTO publishable_keys (id, key_hash, partner_id, key, created_at)
     SELECT ?, key_hash, subject_id, ?, ? FROM api_keys WHERE key_hash = ? AND kind = 'publishable' AND subject_id = ?`,
  ).run(key.id, key.key, key.createdAt, hashKey(key.key), key.partnerId);
}
