// The sandbox world's data tables: countries, names, the aggregators, the hand-made demo resellers, and the weights
// the plan (seed-plan.ts) draws from. Changing a table changes the seeded world (and its demo credentials' subjects).
import type { DealStatus, Metrics, OrganizationKind, Tier } from '@poly-partner/contract';
import type { EUR_PER } from '../currency.js';

export interface CountryInfo {
  code: string;
  weight: number;
  legal: readonly string[];
  cities: readonly string[];
  tld: string;
}

export const COUNTRIES: readonly CountryInfo[] = [
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
export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

export const NAME_HEADS = [
  'Nord', 'Süd', 'Alpine', 'Blue', 'Bright', 'Clear', 'Core', 'Delta', 'Echo', 'Falcon', 'Green', 'Harbor', 'Iris',
  'Kestrel', 'Lumen', 'Meridian', 'Nova', 'Orbit', 'Pioneer', 'Quantum', 'River', 'Summit', 'Terra', 'Unity',
  'Vista', 'West', 'Zenit', 'Atlas', 'Beacon', 'Cobalt', 'Horizon', 'Keystone', 'Lighthouse', 'Maple', 'Northstar',
  'Oak', 'Polar', 'Redwood', 'Silverline', 'Skyline', 'Stone', 'Tandem', 'Vertex', 'Wave', 'Aurora', 'Baltic',
];
export const NAME_TAILS = [
  'Kommunikation', 'Communications', 'Connect', 'Systems', 'Telecom', 'Networks', 'AV', 'Collaboration', 'IT Services',
  'Solutions', 'Voice', 'Media', 'Systemhaus', 'Technologies', 'Unified', 'Datentechnik', 'Office Solutions', 'Integration',
];
export const CUSTOMER_HEADS = [
  'Beispiel', 'Muster', 'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Contoso',
  'Fabrikam', 'Northwind', 'Tailspin', 'Woodgrove', 'Litware', 'Adatum', 'Proseware', 'Lucerne', 'Fourth Coffee',
  'Alpina', 'Bergmann', 'Castell', 'Dorado', 'Elbe', 'Fjord', 'Granit', 'Helios', 'Isar', 'Jura',
];
export const CUSTOMER_TAILS = ['Logistik', 'Bank', 'Klinikum', 'Versicherung', 'Hotels', 'University', 'Manufacturing', 'Retail', 'Energy', 'Legal', 'Pharma', 'Foods'];
export const CONTACT_FIRST = ['Eva', 'Jonas', 'Lena', 'Paul', 'Marie', 'Luca', 'Sofia', 'Noah', 'Emma', 'Liam', 'Mia', 'Ben', 'Ana', 'Hiro', 'Priya', 'Carlos'];
export const CONTACT_LAST = ['Muster', 'Schmidt', 'Smith', 'Dubois', 'Rossi', 'García', 'Nowak', 'Jensen', 'Tanaka', 'Silva', 'Brown', 'Müller', 'Patel', 'Kowalski'];

export interface OrganizationPlan {
  kind: OrganizationKind;
  name: string;
  country: string;
  /** Countries or region codes whose resellers may join. */
  eligible: readonly string[];
  probability: number;
}

/** The first of each kind is the demo credential's organization; EuroChannel is the >= 5,000-member aggregator. */
export const ORGANIZATIONS: readonly OrganizationPlan[] = [
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
export interface DemoReseller {
  name: string;
  country: string;
  city: string;
  about: string;
  /** `about` in German, for the demo sites' German mode. */
  aboutDe: string;
  carriedOver: { program: 'polycom' | 'plantronics'; tier: Tier } | null;
  metrics: Metrics;
  /** Indexes into ORGANIZATIONS. */
  organizations: readonly number[];
}

export const DEMO_RESELLERS: readonly DemoReseller[] = [
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
export const REJECTION_REASONS = [
  'The end customer is already registered by another partner for this project.',
  'The customer details are incomplete: the legal name and the VAT id do not match.',
  'The products are outside the program: accessories and spare parts are not registrable.',
  'The estimated value is below the minimum for a registration (EUR 5,000).',
] as const;

export const DEAL_STATUS_WEIGHTS: readonly (readonly [DealStatus, number])[] = [
  ['submitted', 8], ['under_review', 6], ['approved', 25], ['rejected', 8], ['won', 25], ['lost', 12], ['expired', 10], ['withdrawn', 6],
];
export const CURRENCY_BY_REGION: Record<string, keyof typeof EUR_PER> = { dach: 'EUR', emea: 'EUR', north_america: 'USD', apac: 'USD', latam: 'USD' };
