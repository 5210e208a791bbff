// The sandbox's deterministic world, written: seed-plan.ts plans every row from one seed and the data tables
// (seed-data.ts); this writes the plan into an empty database in one transaction.
import type Database from 'better-sqlite3';
import type { OrganizationKind } from '@poly-partner/contract';
import { storeApiKey } from '../auth/api-keys.js';
import type { Credentials } from '../credentials-file.js';
import { EVALUATED_COLUMNS, evaluationKey, forgetProtectionStarts } from '../evaluation.js';
import { CATALOGUE } from './products.js';
import { setMeta, writeHistoryOfPastDeals } from './schema.js';
import { planWorld, type SeedOptions } from './seed-plan.js';

export type { Credentials } from '../credentials-file.js';
export type { SeedOptions } from './seed-plan.js';

type OrganizationKindOf<T extends Credentials> = T['organizations'][number]['kind'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
/** @public The public Credentials type spells the organization kinds out; this fails to compile when they part from the contract. */
export type CredentialKindsMatchContract = Expect<Same<OrganizationKind, OrganizationKindOf<Credentials>>>;

/** Seeds an empty database; answers the demo credentials (without `baseUrl`, which the server knows). */
export function seedWorld(db: Database.Database, options: SeedOptions): Omit<Credentials, 'baseUrl'> {
  const plan = planWorld(options);
  const partnerColumns = ['id', 'name', 'name_lower', 'country', 'region', 'city', 'website', 'group_id', 'joined_at', 'carried_program',
    'carried_tier', 'carried_since', 'metrics', 'shared_metrics', ...EVALUATED_COLUMNS];
  const insertPartner = db.prepare(`INSERT INTO partners (${partnerColumns.join(', ')}) VALUES (${partnerColumns.map((column) => `@${column}`).join(', ')})`);
  const insertDeal = db.prepare(`INSERT INTO deals (id, partner_id, type, status, conflict, customer, domain_norm, vat_norm, products,
    amount, currency, expected_close_date, distributor_id, notes, discount_percent, discount_tier, created_at, updated_at,
    decided_at, expires_at, decision_reason, auto_decide_at) VALUES (@id, @partner_id, @type, @status, @conflict, @customer, @domain_norm,
    @vat_norm, @products, @amount, @currency, @expected_close_date, @distributor_id, @notes, @discount_percent, @discount_tier,
    @created_at, @updated_at, @decided_at, @expires_at, @decision_reason, NULL)`);

  db.transaction(() => {
    const insertProduct = db.prepare('INSERT INTO products (sku, name, family, list_price, currency, position) VALUES (?, ?, ?, ?, ?, ?)');
    CATALOGUE.forEach((product, position) => insertProduct.run(product.sku, product.name, product.family, product.price, 'EUR', position));
    const insertGroup = db.prepare('INSERT INTO partner_groups (id, name) VALUES (?, ?)');
    for (const group of plan.groups) insertGroup.run(group.id, group.name);
    const insertOrg = db.prepare('INSERT INTO organizations (id, kind, name, country) VALUES (?, ?, ?, ?)');
    for (const org of plan.organizations) insertOrg.run(org.id, org.kind, org.name, org.country);
    for (const partner of plan.partners) insertPartner.run(partner);
    const insertMembership = db.prepare('INSERT INTO memberships (org_id, partner_id) VALUES (?, ?)');
    for (const [orgId, partnerId] of plan.memberships) insertMembership.run(orgId, partnerId);
    for (const key of plan.keys) storeApiKey(db, key);
    for (const deal of plan.deals) insertDeal.run(deal);
    writeHistoryOfPastDeals(db);
    forgetProtectionStarts(db); // the partners are new
    setMeta(db, 'evaluated', evaluationKey(db, options.policy, plan.today));
    setMeta(db, 'seed', String(options.seed));
    setMeta(db, 'seededAt', options.now.toISOString());
    setMeta(db, 'launchDate', options.policy.statusProtection.launchDate);
    setMeta(db, 'credentials', JSON.stringify(plan.credentials));
  })();

  return plan.credentials;
}
