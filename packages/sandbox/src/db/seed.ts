// The sandbox's deterministic world: resellers, groups, aggregators, deals and demo credentials from one seed.
import type Database from 'better-sqlite3';
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
import { createRandom, type Random } from '../prng.js';
import { EVALUATED_COLUMNS, evaluateColumns, evaluationKey, forgetProtectionStarts, type PartnerRow } from '../evaluation.js';
import { EUR_PER } from '../currency.js';
import { CATALOGUE } from './products.js';
import type { Credentials } from '../credentials-file.js';
import { setMeta, writeHistoryOfPastDeals } from './schema.js';
import { storeApiKey } from '../auth/api-keys.js';

export type { Credentials } from '../credentials-file.js';

// The public Credentials type spells the organization kinds out; this fails to compile when they part from the contract.
type OrganizationKindOf<T extends Credentials> = T['organizations'][number]['kind'];
const kindsMatch: [OrganizationKind] extends [OrganizationKindOf<Credentials>]
  ? [OrganizationKindOf<Credentials>] extends [OrganizationKind] ? true : false
  : false = true;
void kindsMatch;

export interface SeedOptions {
  resellers: number;
  seed: number;
  policy: ProgramPolicy;
  /** The seeding moment; seeded deals are dated relative to it. */
  now: Date;
  /** Origins of the demo publishable key. */
  origins: string[];
}

interface CountryInfo {
  code: string;
  weight: number;
  legal: readonly string[];
  cities: readonly string[];
  tld: string;
}

