// The sandbox's world as a plan: every row the seed writes, drawn from one seed and the data tables (seed-data.ts),
// without a database. seed.ts writes it. Pure: the same options give the same plan, so it is testable without SQLite
// (test/seed-plan.test.ts). The order of the draws is part of the world: drawing in another order seeds another one.
import {
  addDays,
  addMonths,
  type DealStatus,
  type Metrics,
  normalizeDomain,
  normalizeVatId,
  type OrganizationKind,
  type ProgramPolicy,
  regionForCountry,
  requirementsFor,
  type Tier,
  TIERS,
} from '@poly-partner/contract';
import type { Credentials } from '../credentials-file.js';
import type { DealRow } from '../deals-store.js';
import { evaluateColumns, type PartnerRow } from '../evaluation.js';
import { createRandom, type Random } from '../prng.js';
import { CATALOGUE } from './products.js';
import {
  CONTACT_FIRST,
  CONTACT_LAST,
  COUNTRIES,
  COUNTRY_BY_CODE,
  CURRENCY_BY_REGION,
  CUSTOMER_HEADS,
  CUSTOMER_TAILS,
  DEAL_STATUS_WEIGHTS,
  DEMO_RESELLERS,
  type DemoReseller,
  NAME_HEADS,
  NAME_TAILS,
  ORGANIZATIONS,
  type OrganizationPlan,
  REJECTION_REASONS,
} from './seed-data.js';

export interface SeedOptions {
  resellers: number;
  seed: number;
  policy: ProgramPolicy;
  /** The seeding moment; seeded deals are dated relative to it. */
  now: Date;
  /** Origins of the demo publishable key. */
  origins: string[];
}

/** A partner as the `partners` table stores it, evaluated on the seeding day. */
export type PlannedPartner = PartnerRow & { name_lower: string };

/** A deal as the `deals` table stores it (`auto_decide_at` is NULL for every seeded deal; `seq` is the table's own). */
export type PlannedDeal = Omit<DealRow, 'seq' | 'conflict'> & { conflict: 0 | 1; domain_norm: string; vat_norm: string | null };

/** An API key of the demo credentials, as `storeApiKey` takes it. */
export interface PlannedKey {
  key: string;
  kind: 'secret' | 'publishable';
  subjectKind: 'partner' | 'organization';
  subjectId: string;
  origins?: string[];
}

/** Everything the seed writes, in the order it writes it. */
export interface WorldPlan {
  /** The seeding day (`YYYY-MM-DD`), on which the partners are evaluated. */
  today: string;
  groups: { id: string; name: string }[];
  organizations: { id: string; kind: OrganizationKind; name: string; country: string }[];
  partners: PlannedPartner[];
  /** `[orgId, partnerId]`. */
  memberships: [string, string][];
  keys: PlannedKey[];
  deals: PlannedDeal[];
  /** The demo credentials (without `baseUrl`, which the server knows). */
  credentials: Omit<Credentials, 'baseUrl'>;
}

