// The sandbox's SQLite schema and its migrations; evaluated tier columns make member filters plain indexed SQL.
import type Database from 'better-sqlite3';
import { storeApiKey } from '../auth/api-keys.js';
import { prepared } from './statements.js';

export const SCHEMA_VERSION = 5;

/** The partner columns copied onto each membership. */
const MEMBER_COLUMNS = ['name_lower', 'country', 'region', 'effective_tier', 'effective_rank', 'progress', 'protected_until', 'protection_active',
  'next_tier', 'at_risk', 'stake', 'keep_rank', 'gap_size', 'progress_up', 'progress_down'] as const;
/** The copies that schema 4 added (see `migrate`). */
const MEMBER_COLUMNS_4 = ['next_tier', 'at_risk', 'stake', 'keep_rank', 'gap_size', 'progress_up', 'progress_down'] as const;
const MEMBER_COLUMN_TYPES: Record<(typeof MEMBER_COLUMNS)[number], string> = {
  name_lower: 'TEXT', country: 'TEXT', region: 'TEXT', effective_tier: 'TEXT', effective_rank: 'INTEGER', progress: 'REAL',
  protected_until: 'TEXT', protection_active: 'INTEGER', next_tier: 'TEXT', at_risk: 'INTEGER', stake: 'REAL', keep_rank: 'INTEGER',
  gap_size: 'REAL', progress_up: 'REAL', progress_down: 'REAL',
};
/** Evaluated partner columns that schema 4 added, with their definitions. */
const PARTNER_COLUMNS_4: Record<string, string> = {
  carried_since: 'TEXT',
  keep_missing: 'INTEGER NOT NULL DEFAULT 0',
  at_risk: 'INTEGER NOT NULL DEFAULT 0',
  stake: 'REAL NOT NULL DEFAULT 0',
  keep_rank: 'INTEGER NOT NULL DEFAULT 1000',
  gap_size: 'REAL NOT NULL DEFAULT 0',
  progress_up: 'REAL NOT NULL DEFAULT 0',
  progress_down: 'REAL NOT NULL DEFAULT 0',
  gaps: `TEXT NOT NULL DEFAULT '{"next":[],"keep":[]}'`,
};
const MEMBER_LIST = MEMBER_COLUMNS.join(', ');

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS partner_groups (id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS partners (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_lower TEXT NOT NULL,
  country TEXT NOT NULL,
  region TEXT NOT NULL,
  city TEXT,
  website TEXT,
  group_id TEXT REFERENCES partner_groups(id),
  joined_at TEXT NOT NULL,
  carried_program TEXT,
  carried_tier TEXT,
  metrics TEXT NOT NULL,
  shared_metrics TEXT NOT NULL,
  earned_tier TEXT NOT NULL DEFAULT 'register',
  effective_tier TEXT NOT NULL DEFAULT 'register',
  effective_rank INTEGER NOT NULL DEFAULT 0,
  protected_tier TEXT,
  protected_until TEXT,
  protection_active INTEGER NOT NULL DEFAULT 0,
  next_tier TEXT,
  progress REAL NOT NULL DEFAULT 0,
  missing_criteria INTEGER NOT NULL DEFAULT 0,
${Object.entries(PARTNER_COLUMNS_4).map(([column, definition]) => `  ${column} ${definition}`).join(',\n')}
);
-- What Poly maintains about a partner's public presence: the websites its badge verifies on, and whether it left the
-- program. A partner without a row has the registrable domain of its profile's website (see websites.ts).
CREATE TABLE IF NOT EXISTS partner_listings (
  partner_id TEXT PRIMARY KEY REFERENCES partners(id),
  websites TEXT NOT NULL,
  left_at TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS organizations (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL
) WITHOUT ROWID;
-- A membership carries a copy of its partner's filter and sort columns (kept by the triggers below), so one
-- organization's member list filters, counts and sorts on its own rows and indexes, without a lookup per member.
CREATE TABLE IF NOT EXISTS memberships (
  org_id TEXT NOT NULL REFERENCES organizations(id),
  partner_id TEXT NOT NULL REFERENCES partners(id),
${MEMBER_COLUMNS.map((column) => `  ${column} ${MEMBER_COLUMN_TYPES[column]},`).join('\n')}
  PRIMARY KEY (org_id, partner_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS products (
  sku TEXT PRIMARY KEY, name TEXT NOT NULL, family TEXT NOT NULL, list_price REAL NOT NULL, currency TEXT NOT NULL, position INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS deals (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  conflict INTEGER NOT NULL DEFAULT 0,
  customer TEXT NOT NULL,
  domain_norm TEXT NOT NULL,
  vat_norm TEXT,
  products TEXT NOT NULL,
  amount REAL NOT NULL,
  currency TEXT NOT NULL,
  expected_close_date TEXT NOT NULL,
  distributor_id TEXT NOT NULL,
  notes TEXT,
  discount_percent REAL NOT NULL,
  discount_tier TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  decided_at TEXT,
  expires_at TEXT,
  auto_decide_at TEXT,
  decision_reason TEXT
);
-- Every state a registration has been in (schema 4), written in the same transaction as the change.
CREATE TABLE IF NOT EXISTS deal_history (
  deal_id TEXT NOT NULL REFERENCES deals(id),
  status TEXT NOT NULL,
  at TEXT NOT NULL
);
-- Keys are stored as their SHA-256 (see auth/api-keys.ts), never as themselves; the prefix names a key in logs.
CREATE TABLE IF NOT EXISTS api_keys (
  key_hash TEXT PRIMARY KEY,
  key_prefix TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('secret', 'publishable')),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('partner', 'organization')),
  subject_id TEXT NOT NULL,
  origins TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;
-- Publishable keys' ids and texts, beside their hashed api_keys rows (which hold their origins). Unlike a secret key, a
-- publishable key is public by design (in the HTML of every page that shows the badge), so the reseller's portal may
-- show it again: it is kept as itself.
CREATE TABLE IF NOT EXISTS publishable_keys (
  id TEXT PRIMARY KEY,
  key_hash TEXT NOT NULL UNIQUE,
  partner_id TEXT NOT NULL,
  key TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS publishable_keys_by_partner ON publishable_keys (partner_id);
-- Ed25519 signing keys, random per database (see auth/signing-key.ts): the newest active one signs, every active one verifies.
CREATE TABLE IF NOT EXISTS signing_keys (
  kid TEXT PRIMARY KEY,
  private_key BLOB NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
);
-- Keyed by the partner the deal is for, not by the credential: a reload mints a new embed token, and the
-- same draft resent under it must still replay the first answer.
CREATE TABLE IF NOT EXISTS idempotency (
  partner_id TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (partner_id, key)
) WITHOUT ROWID;
-- Schema 5. The transactional outbox: an event is written in the same transaction as the change it tells of, so a
-- crash cannot separate the two; the delivery loop fans events out to webhook endpoints from here (events.ts).
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  -- Who may see it: the partner it is about, and for deal events the distributor the deal is routed through.
  partner_id TEXT NOT NULL,
  distributor_id TEXT,
  data TEXT NOT NULL,
  -- Wall-clock milliseconds when written (the sandbox clock may run ahead): change-to-delivery latency starts here.
  recorded_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_partner ON events(partner_id, seq);
CREATE INDEX IF NOT EXISTS events_distributor ON events(distributor_id, seq) WHERE distributor_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_occurred ON events(occurred_at);
CREATE TABLE IF NOT EXISTS webhook_endpoints (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('partner', 'organization')),
  subject_id TEXT NOT NULL,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  description TEXT,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_expires_at TEXT,
  status TEXT NOT NULL DEFAULT 'enabled',
  disabled_reason TEXT,
  -- Wall-clock ms of the first failure since the last success; an endpoint failing long enough is disabled.
  failing_since_ms INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_endpoints_subject ON webhook_endpoints(subject_id, seq);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  endpoint_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  -- The exact bytes signed and sent, so every retry sends the same body.
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempt_count INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER,
  recorded_ms INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries(status, next_attempt_ms);
CREATE INDEX IF NOT EXISTS webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, seq);
CREATE TABLE IF NOT EXISTS webhook_attempts (
  delivery_id TEXT NOT NULL,
  at TEXT NOT NULL,
  status_code INTEGER,
  duration_ms REAL NOT NULL,
  error TEXT
);
CREATE INDEX IF NOT EXISTS webhook_attempts_delivery ON webhook_attempts(delivery_id, at);
`;

/** Secondary indexes; built after a bulk seed, which is faster than maintaining them row by row. */
const INDEXES = `
CREATE INDEX IF NOT EXISTS partners_group ON partners(group_id);
CREATE INDEX IF NOT EXISTS memberships_partner ON memberships(partner_id, org_id);
CREATE INDEX IF NOT EXISTS deals_partner ON deals(partner_id, seq);
CREATE INDEX IF NOT EXISTS deals_partner_status ON deals(partner_id, status, seq);
CREATE INDEX IF NOT EXISTS deals_domain ON deals(domain_norm, status);
CREATE INDEX IF NOT EXISTS deals_vat ON deals(vat_norm, status) WHERE vat_norm IS NOT NULL;
CREATE INDEX IF NOT EXISTS deals_auto_decide ON deals(status, auto_decide_at);
CREATE INDEX IF NOT EXISTS deals_expiry ON deals(status, expires_at);
CREATE INDEX IF NOT EXISTS api_keys_subject ON api_keys(subject_id, kind);
-- Member sorts read these; the membership primary key narrows to one organization first.
CREATE INDEX IF NOT EXISTS partners_name ON partners(name_lower, id);
CREATE INDEX IF NOT EXISTS partners_effective ON partners(effective_rank, id);
CREATE INDEX IF NOT EXISTS partners_country ON partners(country, id);
CREATE INDEX IF NOT EXISTS partners_region ON partners(region, effective_rank);
CREATE INDEX IF NOT EXISTS partners_protected_until ON partners(protected_until) WHERE protected_until IS NOT NULL;
-- Covers every member filter and sort, so counting and ordering an organization's members never reads the wide rows.
CREATE INDEX IF NOT EXISTS partners_member_cover ON partners(id, effective_tier, earned_tier, effective_rank, region, country,
  progress, protected_until, protection_active, next_tier, name_lower);
CREATE INDEX IF NOT EXISTS deals_pipeline ON deals(partner_id, status, currency, amount);
-- Member lists: one index per sort, each also holding the filter columns, so a page walks one index in order and
-- reads full rows for the page only; and one for counting the tier / region / country filters.
CREATE INDEX IF NOT EXISTS members_by_name ON memberships(org_id, name_lower, partner_id, effective_tier, region, country);
CREATE INDEX IF NOT EXISTS members_by_tier ON memberships(org_id, effective_rank, partner_id, effective_tier, region, country);
CREATE INDEX IF NOT EXISTS members_by_protection ON memberships(org_id, COALESCE(protected_until, '9999-12-31'), partner_id, effective_tier, region, country);
CREATE INDEX IF NOT EXISTS members_by_country ON memberships(org_id, country, partner_id, effective_tier, region);
CREATE INDEX IF NOT EXISTS members_filter ON memberships(org_id, effective_tier, region, country);
CREATE INDEX IF NOT EXISTS members_protection_ending ON memberships(org_id, protected_until) WHERE protection_active = 1;
-- The call list's sorts (schema 4): progress with the top tier last either way, what is at stake, what keeping misses, the gap.
CREATE INDEX IF NOT EXISTS members_by_progress_up ON memberships(org_id, progress_up, partner_id, effective_tier, region, country);
CREATE INDEX IF NOT EXISTS members_by_progress_down ON memberships(org_id, progress_down, partner_id, effective_tier, region, country);
CREATE INDEX IF NOT EXISTS members_by_stake ON memberships(org_id, stake, partner_id, effective_tier, region, country);
CREATE INDEX IF NOT EXISTS members_by_keep ON memberships(org_id, keep_rank, partner_id, effective_tier, region, country);
CREATE INDEX IF NOT EXISTS members_by_gap ON memberships(org_id, gap_size, partner_id, effective_tier, region, country);
-- "No registration in 90 days" asks for a partner's newest registration.
CREATE INDEX IF NOT EXISTS deals_by_partner_created ON deals(partner_id, created_at);
CREATE INDEX IF NOT EXISTS deal_history_by_deal ON deal_history(deal_id, at);
-- The copies follow their partner, whoever writes (the API, a seed, a test or a tool on the database file).
CREATE TRIGGER IF NOT EXISTS memberships_copy_partner AFTER INSERT ON memberships BEGIN
  UPDATE memberships SET (${MEMBER_LIST}) = (SELECT ${MEMBER_LIST} FROM partners WHERE id = NEW.partner_id)
  WHERE org_id = NEW.org_id AND partner_id = NEW.partner_id;
END;
CREATE TRIGGER IF NOT EXISTS memberships_follow_partner AFTER UPDATE OF ${MEMBER_LIST} ON partners BEGIN
  UPDATE memberships SET (${MEMBER_LIST}) = (${MEMBER_COLUMNS.map((column) => `NEW.${column}`).join(', ')}) WHERE partner_id = NEW.id;
END;
`;

const ALL_TABLES = ['webhook_attempts', 'webhook_deliveries', 'webhook_endpoints', 'events', 'publishable_keys', 'deal_history', 'signing_keys', 'idempotency', 'api_keys', 'partner_listings', 'deals', 'products', 'memberships', 'organizations', 'partners', 'partner_groups', 'meta'];

export function dropAll(db: Database.Database): void {
  db.exec(ALL_TABLES.map((table) => `DROP TABLE IF EXISTS ${table};`).join('\n'));
}

/** Adds a column unless the table has it already (a migration stopped half-way, or a database made by hand). */
function addColumn(db: Database.Database, table: string, column: string, definition: string): void {
  const columns = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
  if (!columns.includes(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition};`);
}

/** Creates the tables, or brings older ones up to `SCHEMA_VERSION`; `createIndexes` completes the schema. */
export function migrate(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  let historyWanted = false;
  if (version > SCHEMA_VERSION) throw new Error(`Database schema ${version} is newer than this sandbox (${SCHEMA_VERSION}); use --reset`);
  // Version 1 keyed idempotency by credential; its stored replays are short-lived, so the table starts afresh.
  if (version === 1) db.exec('DROP TABLE IF EXISTS idempotency;');
  // Version 3 copies partner columns onto memberships; `createIndexes` fills them in.
  if (version >= 1 && version < 3) {
    for (const column of MEMBER_COLUMNS) db.exec(`ALTER TABLE memberships ADD COLUMN ${column} ${MEMBER_COLUMN_TYPES[column]};`);
  }
  // Version 4 adds late joiners' protection start, what keeping a protected tier misses, and the call list's
  // segments and sorts; the triggers are made anew with the longer column list, and re-evaluation fills it all.
  if (version >= 1 && version < 4) {
    for (const [column, definition] of Object.entries(PARTNER_COLUMNS_4)) addColumn(db, 'partners', column, definition);
    for (const column of MEMBER_COLUMNS_4) addColumn(db, 'memberships', column, MEMBER_COLUMN_TYPES[column]);
    addColumn(db, 'deals', 'decision_reason', 'TEXT');
    historyWanted = true;
    db.exec(`DROP TRIGGER IF EXISTS memberships_copy_partner; DROP TRIGGER IF EXISTS memberships_follow_partner;
      DROP INDEX IF EXISTS members_by_progress;
      DELETE FROM meta WHERE key = 'evaluated';`);
  }
  // Version 4 also stores keys hashed: the old table's keys are hashed into the new one.
  const plaintextKeys = version >= 1 && version < 4;
  if (plaintextKeys) db.exec('ALTER TABLE api_keys RENAME TO api_keys_plaintext;');
  // Version 5 adds the event outbox and webhooks: new tables only, which the DDL below creates.
  db.exec(DDL);
  if (historyWanted) writeHistoryOfPastDeals(db);
  if (plaintextKeys) {
    db.transaction(() => {
      const rows = db.prepare('SELECT key, kind, subject_kind, subject_id, origins FROM api_keys_plaintext').all() as { key: string; kind: 'secret' | 'publishable'; subject_kind: 'partner' | 'organization'; subject_id: string; origins: string }[];
      for (const row of rows) storeApiKey(db, { key: row.key, kind: row.kind, subjectKind: row.subject_kind, subjectId: row.subject_id, origins: JSON.parse(row.origins) as string[] });
      db.exec('DROP TABLE api_keys_plaintext;');
    })();
  }
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

export function createIndexes(db: Database.Database): void {
  // Memberships inserted before the trigger existed (a bulk seed, an older schema) get their copies here.
  db.exec(`UPDATE memberships SET (${MEMBER_LIST}) = (SELECT ${MEMBER_LIST} FROM partners WHERE id = memberships.partner_id)
    WHERE effective_tier IS NULL`);
  db.exec(INDEXES);
}

/**
 * The history of registrations that have none (seeded ones, or those of a database older than schema 4), told from
 * their columns: submitted at creation, under review at once when in conflict, the decision at `decided_at`, and
 * a later state (won, lost, expired, withdrawn) at `updated_at`.
 */
export function writeHistoryOfPastDeals(db: Database.Database): void {
  db.exec(`
    INSERT INTO deal_history (deal_id, status, at)
      SELECT id, 'submitted', created_at FROM deals d WHERE NOT EXISTS (SELECT 1 FROM deal_history h WHERE h.deal_id = d.id);
    INSERT INTO deal_history (deal_id, status, at)
      SELECT id, 'under_review', created_at FROM deals d WHERE conflict = 1
        AND NOT EXISTS (SELECT 1 FROM deal_history h WHERE h.deal_id = d.id AND h.status <> 'submitted');
    INSERT INTO deal_history (deal_id, status, at)
      SELECT id, CASE WHEN status = 'rejected' THEN 'rejected' ELSE 'approved' END, decided_at FROM deals d
        WHERE decided_at IS NOT NULL AND status IN ('approved', 'rejected', 'won', 'lost', 'expired')
        AND NOT EXISTS (SELECT 1 FROM deal_history h WHERE h.deal_id = d.id AND h.status IN ('approved', 'rejected'));
    INSERT INTO deal_history (deal_id, status, at)
      SELECT id, status, updated_at FROM deals d WHERE status IN ('won', 'lost', 'expired', 'withdrawn')
        AND NOT EXISTS (SELECT 1 FROM deal_history h WHERE h.deal_id = d.id AND h.status = d.status);`);
}

export function getMeta(db: Database.Database, key: string): string | undefined {
  const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Database.Database, key: string, value: string): void {
  prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