const COUNTRIES: readonly CountryInfo[] = [
  { code: 'DE', weight: 14, legal: ['GmbH', 'GmbH & Co. KG', 'AG', 'e.K.'], cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Düsseldorf', 'Leipzig', 'Nürnberg', 'Hannover'], tld: 'de' },
  { code: 'AT', weight: 3, legal: ['GmbH', 'KG'], cities: ['Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck'], tld: 'at' },
  { code: 'CH', weight: 3, legal: ['AG', 'GmbH', 'SA'], cities: ['Zürich', 'Basel', 'Bern', 'Genève', 'Lausanne'], tld: 'ch' },
  { code: 'GB', weight: 9, legal: ['Ltd', 'plc', 'LLP'], cities: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol'], tld: 'co.uk' },
  { code: 'IE', weight: 1, legal: ['Ltd', 'DAC'], cities: ['Dublin', 'Cork', 'Galway'], tld: 'ie' },
  { code: 'FR', weight: 7, legal: ['SAS', 'SARL', 'SA'], cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Lille', 'Nantes'], tld: 'fr' },
  { code: 'BE', weight: 2, legal: ['NV', 'SRL', 'BV'], cities: ['Bruxelles', 'Antwerpen', 'Gent', 'Liège'], tld: 'be' },
  { code: 'NL', weight: 4, legal: ['B.V.', 'N.V.'], cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', 'Den Haag'], tld: 'nl' },
  { code: 'IT', weight: 5, legal: ['S.r.l.', 'S.p.A.'], cities: ['Milano', 'Roma', 'Torino', 'Bologna', 'Napoli'], tld: 'it' },
  { code: 'ES', weight: 5, legal: ['S.L.', 'S.A.'], cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao'], tld: 'es' },
  { code: 'PT', weight: 1, legal: ['Lda.', 'S.A.'], cities: ['Lisboa', 'Porto', 'Braga'], tld: 'pt' },
  { code: 'SE', weight: 2, legal: ['AB'], cities: ['Stockholm', 'Göteborg', 'Malmö'], tld: 'se' },
  { code: 'NO', weight: 1, legal: ['AS'], cities: ['Oslo', 'Bergen', 'Trondheim'], tld: 'no' },
  { code: 'DK', weight: 1, legal: ['A/S', 'ApS'], cities: ['København', 'Aarhus', 'Odense'], tld: 'dk' },
  { code: 'FI', weight: 1, legal: ['Oy', 'Oyj'], cities: ['Helsinki', 'Espoo', 'Tampere'], tld: 'fi' },
  { code: 'PL', weight: 3, legal: ['Sp. z o.o.', 'S.A.'], cities: ['Warszawa', 'Kraków', 'Wrocław', 'Gdańsk', 'Poznań'], tld: 'pl' },
  { code: 'CZ', weight: 1, legal: ['s.r.o.', 'a.s.'], cities: ['Praha', 'Brno', 'Ostrava'], tld: 'cz' },
  { code: 'AE', weight: 1, legal: ['LLC', 'FZE'], cities: ['Dubai', 'Abu Dhabi', 'Sharjah'], tld: 'ae' },
  { code: 'ZA', weight: 1, legal: ['(Pty) Ltd'], cities: ['Johannesburg', 'Cape Town', 'Durban'], tld: 'co.za' },
  { code: 'US', weight: 12, legal: ['Inc.', 'LLC', 'Corp.'], cities: ['New York', 'Chicago', 'Austin', 'Seattle', 'Atlanta', 'Denver', 'Boston', 'San Jose'], tld: 'com' },
  { code: 'CA', weight: 3, legal: ['Inc.', 'Ltd.'], cities: ['Toronto', 'Vancouver', 'Montréal', 'Calgary', 'Ottawa'], tld: 'ca' },
  { code: 'AU', weight: 3, legal: ['Pty Ltd'], cities: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide'], tld: 'com.au' },
  { code: 'NZ', weight: 1, legal: ['Ltd'], cities: ['Auckland', 'Wellington', 'Christchurch'], tld: 'co.nz' },
  { code: 'JP', weight: 3, legal: ['K.K.', 'G.K.'], cities: ['Tokyo', 'Osaka', 'Nagoya', 'Fukuoka'], tld: 'jp' },
  { code: 'SG', weight: 1, legal: ['Pte. Ltd.'], cities: ['Singapore'], tld: 'sg' },
  { code: 'IN', weight: 2, legal: ['Pvt. Ltd.', 'LLP'], cities: ['Bengaluru', 'Mumbai', 'New Delhi', 'Pune', 'Chennai'], tld: 'in' },
  { code: 'BR', weight: 3, legal: ['Ltda.', 'S.A.'], cities: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba'], tld: 'com.br' },
  { code: 'MX', weight: 2, legal: ['S.A. de C.V.', 'S. de R.L.'], cities: ['Ciudad de México', 'Guadalajara', 'Monterrey'], tld: 'com.mx' },
  { code: 'AR', weight: 1, legal: ['S.A.', 'S.R.L.'], cities: ['Buenos Aires', 'Córdoba', 'Rosario'], tld: 'com.ar' },
  { code: 'CL', weight: 1, legal: ['SpA', 'Ltda.'], cities: ['Santiago', 'Valparaíso', 'Concepción'], tld: 'cl' },
];
const COUNTRY_BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

const NAME_HEADS = [
  'Nord', 'Süd', 'Alpine', 'Blue', 'Bright', 'Clear', 'Core', 'Delta', 'Echo', 'Falcon', 'Green', 'Harbor', 'Iris',
  'Kestrel', 'Lumen', 'Meridian', 'Nova', 'Orbit', 'Pioneer', 'Quantum', 'River', 'Summit', 'Terra', 'Unity',
  'Vista', 'West', 'Zenit', 'Atlas', 'Beacon', 'Cobalt', 'Horizon', 'Keystone', 'Lighthouse', 'Maple', 'Northstar',
  'Oak', 'Polar', 'Redwood', 'Silverline', 'Skyline', 'Stone', 'Tandem', 'Vertex', 'Wave', 'Aurora', 'Baltic',
];
const NAME_TAILS = [
  'Kommunikation', 'Communications', 'Connect', 'Systems', 'Telecom', 'Networks', 'AV', 'Collaboration', 'IT Services',
  'Solutions', 'Voice', 'Media', 'Systemhaus', 'Technologies', 'Unified', 'Datentechnik', 'Office Solutions', 'Integration',
];
const CUSTOMER_HEADS = [
  'Beispiel', 'Muster', 'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Contoso',
  'Fabrikam', 'Northwind', 'Tailspin', 'Woodgrove', 'Litware', 'Adatum', 'Proseware', 'Lucerne', 'Fourth Coffee',
  'Alpina', 'Bergmann', 'Castell', 'Dorado', 'Elbe', 'Fjord', 'Granit', 'Helios', 'Isar', 'Jura',
];
const CUSTOMER_TAILS = ['Logistik', 'Bank', 'Klinikum', 'Versicherung', 'Hotels', 'University', 'Manufacturing', 'Retail', 'Energy', 'Legal', 'Pharma', 'Foods'];
const CONTACT_FIRST = ['Eva', 'Jonas', 'Lena', 'Paul', 'Marie', 'Luca', 'Sofia', 'Noah', 'Emma', 'Liam', 'Mia', 'Ben', 'Ana', 'Hiro', 'Priya', 'Carlos'];
const CONTACT_LAST = ['Muster', 'Schmidt', 'Smith', 'Dubois', 'Rossi', 'García', 'Nowak', 'Jensen', 'Tanaka', 'Silva', 'Brown', 'Müller', 'Patel', 'Kowalski'];

interface OrganizationPlan {
  kind: OrganizationKind;
  name: string;
  country: string;
  /** Countries or region codes whose resellers may join. */
  eligible: readonly string[];
  probability: number;
}

/** The first of each kind is the demo credential's organization; EuroChannel is the >= 5,000-member aggregator. */
const ORGANIZATIONS: readonly OrganizationPlan[] = [
  { kind: 'distributor', name: 'EuroChannel Distribution GmbH', country: 'DE', eligible: ['dach', 'emea'], probability: 0.9 },
  { kind: 'isp', name: 'Telekabel Business ISP GmbH', country: 'DE', eligible: ['DE'], probability: 0.02 },
  { kind: 'carrier', name: 'Meridian Carrier Services plc', country: 'GB', eligible: ['dach', 'emea'], probability: 0.15 },
  { kind: 'systemhaus_association', name: 'Verband Deutscher Systemhäuser e.V.', country: 'DE', eligible: ['DE'], probability: 0.3 },
  { kind: 'distributor', name: 'Alpen IT Distribution AG', country: 'CH', eligible: ['dach'], probability: 0.4 },
  { kind: 'distributor', name: 'Atlantic Channel Supply Inc.', country: 'US', eligible: ['north_america', 'latam'], probability: 0.9 },
  { kind: 'distributor', name: 'Pacific Rim Distribution Pte. Ltd.', country: 'SG', eligible: ['apac'], probability: 0.95 },
  { kind: 'distributor', name: 'Andes Distribución S.A.', country: 'CL', eligible: ['latam'], probability: 0.5 },
  { kind: 'distributor', name: 'Nordic Unified Distribution AB', country: 'SE', eligible: ['SE', 'NO', 'DK', 'FI'], probability: 0.6 },
  { kind: 'isp', name: 'Fibreline Business Ltd', country: 'GB', eligible: ['GB'], probability: 0.05 },
  { kind: 'isp', name: 'NetSur Empresas S.A.', country: 'ES', eligible: ['ES'], probability: 0.1 },
  { kind: 'carrier', name: 'Continental Telecom Carrier Inc.', country: 'US', eligible: ['north_america'], probability: 0.2 },
  { kind: 'carrier', name: 'AsiaLink Carrier K.K.', country: 'JP', eligible: ['apac'], probability: 0.1 },
  { kind: 'systemhaus_association', name: 'Systemhaus-Allianz Österreich', country: 'AT', eligible: ['AT', 'CH'], probability: 0.35 },
];

/** Hand-made demo resellers: their numbers are chosen so the engine gives the tier `about` describes. */
const DEMO_RESELLERS: readonly {
  name: string;
  country: string;
  city: string;
  about: string;
  /** `about` in German, for the demo sites' German mode. */
  aboutDe: string;
  carriedOver: { program: 'polycom' | 'plantronics'; tier: Tier } | null;
  metrics: Metrics;
  organizations: readonly number[];
}[] = [
  {
    name: 'Nordwind Kommunikation GmbH',
    country: 'DE',
    city: 'Hamburg',
    about: 'protected Gold, earns Silver',
    aboutDe: 'Gold durch Statusschutz, erreicht Silver',
    carriedOver: { program: 'polycom', tier: 'gold' },
    metrics: { revenue: 180_000, certified_sales: 2, certified_technical: 1, staff_sales: 3, staff_technical: 2, demo_equipment: 1, sales_initiatives: 1, registered_deals: 8, marketing_activities: 1, customer_rating: 4.2 },
    organizations: [0, 1, 2, 3],
  },
  {
    name: 'Brightline AV Ltd',
    country: 'GB',
    city: 'Manchester',
    about: 'clean Gold, no carry-over',
    aboutDe: 'Gold aus eigenen Ergebnissen, ohne Übernahme',
    carriedOver: null,
    metrics: { revenue: 420_000, certified_sales: 3, certified_technical: 3, staff_sales: 4, staff_technical: 3, demo_equipment: 2, sales_initiatives: 1, registered_deals: 10, marketing_activities: 2, customer_rating: 4.4 },
    organizations: [0, 2],
  },
  {
    name: 'Sol Connect S.L.',
    country: 'ES',
    city: 'Valencia',
    about: 'Register, new to the program',
    aboutDe: 'Stufe Register, neu im Programm',
    carriedOver: null,
    metrics: { revenue: 12_000, certified_sales: 0, certified_technical: 1, staff_sales: 1, staff_technical: 1, registered_deals: 1 },
    organizations: [0, 2],
  },
  {
    name: 'Summit Collaboration Inc.',
    country: 'US',
    city: 'Denver',
    about: 'Platinum, carried over from Plantronics',
    aboutDe: 'Platinum, aus dem Plantronics-Programm übernommen',
    carriedOver: { program: 'plantronics', tier: 'gold' },
    metrics: { revenue: 1_800_000, certified_sales: 6, certified_technical: 5, staff_sales: 9, staff_technical: 7, demo_equipment: 4, sales_initiatives: 3, registered_deals: 22, marketing_activities: 4, customer_rating: 4.7 },
    organizations: [5, 11],
  },
];

/** What Poly's desk says when it rejects a registration. */
const REJECTION_REASONS = [
  'The end customer is already registered by another partner for this project.',
  'The customer details are incomplete: the legal name and the VAT id do not match.',
  'The products are outside the program: accessories and spare parts are not registrable.',
  'The estimated value is below the minimum for a registration (EUR 5,000).',
] as const;

const DEAL_STATUS_WEIGHTS: readonly (readonly [DealStatus, number])[] = [
  ['submitted', 8], ['under_review', 6], ['approved', 25], ['rejected', 8], ['won', 25], ['lost', 12], ['expired', 10], ['withdrawn', 6],
];
const CURRENCY_BY_REGION: Record<string, keyof typeof EUR_PER> = { dach: 'EUR', emea: 'EUR', north_america: 'USD', apac: 'USD', latam: 'USD' };

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

interface PlannedPartner extends PartnerRow {
  demo?: (typeof DEMO_RESELLERS)[number];
}

/** Seeds an empty database; answers the demo credentials (without `baseUrl`, which the server knows). */
export function seedWorld(db: Database.Database, options: SeedOptions): Omit<Credentials, 'baseUrl'> {
  const random = createRandom(options.seed);
  const { policy } = options;
  const nowMs = options.now.getTime();
  const today = options.now.toISOString().slice(0, 10);
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = 86_400_000;
  const count = Math.max(options.resellers, DEMO_RESELLERS.length);

  // Partners, in memory first: groups need every member's metrics before the shared values are known.
  const partners: PlannedPartner[] = [];
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
    partners.push({
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
      ...(demo ? { demo } : {}),
    });
  }

  // Partner groups: sister entities in different countries sharing certified staff.
  const groups: { id: string; name: string }[] = [];
  const groupable = partners.slice(DEMO_RESELLERS.length);
  const groupCount = Math.max(1, Math.round(count / 60));
  for (let g = 0; g < groupCount && groupable.length > 1; g++) {
    const group = { id: newId('grp', 8), name: `${random.pick(NAME_HEADS)} ${random.pick(['Group', 'Gruppe', 'Holding', 'Alliance'])}` };
    const size = random.int(2, 5);
    const countries = new Set<string>();
    const members: PlannedPartner[] = [];
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
  if (groups[0] && partners[0]) partners[0].group_id = groups[0].id;
  const byGroup = new Map<string, PlannedPartner[]>();
  for (const partner of partners) if (partner.group_id) byGroup.set(partner.group_id, [...(byGroup.get(partner.group_id) ?? []), partner]);
  for (const members of byGroup.values()) {
    for (const member of members) {
      const shared: Metrics = {};
      for (const criterion of policy.sharedResources.criteria) {
        shared[criterion] = members
          .filter((other) => other !== member)
          .reduce((sum, other) => sum + ((JSON.parse(other.metrics) as Metrics)[criterion] ?? 0), 0);
      }
      if (member.demo) shared.certified_technical = 0; // keeps "earns Silver" true whatever the sisters hold
      member.shared_metrics = JSON.stringify(shared);
    }
  }

  // Organizations and memberships.
  const organizations = ORGANIZATIONS.map((plan) => ({ ...plan, id: newId('org', 10, keyRandom) }));
  const memberships: [string, string][] = [];
  for (const [index, partner] of partners.entries()) {
    const joined = new Set<number>();
    if (partner.demo) for (const org of partner.demo.organizations) joined.add(org);
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
    void index;
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
    partnerId: partners[index]!.id,
    name: demo.name,
    secretKey: secret(),
    about: demo.about,
    aboutDe: demo.aboutDe,
  }));
  const demoOrganizations = (['distributor', 'isp', 'carrier', 'systemhaus_association'] as const).map((kind) => {
    const org = organizations.find((candidate) => candidate.kind === kind)!;
    return { orgId: org.id, kind, name: org.name, secretKey: secret() };
  });
  const publishable = [{ partnerId: partners[0]!.id, publishableKey: `pk_test_${keyRandom.token(24)}`, origins: options.origins }];
  // Drawn last, so the keys above stay what they were before the operator key existed.
  const operatorKey = `op_test_${keyRandom.token(24)}`;

  const partnerColumns = ['id', 'name', 'name_lower', 'country', 'region', 'city', 'website', 'group_id', 'joined_at', 'carried_program',
    'carried_tier', 'carried_since', 'metrics', 'shared_metrics', ...EVALUATED_COLUMNS];
  const insertPartner = db.prepare(`INSERT INTO partners (${partnerColumns.join(', ')}) VALUES (${partnerColumns.map((column) => `@${column}`).join(', ')})`);
  const insertDeal = db.prepare(`INSERT INTO deals (id, partner_id, type, status, conflict, customer, domain_norm, vat_norm, products,
    amount, currency, expected_close_date, distributor_id, notes, discount_percent, discount_tier, created_at, updated_at,
    decided_at, expires_at, decision_reason, auto_decide_at) VALUES (@id, @partner_id, @type, @status, @conflict, @customer, @domain_norm,
    @vat_norm, @products, @amount, @currency, @expected_close_date, @distributor_id, @notes, @discount_percent, @discount_tier,
    @created_at, @updated_at, @decided_at, @expires_at, @decision_reason, NULL)`);

  const hotCustomers = Array.from({ length: Math.max(5, Math.round(count / 150)) }, () => `${slug(random.pick(CUSTOMER_HEADS))}-${random.token(4)}`);

  db.transaction(() => {
    const insertProduct = db.prepare('INSERT INTO products (sku, name, family, list_price, currency, position) VALUES (?, ?, ?, ?, ?, ?)');
    CATALOGUE.forEach((product, position) => insertProduct.run(product.sku, product.name, product.family, product.price, 'EUR', position));
    const insertGroup = db.prepare('INSERT INTO partner_groups (id, name) VALUES (?, ?)');
    for (const group of groups) insertGroup.run(group.id, group.name);
    const insertOrg = db.prepare('INSERT INTO organizations (id, kind, name, country) VALUES (?, ?, ?, ?)');
    for (const org of organizations) insertOrg.run(org.id, org.kind, org.name, org.country);

    for (const partner of partners) {
      const columns = evaluateColumns(policy, partner, today);
      const { demo, ...row } = partner;
      void demo;
      insertPartner.run({ ...row, name_lower: partner.name.toLowerCase(), ...columns });
      Object.assign(partner, { effective_tier: columns.effective_tier });
    }
    const insertMembership = db.prepare('INSERT INTO memberships (org_id, partner_id) VALUES (?, ?)');
    for (const [orgId, partnerId] of memberships) insertMembership.run(orgId, partnerId);

    for (const reseller of resellerCredentials) storeApiKey(db, { key: reseller.secretKey, kind: 'secret', subjectKind: 'partner', subjectId: reseller.partnerId });
    for (const org of demoOrganizations) storeApiKey(db, { key: org.secretKey, kind: 'secret', subjectKind: 'organization', subjectId: org.orgId });
    for (const key of publishable) storeApiKey(db, { key: key.publishableKey, kind: 'publishable', subjectKind: 'partner', subjectId: key.partnerId, origins: key.origins });

    // Deals: every state, dated relative to the seeding moment; demo reseller 0 holds one of each.
    for (const [index, partner] of partners.entries()) {
      const statuses: DealStatus[] = partner.demo
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
        insertDeal.run({
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
    writeHistoryOfPastDeals(db);
    forgetProtectionStarts(db); // the partners are new
    setMeta(db, 'evaluated', evaluationKey(db, policy, today));
    setMeta(db, 'seed', String(options.seed));
    setMeta(db, 'seededAt', options.now.toISOString());
    setMeta(db, 'launchDate', policy.statusProtection.launchDate);
    setMeta(db, 'credentials', JSON.stringify({ resellers: resellerCredentials, organizations: demoOrganizations, publishable, operatorKey }));
  })();

  return { resellers: resellerCredentials, organizations: demoOrganizations, publishable, operatorKey };
}