/** Metrics that earn `target` in `region` and, most of the time, miss some of the next tier. */
function metricsFor(random: Random, policy: ProgramPolicy, region: string, target: Tier): Metrics {
  const rank = TIERS.indexOf(target);
  const here = requirementsFor(policy, region, target);
  const next = rank < 3 ? requirementsFor(policy, region, TIERS[rank + 1]!) : null;
  const metrics: Metrics = {};
  const closeness = random.next(); // how far along towards the next tier this partner is
  const missable: string[] = [];
  for (const criterion of policy.criteria) {
    if (criterion.unit === 'rating') {
      metrics[criterion.id] = Math.round((3 + random.next() * 2) * 10) / 10;
      continue;
    }
    const floor = here.get(criterion.id) ?? 0;
    const ceiling = next?.get(criterion.id) ?? floor * 1.6 + (criterion.unit === 'money' ? 20_000 : 2);
    let value: number;
    if (next && ceiling > floor && random.next() > closeness) {
      value = floor + random.next() * (ceiling - floor) * 0.95;
      missable.push(criterion.id);
    } else {
      value = ceiling + random.next() * (ceiling - floor) * 0.3;
    }
    metrics[criterion.id] = criterion.unit === 'money' ? Math.round(value / 100) * 100 : Math.floor(value);
  }
  if (next && missable.length === 0) {
    // Not quite there: one active criterion of the next tier stays short.
    const candidates = policy.criteria.filter((c) => c.status === 'active' && (next.get(c.id) ?? 0) > (here.get(c.id) ?? 0));
    const criterion = random.pick(candidates);
    const short = (next.get(criterion.id) ?? 0) - (criterion.unit === 'money' ? 5_000 : 1);
    metrics[criterion.id] = Math.max(here.get(criterion.id) ?? 0, short);
  }
  return metrics;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function eligible(plan: OrganizationPlan, country: string, region: string): boolean {
  return plan.eligible.includes(country) || plan.eligible.includes(region);
}

/** A partner while the world is planned: its row, and the hand-made reseller it is, if it is one. */
interface Draft {
  row: PartnerRow;
  demo: DemoReseller | undefined;
}

/** The world `options` describe: every row of it, and its demo credentials. */
export function planWorld(options: SeedOptions): WorldPlan {
  const random = createRandom(options.seed);
  const { policy } = options;
  const nowMs = options.now.getTime();
  const today = options.now.toISOString().slice(0, 10);
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = 86_400_000;
  const count = Math.max(options.resellers, DEMO_RESELLERS.length);

  // Partners, in memory first: groups need every member's metrics before the shared values are known.
  const drafts: Draft[] = [];
  const usedIds = new Set<string>();
  // Organization ids and keys come from a stream of their own, so they stay the same whatever the world's size.
  const keyRandom = createRandom((options.seed ^ 0x5eed5) >>> 0);
  const newId = (prefix: string, length = 10, source: Random = random) => {
    for (;;) {
      const id = `${prefix}_${source.token(length)}`;
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  // Late joiners (moved over some months after the launch) come from a stream of their own, so the rest of the
  // world stays as it was before they existed.
  const lateRandom = createRandom((options.seed ^ 0x1a7e) >>> 0);
  // Likewise the reasons given for rejections.
  const reasonRandom = createRandom((options.seed ^ 0x4ea5) >>> 0);
  const countryEntries = COUNTRIES.map((country) => [country, country.weight] as const);
  for (let index = 0; index < count; index++) {
    const demo = DEMO_RESELLERS[index];
    const country = demo ? COUNTRY_BY_CODE.get(demo.country)! : random.weighted(countryEntries);
    const region = regionForCountry(policy, country.code);
    const target = random.weighted([['register', 47], ['silver', 34], ['gold', 15], ['platinum', 4]] as const);
    const name = demo?.name ?? `${random.pick(NAME_HEADS)} ${random.pick(NAME_TAILS)} ${random.pick(country.legal)}`;
    // A third came over from Polycom or Plantronics; of those, many held a tier above what they earn today.
    let carriedOver = demo ? demo.carriedOver : null;
    if (!demo && random.chance(0.33)) {
      const rank = TIERS.indexOf(target);
      const tier = TIERS[Math.min(3, rank + (random.chance(0.4) ? 1 : 0))]!;
      carriedOver = { program: random.chance(0.55) ? 'polycom' : 'plantronics', tier };
    }
    // Their protection year starts on the day they moved over, so it ends after the program's one-year date.
    const lateJoiner = carriedOver !== null && !demo && lateRandom.chance(0.15);
    const carriedSince = lateJoiner ? addMonths(policy.statusProtection.launchDate, lateRandom.int(1, 5)) : null;
    const metrics = demo ? { ...demo.metrics } : metricsFor(random, policy, region, target);
    const id = newId('ptr');
    drafts.push({
      row: {
        id,
        name,
        country: country.code,
        region,
        city: demo?.city ?? random.pick(country.cities),
        website: `https://www.${slug(name).slice(0, 40)}.${country.tld}`,
        group_id: null,
        joined_at: addDays(today, -random.int(30, 4000)),
        carried_program: carriedOver?.program ?? null,
        carried_tier: carriedOver?.tier ?? null,
        carried_since: carriedSince,
        metrics: JSON.stringify(metrics),
        shared_metrics: '{}',
        earned_tier: 'register',
        effective_tier: 'register',
        protected_tier: null,
        protected_until: null,
        next_tier: null,
        progress: 0,
        missing_criteria: 0,
        keep_missing: 0,
        gaps: '',
      },
      demo,
    });
  }

  // Partner groups: sister entities in different countries sharing certified staff.
  const groups: { id: string; name: string }[] = [];
  const groupable = drafts.slice(DEMO_RESELLERS.length).map((draft) => draft.row);
  const groupCount = Math.max(1, Math.round(count / 60));
  for (let g = 0; g < groupCount && groupable.length > 1; g++) {
    const group = { id: newId('grp', 8), name: `${random.pick(NAME_HEADS)} ${random.pick(['Group', 'Gruppe', 'Holding', 'Alliance'])}` };
    const size = random.int(2, 5);
    const countries = new Set<string>();
    const members: PartnerRow[] = [];
    for (let attempt = 0; attempt < 20 && members.length < size; attempt++) {
      const candidate = random.pick(groupable);
      if (candidate.group_id || countries.has(candidate.country)) continue;
      countries.add(candidate.country);
      members.push(candidate);
    }
    if (members.length < 2) continue;
    groups.push(group);
    for (const member of members) member.group_id = group.id;
  }
  // Demo reseller 0 belongs to a group too, so the profile shows one; it shares fewer staff than gold needs.
  if (groups[0] && drafts[0]) drafts[0].row.group_id = groups[0].id;
  const byGroup = new Map<string, Draft[]>();
  for (const draft of drafts) if (draft.row.group_id) byGroup.set(draft.row.group_id, [...(byGroup.get(draft.row.group_id) ?? []), draft]);
  for (const members of byGroup.values()) {
    for (const member of members) {
      const shared: Metrics = {};
      for (const criterion of policy.sharedResources.criteria) {
        shared[criterion] = members
          .filter((other) => other !== member)
          .reduce((sum, other) => sum + ((JSON.parse(other.row.metrics) as Metrics)[criterion] ?? 0), 0);
      }
      if (member.demo) shared.certified_technical = 0; // keeps "earns Silver" true whatever the sisters hold
      member.row.shared_metrics = JSON.stringify(shared);
    }
  }

  // Organizations and memberships.
  const organizations = ORGANIZATIONS.map((plan) => ({ ...plan, id: newId('org', 10, keyRandom) }));
  const memberships: [string, string][] = [];
  for (const { row: partner, demo } of drafts) {
    const joined = new Set<number>();
    if (demo) for (const org of demo.organizations) joined.add(org);
    else {
      organizations.forEach((org, orgIndex) => {
        if (eligible(org, partner.country, partner.region) && random.chance(org.probability)) joined.add(orgIndex);
      });
    }
    if (![...joined].some((orgIndex) => organizations[orgIndex]!.kind === 'distributor')) {
      const distributors = organizations.map((org, orgIndex) => [org, orgIndex] as const).filter(([org]) => org.kind === 'distributor' && eligible(org, partner.country, partner.region));
      joined.add(distributors.length > 0 ? random.pick(distributors)[1] : 0);
    }
    for (const orgIndex of joined) memberships.push([organizations[orgIndex]!.id, partner.id]);
  }
  const distributorsOf = new Map<string, string[]>();
  for (const [orgId, partnerId] of memberships) {
    if (organizations.find((org) => org.id === orgId)!.kind === 'distributor') {
      distributorsOf.set(partnerId, [...(distributorsOf.get(partnerId) ?? []), orgId]);
    }
  }

  // Keys: deterministic from the seed, like everything else.
  const secret = () => `sk_test_${keyRandom.token(24)}`;
  const resellerCredentials = DEMO_RESELLERS.map((demo, index) => ({
    partnerId: drafts[index]!.row.id,
    name: demo.name,
    secretKey: secret(),
    about: demo.about,
    aboutDe: demo.aboutDe,
  }));
  const demoOrganizations = (['distributor', 'isp', 'carrier', 'systemhaus_association'] as const).map((kind) => {
    const org = organizations.find((candidate) => candidate.kind === kind)!;
    return { orgId: org.id, kind, name: org.name, secretKey: secret() };
  });
  const publishable = [{ partnerId: drafts[0]!.row.id, publishableKey: `pk_test_${keyRandom.token(24)}`, origins: options.origins }];
  // Drawn last, so the keys above stay what they were before the operator key existed.
  const operatorKey = `op_test_${keyRandom.token(24)}`;
  const keys: PlannedKey[] = [
    ...resellerCredentials.map((reseller) => ({ key: reseller.secretKey, kind: 'secret' as const, subjectKind: 'partner' as const, subjectId: reseller.partnerId })),
    ...demoOrganizations.map((org) => ({ key: org.secretKey, kind: 'secret' as const, subjectKind: 'organization' as const, subjectId: org.orgId })),
    ...publishable.map((key) => ({ key: key.publishableKey, kind: 'publishable' as const, subjectKind: 'partner' as const, subjectId: key.partnerId, origins: key.origins })),
  ];

  const hotCustomers = Array.from({ length: Math.max(5, Math.round(count / 150)) }, () => `${slug(random.pick(CUSTOMER_HEADS))}-${random.token(4)}`);

  // Each partner as evaluated on the seeding day: its deals carry the discount of its effective tier.
  const partners: PlannedPartner[] = drafts.map(({ row }) => ({ ...row, name_lower: row.name.toLowerCase(), ...evaluateColumns(policy, row, today) }));

  // Deals: every state, dated relative to the seeding moment; demo reseller 0 holds one of each.
  const deals: PlannedDeal[] = [];
  for (const [index, partner] of partners.entries()) {
    const statuses: DealStatus[] = drafts[index]!.demo
      ? index === 0
        ? ['submitted', 'under_review', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn', 'approved']
        : ['approved', 'won', 'submitted']
      : Array.from({ length: random.weighted([[0, 40], [1, 25], [2, 15], [3, 10], [5, 10]] as const) }, () => random.weighted(DEAL_STATUS_WEIGHTS));
    const country = COUNTRY_BY_CODE.get(partner.country)!;
    const tier = partner.effective_tier;
    for (const status of statuses) {
      const conflict = status === 'under_review' && random.chance(0.7);
      const head = random.pick(CUSTOMER_HEADS);
      const customerName = `${head} ${random.pick(CUSTOMER_TAILS)} ${random.pick(country.legal)}`;
      const domain = conflict ? `${random.pick(hotCustomers)}.${country.tld}` : `${slug(head)}-${random.token(5)}.${country.tld}`;
      const vatId = random.chance(0.5) ? `${partner.country}${random.int(100_000_000, 999_999_999)}` : null;
      const createdMs = nowMs - random.int(status === 'submitted' ? 1 : 20, status === 'expired' ? 400 : 200) * day;
      const decided = !['submitted', 'under_review', 'withdrawn'].includes(status);
      let decidedMs = decided ? Math.min(nowMs - day, createdMs + random.int(1, 10) * day) : null;
      let expiresMs: number | null = null;
      if (status === 'approved') {
        decidedMs = nowMs - random.int(1, policy.deals.approvalValidityDays - 5) * day;
        expiresMs = decidedMs + policy.deals.approvalValidityDays * day;
      } else if (status === 'expired') {
        decidedMs = nowMs - random.int(policy.deals.approvalValidityDays + 5, 300) * day;
        expiresMs = decidedMs + policy.deals.approvalValidityDays * day;
      } else if (status === 'won' || status === 'lost') {
        expiresMs = (decidedMs ?? nowMs) + policy.deals.approvalValidityDays * day;
      }
      const start = Math.min(createdMs, decidedMs ?? createdMs);
      const lines = Array.from({ length: random.int(1, 3) }, () => ({ sku: random.pick(CATALOGUE).sku, quantity: random.int(1, 50) }));
      const currency = partner.country === 'GB' ? 'GBP' : partner.country === 'CH' ? 'CHF' : CURRENCY_BY_REGION[partner.region] ?? 'EUR';
      const contactName = `${random.pick(CONTACT_FIRST)} ${random.pick(CONTACT_LAST)}`;
      deals.push({
        id: newId('deal', 12),
        partner_id: partner.id,
        type: random.weighted([['opportunity', 3], ['deal', 5], ['project', 2]] as const),
        status,
        conflict: conflict ? 1 : 0,
        customer: JSON.stringify({
          name: customerName,
          country: partner.country,
          domain,
          vatId,
          contact: { name: contactName, email: `${slug(contactName).replace(/-/g, '.')}@${domain}`, phone: null, consent: true },
        }),
        domain_norm: normalizeDomain(domain),
        vat_norm: vatId ? normalizeVatId(vatId) : null,
        products: JSON.stringify(lines),
        amount: random.int(20, 2_000) * 100,
        currency,
        expected_close_date: new Date(start + random.int(30, 180) * day).toISOString().slice(0, 10),
        distributor_id: random.pick(distributorsOf.get(partner.id)!),
        notes: random.chance(0.3) ? 'Follow-up after demo at the customer site.' : null,
        discount_percent: policy.benefits[tier].dealDiscountPercent,
        discount_tier: tier,
        created_at: iso(start),
        updated_at: iso(decidedMs ?? start),
        decided_at: decidedMs === null ? null : iso(decidedMs),
        expires_at: expiresMs === null ? null : iso(expiresMs),
        decision_reason: status === 'rejected' ? reasonRandom.pick(REJECTION_REASONS) : null,
      });
    }
  }

  return {
    today,
    groups,
    organizations: organizations.map(({ id, kind, name, country }) => ({ id, kind, name, country })),
    partners,
    memberships,
    keys,
    deals,
    credentials: { resellers: resellerCredentials, organizations: demoOrganizations, publishable, operatorKey },
  };
}
