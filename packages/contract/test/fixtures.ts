// A small program policy whose numbers the engine tests spell out, so a test reads as the rule it checks.
import { DEFAULT_POLICY, parsePolicy, type PartnerStanding, type ProgramPolicy } from '../src/index.js';

const UNIVERSITY = 'https://university.poly.example';

export const TEST_POLICY: ProgramPolicy = parsePolicy({
  ...DEFAULT_POLICY,
  version: 'test.1',
  criteria: [
    {
      id: 'revenue',
      group: 'contribution',
      unit: 'money',
      status: 'active',
      label: { en: 'Revenue' },
      actions: [{ messageId: 'action.growRevenue', url: 'https://partners.poly.example/sales-tools' }],
    },
    {
      id: 'certified_sales',
      group: 'capability',
      unit: 'count',
      status: 'active',
      label: { en: 'Certified sales staff' },
      actions: [{ messageId: 'action.certifySales', url: `${UNIVERSITY}/tracks/sales` }],
    },
    {
      id: 'certified_technical',
      group: 'capability',
      unit: 'count',
      status: 'active',
      label: { en: 'Certified technical staff' },
      actions: [{ messageId: 'action.certifyTechnical', url: `${UNIVERSITY}/tracks/technical` }],
    },
    {
      id: 'staff_technical',
      group: 'capability',
      unit: 'count',
      status: 'active',
      label: { en: 'Technical staff' },
      actions: [{ messageId: 'action.addTechnicalStaff' }],
    },
    {
      id: 'demo_equipment',
      group: 'commitment',
      unit: 'count',
      status: 'active',
      label: { en: 'Demo equipment' },
      actions: [{ messageId: 'action.registerDemoEquipment' }],
    },
    {
      id: 'customer_rating',
      group: 'contribution',
      unit: 'rating',
      status: 'announced',
      label: { en: 'Customer rating' },
      actions: [{ messageId: 'action.collectRatings' }],
    },
  ],
  requirements: {
    silver: { revenue: 50_000, certified_sales: 1, certified_technical: 1, staff_technical: 1, customer_rating: 3.5 },
    gold: {
      revenue: 250_000,
      certified_sales: 2,
      certified_technical: 2,
      staff_technical: 2,
      demo_equipment: 1,
      customer_rating: 4,
    },
    platinum: {
      revenue: 1_000_000,
      certified_sales: 4,
      certified_technical: 4,
      staff_technical: 5,
      demo_equipment: 3,
      customer_rating: 4.5,
    },
  },
  regions: [
    {
      code: 'dach',
      name: { en: 'DACH' },
      countries: ['DE', 'AT', 'CH'],
      overrides: { gold: { revenue: 300_000 }, platinum: { revenue: 1_200_000, staff_technical: 6 } },
    },
    { code: 'emea', name: { en: 'Rest of EMEA' }, countries: ['FR', 'GB', 'NL'], overrides: {} },
    {
      code: 'latam',
      name: { en: 'Latin America' },
      countries: ['BR', 'MX'],
      overrides: { silver: { revenue: 25_000 }, gold: { revenue: 120_000 } },
    },
  ],
  defaultRegion: 'emea',
  sharedResources: { criteria: ['certified_sales', 'certified_technical'], maxPerCriterion: 2 },
  statusProtection: { launchDate: '2026-09-01', months: 12 },
});

/** Exactly what each tier asks in the default table (rest of EMEA), active criteria only. */
export const SILVER = { revenue: 50_000, certified_sales: 1, certified_technical: 1, staff_technical: 1 };
export const GOLD = { revenue: 250_000, certified_sales: 2, certified_technical: 2, staff_technical: 2, demo_equipment: 1 };
export const PLATINUM = {
  revenue: 1_000_000,
  certified_sales: 4,
  certified_technical: 4,
  staff_technical: 5,
  demo_equipment: 3,
};

/** A standing in `region` with these metrics, not carried over unless said. */
export function standing(
  metrics: Record<string, number>,
  options: Partial<Omit<PartnerStanding, 'metrics'>> = {},
): PartnerStanding {
  return { region: 'emea', carriedOver: null, ...options, metrics };
}

/** Freezes a value and everything inside it, to prove a function does not mutate its inputs. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
