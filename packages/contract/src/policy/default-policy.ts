// The realistic default program policy that ships with the contract and that the sandbox serves.
// Numbers are illustrative, in the spirit of the merged Polycom/Plantronics program; Poly sets the real ones.
import type { ProgramPolicy } from '../schemas/program.js';

const UNIVERSITY = 'https://university.poly.example';
const PARTNER_PORTAL = 'https://partners.poly.example';

export const DEFAULT_POLICY: ProgramPolicy = {
  version: '2026.1',
  name: 'Poly Partner Program',
  currency: 'EUR',
  tiers: ['register', 'silver', 'gold', 'platinum'],
  criteria: [
    {
      id: 'revenue',
      group: 'contribution',
      unit: 'money',
      status: 'active',
      label: { en: 'Revenue with Poly, trailing 12 months', de: 'Umsatz mit Poly, letzte 12 Monate' },
      actions: [{ messageId: 'action.growRevenue', url: `${PARTNER_PORTAL}/sales-tools` }],
    },
    {
      id: 'certified_sales',
      group: 'capability',
      unit: 'count',
      status: 'active',
      label: { en: 'Certified sales staff', de: 'Zertifizierte Vertriebskräfte' },
      counts: { en: 'People with a current Poly University sales certification.', de: 'Personen mit gültiger Vertriebszertifizierung der Poly University.' },
      actions: [{ messageId: 'action.certifySales', url: `${UNIVERSITY}/tracks/sales` }],
    },
    {
      id: 'certified_technical',
      group: 'capability',
      unit: 'count',
      status: 'active',
      label: { en: 'Certified technical staff', de: 'Zertifizierte technische Fachkräfte' },
      counts: { en: 'People with a current Poly University technical certification.', de: 'Personen mit gültiger technischer Zertifizierung der Poly University.' },
      actions: [{ messageId: 'action.certifyTechnical', url: `${UNIVERSITY}/tracks/technical` }],
    },
    {
      id: 'staff_sales',
      group: 'capability',
      unit: 'count',
      status: 'active',
      label: { en: 'Sales staff', de: 'Mitarbeitende im Vertrieb' },
      actions: [{ messageId: 'action.addSalesStaff' }],
    },
    {
      id: 'staff_technical',
      group: 'capability',
      unit: 'count',
      status: 'active',
      label: { en: 'Technical staff', de: 'Technische Mitarbeitende' },
      actions: [{ messageId: 'action.addTechnicalStaff' }],
    },
    {
      id: 'demo_equipment',
      group: 'commitment',
      unit: 'count',
      status: 'active',
      label: { en: 'Registered demo equipment', de: 'Registrierte Demogeräte' },
      counts: { en: 'Poly devices registered with Poly as demo equipment, each unit counted.', de: 'Bei Poly als Demogeräte registrierte Poly-Geräte, jedes Gerät einzeln gezählt.' },
      actions: [{ messageId: 'action.registerDemoEquipment', url: `${PARTNER_PORTAL}/demo-equipment` }],
    },
    {
      id: 'sales_initiatives',
      group: 'commitment',
      unit: 'count',
      status: 'active',
      label: { en: 'Sales initiatives', de: 'Vertriebsinitiativen' },
      actions: [{ messageId: 'action.startSalesInitiative', url: `${PARTNER_PORTAL}/initiatives` }],
    },
    {
      id: 'registered_deals',
      group: 'commitment',
      unit: 'count',
      status: 'active',
      label: { en: 'Registered deals, trailing 12 months', de: 'Registrierte Deals, letzte 12 Monate' },
      counts: {
        en: 'Registrations Poly approved in the last 12 months, also when won, lost or expired since. Submitted, under review, rejected and withdrawn ones do not count.',
        de: 'Registrierungen, die Poly in den letzten 12 Monaten genehmigt hat, auch wenn sie seitdem gewonnen, verloren oder abgelaufen sind. Offene, abgelehnte und zurückgezogene zählen nicht.',
      },
      actions: [{ messageId: 'action.registerDeals' }],
    },
    {
      id: 'marketing_activities',
      group: 'commitment',
      unit: 'count',
      status: 'active',
      label: { en: 'Marketing activities', de: 'Marketingaktivitäten' },
      actions: [{ messageId: 'action.runMarketingActivity', url: `${PARTNER_PORTAL}/marketing-material` }],
    },
    {
      id: 'customer_rating',
      group: 'contribution',
      unit: 'rating',
      status: 'announced',
      label: { en: 'Customer rating', de: 'Kundenbewertung' },
      actions: [{ messageId: 'action.collectRatings' }],
    },
  ],
  requirements: {
    silver: {
      revenue: 50_000,
      certified_sales: 1,
      certified_technical: 1,
      staff_sales: 1,
      staff_technical: 1,
      registered_deals: 2,
      customer_rating: 3.5,
    },
    gold: {
      revenue: 250_000,
      certified_sales: 2,
      certified_technical: 2,
      staff_sales: 3,
      staff_technical: 2,
      demo_equipment: 1,
      sales_initiatives: 1,
      registered_deals: 6,
      marketing_activities: 1,
      customer_rating: 4,
    },
    platinum: {
      revenue: 1_000_000,
      certified_sales: 4,
      certified_technical: 4,
      staff_sales: 6,
      staff_technical: 5,
      demo_equipment: 3,
      sales_initiatives: 2,
      registered_deals: 15,
      marketing_activities: 3,
      customer_rating: 4.5,
    },
  },
  regions: [
    {
      code: 'dach',
      name: { en: 'DACH', de: 'DACH' },
      countries: ['DE', 'AT', 'CH', 'LI'],
      overrides: {
        gold: { revenue: 300_000, staff_sales: 4 },
        platinum: { revenue: 1_200_000, staff_sales: 8, staff_technical: 6 },
      },
    },
    {
      code: 'emea',
      name: { en: 'Rest of EMEA', de: 'Übriges EMEA' },
      countries: [
        'GB', 'IE', 'FR', 'BE', 'NL', 'LU', 'IT', 'ES', 'PT', 'SE', 'NO', 'DK', 'FI', 'PL', 'CZ', 'HU',
        'GR', 'TR', 'AE', 'SA', 'IL', 'ZA',
      ],
      overrides: {},
    },
    {
      code: 'north_america',
      name: { en: 'North America', de: 'Nordamerika' },
      countries: ['US', 'CA'],
      overrides: {
        silver: { revenue: 75_000 },
        gold: { revenue: 400_000, staff_sales: 4 },
        platinum: { revenue: 1_500_000, staff_sales: 8, staff_technical: 6 },
      },
    },
    {
      code: 'apac',
      name: { en: 'Asia Pacific', de: 'Asien-Pazifik' },
      countries: ['AU', 'NZ', 'JP', 'SG', 'IN', 'KR', 'CN', 'MY', 'TH'],
      overrides: {
        silver: { revenue: 40_000 },
        gold: { revenue: 200_000 },
        platinum: { revenue: 800_000 },
      },
    },
    {
      code: 'latam',
      name: { en: 'Latin America', de: 'Lateinamerika' },
      countries: ['BR', 'MX', 'AR', 'CL', 'CO', 'PE'],
      overrides: {
        silver: { revenue: 25_000 },
        gold: { revenue: 120_000, staff_sales: 2 },
        platinum: { revenue: 500_000, staff_sales: 4, staff_technical: 4 },
      },
    },
  ],
  defaultRegion: 'emea',
  sharedResources: { criteria: ['certified_sales', 'certified_technical'], maxPerCriterion: 2 },
  statusProtection: { launchDate: '2026-09-01', months: 12 },
  benefits: {
    register: {
      dealDiscountPercent: 0,
      items: [{ messageId: 'benefit.portalAccess', label: { en: 'Partner portal and training access', de: 'Zugang zu Partnerportal und Trainings' } }],
    },
    silver: {
      dealDiscountPercent: 3,
      items: [
        { messageId: 'benefit.portalAccess', label: { en: 'Partner portal and training access', de: 'Zugang zu Partnerportal und Trainings' } },
        { messageId: 'benefit.demoDiscount', label: { en: 'Discount on demo equipment', de: 'Rabatt auf Demogeräte' } },
      ],
    },
    gold: {
      dealDiscountPercent: 6,
      items: [
        { messageId: 'benefit.portalAccess', label: { en: 'Partner portal and training access', de: 'Zugang zu Partnerportal und Trainings' } },
        { messageId: 'benefit.demoDiscount', label: { en: 'Discount on demo equipment', de: 'Rabatt auf Demogeräte' } },
        { messageId: 'benefit.marketingFunds', label: { en: 'Marketing development funds', de: 'Marketingbudget (MDF)' } },
      ],
    },
    platinum: {
      dealDiscountPercent: 10,
      items: [
        { messageId: 'benefit.portalAccess', label: { en: 'Partner portal and training access', de: 'Zugang zu Partnerportal und Trainings' } },
        { messageId: 'benefit.demoDiscount', label: { en: 'Discount on demo equipment', de: 'Rabatt auf Demogeräte' } },
        { messageId: 'benefit.marketingFunds', label: { en: 'Marketing development funds', de: 'Marketingbudget (MDF)' } },
        { messageId: 'benefit.partnerManager', label: { en: 'Dedicated partner manager', de: 'Persönliche Betreuung im Partnermanagement' } },
      ],
    },
  },
  deals: { approvalValidityDays: 90, maxCloseDays: 730 },
};

/** The default policy with another launch date (the sandbox launches 90 days before first seeding). */
export function policyWithLaunchDate(policy: ProgramPolicy, launchDate: string): ProgramPolicy {
  return { ...policy, statusProtection: { ...policy.statusProtection, launchDate } };
}
