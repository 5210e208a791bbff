// The tier engine against the rules of DESIGN.md "The tier program", table by table.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addMonths,
  ContractInputError,
  countedValue,
  DEFAULT_POLICY,
  evaluate,
  type Evaluation,
  EvaluationSchema,
  policyWithLaunchDate,
  progressToNextTier,
  protectionAt,
  regionForCountry,
  requirementsFor,
  simulate,
  SimulationResultSchema,
  type Tier,
  tierRank,
} from '../src/index.js';
import { deepFreeze, GOLD, PLATINUM, SILVER, standing, TEST_POLICY } from './fixtures.js';

const AS_OF = '2027-03-01';
const PROTECTED_UNTIL = '2027-09-01';

function tierOf(metrics: Record<string, number>, region = 'emea'): Tier {
  return evaluate(TEST_POLICY, standing(metrics, { region }), { asOf: AS_OF }).earnedTier;
}

/** The value just below a requirement: one unit for counts and money. */
const justBelow = (value: number) => value - 1;

describe('tier boundaries', () => {
  const cases: { name: string; metrics: Record<string, number>; tier: Tier }[] = [
    { name: 'nothing measured', metrics: {}, tier: 'register' },
    { name: 'exactly silver', metrics: SILVER, tier: 'silver' },
    { name: 'exactly gold', metrics: GOLD, tier: 'gold' },
    { name: 'exactly platinum', metrics: PLATINUM, tier: 'platinum' },
    { name: 'far above platinum', metrics: { ...PLATINUM, revenue: 9_000_000, staff_technical: 40 }, tier: 'platinum' },
  ];
  // Each criterion alone, one unit short, holds the partner one tier down.
  for (const [tier, metrics, below] of [
    ['silver', SILVER, 'register'],
    ['gold', GOLD, 'silver'],
    ['platinum', PLATINUM, 'gold'],
  ] as const) {
    for (const [id, value] of Object.entries(metrics)) {
      cases.push({ name: `${tier} but ${id} just below (${justBelow(value)})`, metrics: { ...metrics, [id]: justBelow(value) }, tier: below });
    }
  }
  cases.push({ name: 'silver with revenue a cent short', metrics: { ...SILVER, revenue: 49_999.99 }, tier: 'register' });

  for (const { name, metrics, tier } of cases) {
    test(`${name} -> ${tier}`, () => assert.equal(tierOf(metrics), tier));
  }

});

describe('regions', () => {
  const cases: { name: string; metrics: Record<string, number>; tiers: Record<string, Tier> }[] = [
    {
      name: 'gold numbers with 280k revenue',
      metrics: { ...GOLD, revenue: 280_000 },
      tiers: { emea: 'gold', dach: 'silver', latam: 'gold' },
    },
    {
      name: 'gold numbers with 130k revenue',
      metrics: { ...GOLD, revenue: 130_000 },
      tiers: { emea: 'silver', dach: 'silver', latam: 'gold' },
    },
    {
      name: 'silver numbers with 30k revenue',
      metrics: { ...SILVER, revenue: 30_000 },
      tiers: { emea: 'register', dach: 'register', latam: 'silver' },
    },
    {
      name: 'platinum numbers with 1.2M revenue',
      metrics: { ...PLATINUM, revenue: 1_200_000 },
      tiers: { emea: 'platinum', dach: 'gold', latam: 'platinum' },
    },
    {
      name: 'platinum numbers with 1.2M revenue and 6 technical staff',
      metrics: { ...PLATINUM, revenue: 1_200_000, staff_technical: 6 },
      tiers: { emea: 'platinum', dach: 'platinum', latam: 'platinum' },
    },
  ];
  for (const { name, metrics, tiers } of cases) {
    for (const [region, tier] of Object.entries(tiers)) {
      test(`${name} in ${region} -> ${tier}`, () => assert.equal(tierOf(metrics, region), tier));
    }
  }

  test('requirementsFor applies only the numbers a region overrides', () => {
    assert.deepEqual(Object.fromEntries(requirementsFor(TEST_POLICY, 'dach', 'platinum')), {
      revenue: 1_200_000,
      certified_sales: 4,
      certified_technical: 4,
      staff_technical: 6,
      demo_equipment: 3,
      customer_rating: 4.5,
    });
    assert.equal(requirementsFor(TEST_POLICY, 'emea', 'register').size, 0);
  });

  for (const [country, region] of [
    ['DE', 'dach'],
    ['CH', 'dach'],
    ['FR', 'emea'],
    ['BR', 'latam'],
    ['ZZ', 'emea'],
  ] as const) {
    test(`country ${country} is in region ${region}`, () => assert.equal(regionForCountry(TEST_POLICY, country), region));
  }

  test('the default policy tells DACH, rest of EMEA and LATAM apart', () => {
    const metrics = {
      revenue: 280_000,
      certified_sales: 2,
      certified_technical: 2,
      staff_sales: 4,
      staff_technical: 2,
      demo_equipment: 1,
      sales_initiatives: 1,
      registered_deals: 6,
      marketing_activities: 1,
    };
    const tierIn = (country: string) =>
      evaluate(DEFAULT_POLICY, standing(metrics, { region: regionForCountry(DEFAULT_POLICY, country) }), { asOf: AS_OF })
        .earnedTier;
    assert.deepEqual(
      { DE: tierIn('DE'), FR: tierIn('FR'), BR: tierIn('BR'), US: tierIn('US') },
      { DE: 'silver', FR: 'gold', BR: 'gold', US: 'silver' },
    );
  });
});

describe('shared resources of a partner group', () => {
  const cases: {
    name: string;
    own: Record<string, number>;
    shared: Record<string, number>;
    counted: Record<string, { own: number; sharedCounted: number; current: number }>;
    tier: Tier;
  }[] = [
    {
      name: 'one shared technician completes silver',
      own: { ...SILVER, certified_technical: 0 },
      shared: { certified_technical: 1 },
      counted: { certified_technical: { own: 0, sharedCounted: 1, current: 1 } },
      tier: 'silver',
    },
    {
      name: 'shared staff count up to the limit of 2',
      own: { ...GOLD, certified_sales: 0, certified_technical: 0 },
      shared: { certified_sales: 2, certified_technical: 2 },
      counted: {
        certified_sales: { own: 0, sharedCounted: 2, current: 2 },
        certified_technical: { own: 0, sharedCounted: 2, current: 2 },
      },
      tier: 'gold',
    },
    {
      name: 'and no further: 7 available still count 2',
      own: { ...PLATINUM, certified_technical: 1 },
      shared: { certified_technical: 7 },
      counted: { certified_technical: { own: 1, sharedCounted: 2, current: 3 } },
      tier: 'gold',
    },
    {
      name: 'own plus the limit reaches platinum',
      own: { ...PLATINUM, certified_technical: 2 },
      shared: { certified_technical: 7 },
      counted: { certified_technical: { own: 2, sharedCounted: 2, current: 4 } },
      tier: 'platinum',
    },
    {
      name: 'only shareable criteria: shared revenue and staff count nothing',
      own: { ...SILVER, revenue: 0, staff_technical: 0 },
      shared: { revenue: 500_000, staff_technical: 5, certified_sales: 1 },
      counted: {
        revenue: { own: 0, sharedCounted: 0, current: 0 },
        staff_technical: { own: 0, sharedCounted: 0, current: 0 },
      },
      tier: 'register',
    },
  ];
  for (const { name, own, shared, counted, tier } of cases) {
    test(name, () => {
      const result = evaluate(TEST_POLICY, standing(own, { sharedMetrics: shared }), { asOf: AS_OF });
      assert.equal(result.earnedTier, tier);
      // The checklist measures every criterion of the next tier, or the criteria list at the top.
      const items = result.checklist?.items ?? result.criteria;
      for (const [id, expected] of Object.entries(counted)) {
        const item = items.find((candidate) => candidate.criterionId === id);
        assert.ok(item, `${id} is measured`);
        assert.deepEqual({ own: item.own, sharedCounted: item.sharedCounted, current: item.current }, expected, id);
        // The what-if starts from countedValue: the same figure as the checklist.
        assert.deepEqual(countedValue(TEST_POLICY, standing(own, { sharedMetrics: shared }), id), expected, `countedValue ${id}`);
      }
    });
  }

  test('a zero limit turns sharing off', () => {
    const policy = { ...TEST_POLICY, sharedResources: { ...TEST_POLICY.sharedResources, maxPerCriterion: 0 } };
    const result = evaluate(policy, standing({ ...SILVER, certified_technical: 0 }, { sharedMetrics: { certified_technical: 3 } }), {
      asOf: AS_OF,
    });
    assert.equal(result.earnedTier, 'register');
  });
});

describe('status protection', () => {
  // Carried over as Gold, earns Silver today.
  const protectedGold = standing(SILVER, { carriedOver: { program: 'polycom', tier: 'gold' } });
  const cases: {
    name: string;
    asOf: string;
    metrics?: Record<string, number>;
    carried: Tier;
    expected: Pick<Evaluation, 'earnedTier' | 'effectiveTier' | 'protectionActive' | 'nextTier'>;
  }[] = [
    {
      name: 'before launch, protected',
      asOf: '2026-08-01',
      carried: 'gold',
      expected: { earnedTier: 'silver', effectiveTier: 'gold', protectionActive: true, nextTier: 'platinum' },
    },
    {
      name: 'on launch day',
      asOf: '2026-09-01',
      carried: 'gold',
      expected: { earnedTier: 'silver', effectiveTier: 'gold', protectionActive: true, nextTier: 'platinum' },
    },
    {
      name: 'keeps its tier on protectedUntil',
      asOf: PROTECTED_UNTIL,
      carried: 'gold',
      expected: { earnedTier: 'silver', effectiveTier: 'gold', protectionActive: true, nextTier: 'platinum' },
    },
    {
      name: 'drops to what it earns the day after',
      asOf: '2027-09-02',
      carried: 'gold',
      expected: { earnedTier: 'silver', effectiveTier: 'silver', protectionActive: false, nextTier: 'gold' },
    },
    {
      name: 'earning more than the protected tier: the earned tier wins',
      asOf: AS_OF,
      metrics: GOLD,
      carried: 'silver',
      expected: { earnedTier: 'gold', effectiveTier: 'gold', protectionActive: true, nextTier: 'platinum' },
    },
    {
      name: 'rises above protection before protectedUntil through certifications',
      asOf: AS_OF,
      metrics: PLATINUM,
      carried: 'gold',
      expected: { earnedTier: 'platinum', effectiveTier: 'platinum', protectionActive: true, nextTier: null },
    },
    {
      name: 'protected register earns silver',
      asOf: AS_OF,
      carried: 'register',
      expected: { earnedTier: 'silver', effectiveTier: 'silver', protectionActive: true, nextTier: 'gold' },
    },
  ];
  for (const { name, asOf, metrics, carried, expected } of cases) {
    test(name, () => {
      const result = evaluate(
        TEST_POLICY,
        { ...protectedGold, metrics: metrics ?? protectedGold.metrics, carriedOver: { program: 'plantronics', tier: carried } },
        { asOf },
      );
      assert.deepEqual(
        {
          earnedTier: result.earnedTier,
          effectiveTier: result.effectiveTier,
          protectionActive: result.protectionActive,
          nextTier: result.nextTier,
        },
        expected,
      );
      assert.equal(result.protectedTier, carried);
      assert.equal(result.protectedUntil, PROTECTED_UNTIL);
    });
  }

  test('certifications lift a protected partner above its protected tier: the what-if shows it', () => {
    const partner = standing({ ...PLATINUM, certified_technical: 2 }, { carriedOver: { program: 'polycom', tier: 'gold' } });
    const result = simulate(TEST_POLICY, partner, { metricDeltas: { certified_technical: 2 } }, { asOf: AS_OF });
    assert.equal(result.baseline.effectiveTier, 'gold');
    assert.equal(result.projected.effectiveTier, 'platinum');
    assert.equal(result.projected.protectionActive, true);
    assert.equal(result.tierDelta, 1);
  });

  test('a partner not carried over has no protection', () => {
    const result = evaluate(TEST_POLICY, standing(SILVER), { asOf: AS_OF });
    assert.deepEqual(
      [result.protectedTier, result.protectedUntil, result.protectionActive],
      [null, null, false],
    );
  });

  test('while protected, the discount is the protected tier’s', () => {
    const during = evaluate(TEST_POLICY, protectedGold, { asOf: PROTECTED_UNTIL });
    const after = evaluate(TEST_POLICY, protectedGold, { asOf: '2027-09-02' });
    assert.equal(during.dealDiscountPercent, TEST_POLICY.benefits.gold.dealDiscountPercent);
    assert.equal(after.dealDiscountPercent, TEST_POLICY.benefits.silver.dealDiscountPercent);
    assert.notEqual(during.dealDiscountPercent, after.dealDiscountPercent);
  });

  for (const [launchDate, months, until] of [
    ['2026-09-01', 12, '2027-09-01'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-15', 0, '2026-01-15'],
  ] as const) {
    test(`launch ${launchDate} + ${months} months protects until ${until}`, () => {
      const policy = { ...policyWithLaunchDate(TEST_POLICY, launchDate), statusProtection: { launchDate, months } };
      assert.equal(protectionAt(policy, { program: 'polycom', tier: 'gold' }, launchDate).protectedUntil, until);
      assert.equal(addMonths(launchDate, months), until);
    });
  }
});

describe('what keeps the protected tier', () => {
  // Carried over as Gold, earns Silver today: keeping Gold after protectedUntil needs Gold's requirements.
  const protectedGold = standing(SILVER, { carriedOver: { program: 'polycom', tier: 'gold' } });

  test('a partner protected above what it earns gets the protected tier’s checklist, the same as a next-tier one', () => {
    const held = evaluate(TEST_POLICY, protectedGold, { asOf: AS_OF });
    assert.equal(held.keepChecklist?.tier, 'gold');
    const earningSilverAimingGold = evaluate(TEST_POLICY, standing(SILVER), { asOf: AS_OF });
    // The gold checklist of a silver partner without protection measures the same numbers.
    assert.deepEqual(held.keepChecklist, earningSilverAimingGold.checklist);
    assert.ok(held.keepChecklist!.metCount < held.keepChecklist!.requiredCount, 'something is missing to keep gold');
  });

  test('on protectedUntil the checklist is still there; the day after, the tier has gone and so has the checklist', () => {
    const lastDay = evaluate(TEST_POLICY, protectedGold, { asOf: PROTECTED_UNTIL });
    const dayAfter = evaluate(TEST_POLICY, protectedGold, { asOf: '2027-09-02' });
    assert.equal(lastDay.keepChecklist?.tier, 'gold');
    assert.equal(dayAfter.effectiveTier, 'silver');
    assert.equal(dayAfter.keepChecklist, null);
    assert.equal(dayAfter.checklist?.tier, 'gold', 'gold is now the next tier to reach');
  });

  test('a partner that already earns its protected tier has nothing to keep', () => {
    const earnsGold = evaluate(TEST_POLICY, standing(GOLD, { carriedOver: { program: 'polycom', tier: 'gold' } }), { asOf: AS_OF });
    assert.equal(earnsGold.protectionActive, true);
    assert.equal(earnsGold.keepChecklist, null);
  });

  test('a partner protected at Platinum gets Platinum’s checklist, though there is no next tier', () => {
    const held = evaluate(TEST_POLICY, standing(GOLD, { carriedOver: { program: 'plantronics', tier: 'platinum' } }), { asOf: AS_OF });
    assert.equal(held.effectiveTier, 'platinum');
    assert.equal(held.checklist, null);
    assert.equal(held.keepChecklist?.tier, 'platinum');
    assert.ok(held.keepChecklist!.items.some((item) => item.met === false));
  });

  test('a partner protected below what it earns reads the protection as a floor: no checklist to keep', () => {
    const floor = evaluate(TEST_POLICY, standing(PLATINUM, { carriedOver: { program: 'polycom', tier: 'gold' } }), { asOf: AS_OF });
    assert.equal(floor.effectiveTier, 'platinum');
    assert.equal(floor.keepChecklist, null);
  });

  test('a late joiner’s protection year starts on the day it moved over', () => {
    const late = standing(SILVER, { carriedOver: { program: 'polycom', tier: 'gold', since: '2026-12-15' } });
    const onTheLaunchYear = evaluate(TEST_POLICY, late, { asOf: '2027-09-02' });
    assert.equal(onTheLaunchYear.protectedUntil, '2027-12-15');
    assert.equal(onTheLaunchYear.effectiveTier, 'gold');
    assert.equal(evaluate(TEST_POLICY, late, { asOf: '2027-12-16' }).effectiveTier, 'silver');
    // A date before the launch changes nothing: the year never starts before the program does.
    const early = standing(SILVER, { carriedOver: { program: 'polycom', tier: 'gold', since: '2026-01-01' } });
    assert.equal(evaluate(TEST_POLICY, early, { asOf: AS_OF }).protectedUntil, PROTECTED_UNTIL);
  });
});

describe('announced customer rating', () => {
  test('is shown in the checklist with met: null', () => {
    const result = evaluate(TEST_POLICY, standing(SILVER), { asOf: AS_OF });
    const rating = result.checklist?.items.find((item) => item.criterionId === 'customer_rating');
    assert.ok(rating);
    assert.equal(rating.status, 'announced');
    assert.equal(rating.met, null);
    assert.equal(rating.required, 4);
    // ...and in the criteria of the tier held.
    assert.equal(result.criteria.find((item) => item.criterionId === 'customer_rating')?.met, null);
  });

  const cases: { name: string; metrics: Record<string, number>; tier: Tier }[] = [
    { name: 'a partner with rating 0 still earns silver', metrics: { ...SILVER, customer_rating: 0 }, tier: 'silver' },
    { name: 'a partner with rating 0 still earns platinum', metrics: { ...PLATINUM, customer_rating: 0 }, tier: 'platinum' },
    { name: 'a partner meeting only the rating stays register', metrics: { customer_rating: 5 }, tier: 'register' },
    { name: 'a perfect rating lifts nobody', metrics: { ...SILVER, customer_rating: 5 }, tier: 'silver' },
  ];
  for (const { name, metrics, tier } of cases) test(name, () => assert.equal(tierOf(metrics), tier));

  test('is not counted in metCount/requiredCount', () => {
    const withRating = evaluate(TEST_POLICY, standing({ ...SILVER, customer_rating: 5 }), { asOf: AS_OF });
    const without = evaluate(TEST_POLICY, standing({ ...SILVER, customer_rating: 0 }), { asOf: AS_OF });
    assert.equal(withRating.checklist?.requiredCount, 5);
    assert.equal(withRating.checklist?.metCount, without.checklist?.metCount);
  });

  test('once active, the same rating decides the tier', () => {
    const policy = {
      ...TEST_POLICY,
      criteria: TEST_POLICY.criteria.map((criterion) =>
        criterion.id === 'customer_rating' ? { ...criterion, status: 'active' as const } : criterion,
      ),
    };
    const result = evaluate(policy, standing({ ...SILVER, customer_rating: 3 }), { asOf: AS_OF });
    assert.equal(result.earnedTier, 'register');
    assert.equal(result.checklist?.items.find((item) => item.criterionId === 'customer_rating')?.met, false);
  });
});

describe('next-tier checklist', () => {
  // Earns silver; for gold it has certified sales, technical staff and demo equipment, not revenue or certified technicians.
  const partner = standing({ ...GOLD, revenue: 100_000, certified_technical: 1, customer_rating: 3.45 });
  const result = evaluate(TEST_POLICY, partner, { asOf: AS_OF });

  test('is for the tier above the effective one, with counts of active criteria', () => {
    assert.equal(result.earnedTier, 'silver');
    assert.equal(result.checklist?.tier, 'gold');
    assert.equal(result.checklist?.requiredCount, 5);
    assert.equal(result.checklist?.metCount, 3);
    assert.equal(progressToNextTier(result), 3 / 5);
  });

  const expected: Record<string, { current: number; required: number; met: boolean | null; gap: number; progress: number }> = {
    revenue: { current: 100_000, required: 250_000, met: false, gap: 150_000, progress: 0.4 },
    certified_sales: { current: 2, required: 2, met: true, gap: 0, progress: 1 },
    certified_technical: { current: 1, required: 2, met: false, gap: 1, progress: 0.5 },
    staff_technical: { current: 2, required: 2, met: true, gap: 0, progress: 1 },
    demo_equipment: { current: 1, required: 1, met: true, gap: 0, progress: 1 },
    // A rating gap keeps one decimal and rounds up: 4 - 3.45 = 0.55 -> 0.6.
    customer_rating: { current: 3.45, required: 4, met: null, gap: 0.6, progress: 3.45 / 4 },
  };
  for (const [id, values] of Object.entries(expected)) {
    test(`${id}: current, required, met, gap, progress`, () => {
      const item = result.checklist?.items.find((candidate) => candidate.criterionId === id);
      assert.ok(item);
      assert.deepEqual(
        { current: item.current, required: item.required, met: item.met, gap: item.gap, progress: item.progress },
        values,
      );
    });
  }

  test('items follow the order of the policy criteria', () => {
    assert.deepEqual(
      result.checklist?.items.map((item) => item.criterionId),
      TEST_POLICY.criteria.map((criterion) => criterion.id),
    );
  });

  test('a gap carries actions: message id, params, and the policy url when there is one', () => {
    const revenue = result.checklist?.items.find((item) => item.criterionId === 'revenue');
    assert.deepEqual(revenue?.actions, [
      {
        messageId: 'action.growRevenue',
        params: { gap: 150_000, required: 250_000, current: 100_000, tier: 'gold', criterionId: 'revenue' },
        url: 'https://partners.poly.example/sales-tools',
      },
    ]);
    const technical = result.checklist?.items.find((item) => item.criterionId === 'certified_technical');
    assert.deepEqual(technical?.actions, [
      {
        messageId: 'action.certifyTechnical',
        params: { gap: 1, required: 2, current: 1, tier: 'gold', criterionId: 'certified_technical' },
        url: 'https://university.poly.example/tracks/technical',
      },
    ]);
  });

  test('an action without a url has none, and met criteria have no actions', () => {
    const short = evaluate(TEST_POLICY, standing({ ...SILVER, staff_technical: 0 }), { asOf: AS_OF });
    const staff = short.checklist?.items.find((item) => item.criterionId === 'staff_technical');
    assert.deepEqual(staff?.actions, [
      {
        messageId: 'action.addTechnicalStaff',
        params: { gap: 1, required: 1, current: 0, tier: 'silver', criterionId: 'staff_technical' },
      },
    ]);
    for (const item of result.checklist?.items ?? []) {
      if (item.met) assert.deepEqual(item.actions, [], item.criterionId);
    }
  });

  test('a criterion missed by a hair shows a gap of one unit, never 0', () => {
    const hair = evaluate(TEST_POLICY, standing({ ...SILVER, revenue: 49_999.9999999999, customer_rating: 3.9999999999 }), { asOf: AS_OF });
    assert.equal(hair.earnedTier, 'register');
    const items = hair.checklist?.items ?? [];
    const revenue = items.find((item) => item.criterionId === 'revenue');
    assert.deepEqual([revenue?.met, revenue?.gap], [false, 1]);
    const withRating = evaluate(TEST_POLICY, standing({ ...SILVER, customer_rating: 3.9999999999 }), { asOf: AS_OF });
    const rating = withRating.checklist?.items.find((item) => item.criterionId === 'customer_rating');
    assert.equal(rating?.gap, 0.1);
  });

  test('money gaps round up to whole units', () => {
    const cents = evaluate(TEST_POLICY, standing({ ...SILVER, revenue: 49_999.5 }), { asOf: AS_OF });
    assert.equal(cents.checklist?.items.find((item) => item.criterionId === 'revenue')?.gap, 1);
  });

  test('the criteria list measures the tier held', () => {
    assert.deepEqual(
      result.criteria.map((item) => [item.criterionId, item.required, item.met]),
      [
        ['revenue', 50_000, true],
        ['certified_sales', 1, true],
        ['certified_technical', 1, true],
        ['staff_technical', 1, true],
        ['customer_rating', 3.5, null],
      ],
    );
  });

  test('at the top there is no next tier and no checklist', () => {
    const top = evaluate(TEST_POLICY, standing(PLATINUM), { asOf: AS_OF });
    assert.equal(top.nextTier, null);
    assert.equal(top.checklist, null);
    assert.equal(progressToNextTier(top), 1);
  });

  test('a protected partner’s checklist aims above the protected tier', () => {
    const held = evaluate(TEST_POLICY, standing(SILVER, { carriedOver: { program: 'polycom', tier: 'gold' } }), { asOf: AS_OF });
    assert.equal(held.checklist?.tier, 'platinum');
    assert.equal(held.checklist?.metCount, 0);
  });

  test('evaluations match the contract schema', () => {
    for (const metrics of [{}, SILVER, GOLD, PLATINUM]) {
      assert.doesNotThrow(() => EvaluationSchema.parse(evaluate(TEST_POLICY, standing(metrics), { asOf: AS_OF })));
    }
  });
});

describe('simulation', () => {
  const protectedGold = standing(SILVER, { carriedOver: { program: 'polycom', tier: 'gold' } });
  const cases: {
    name: string;
    standing: ReturnType<typeof standing>;
    changes: Parameters<typeof simulate>[2];
    baseline: Tier;
    projected: Tier;
    check?: (result: ReturnType<typeof simulate>) => void;
  }[] = [
    {
      name: '+1 certified technician reaches gold',
      standing: standing({ ...GOLD, certified_technical: 1 }),
      changes: { metricDeltas: { certified_technical: 1 } },
      baseline: 'silver',
      projected: 'gold',
    },
    {
      name: '+50,000 revenue reaches silver',
      standing: standing({ ...SILVER, revenue: 0 }),
      changes: { metricDeltas: { revenue: 50_000 } },
      baseline: 'register',
      projected: 'silver',
    },
    {
      name: 'a negative delta below zero clamps to 0',
      standing: standing(GOLD),
      changes: { metricDeltas: { revenue: -1_000_000 } },
      baseline: 'gold',
      projected: 'register',
      check: (result) => {
        const revenue = result.projected.checklist?.items.find((item) => item.criterionId === 'revenue');
        assert.equal(revenue?.current, 0);
        assert.equal(revenue?.gap, 50_000);
      },
    },
    {
      name: 'another region: rest of EMEA gold is DACH silver',
      standing: standing({ ...GOLD, revenue: 280_000 }),
      changes: { region: 'dach' },
      baseline: 'gold',
      projected: 'silver',
      check: (result) => assert.equal(result.projected.region, 'dach'),
    },
    {
      name: 'a date after protection ends',
      standing: protectedGold,
      changes: { asOf: '2027-09-02' },
      baseline: 'gold',
      projected: 'silver',
      check: (result) => {
        assert.equal(result.projected.asOf, '2027-09-02');
        assert.equal(result.projected.protectionActive, false);
        assert.equal(result.baseline.protectionActive, true);
      },
    },
    {
      name: 'combined: after protection, in LATAM, with +1 demo equipment and +1 certified technician',
      standing: standing({ ...GOLD, revenue: 130_000, demo_equipment: 0, certified_technical: 1 }, { carriedOver: { program: 'plantronics', tier: 'gold' } }),
      changes: { asOf: '2027-10-01', region: 'latam', metricDeltas: { demo_equipment: 1, certified_technical: 1 } },
      baseline: 'gold',
      projected: 'gold',
      check: (result) => {
        assert.equal(result.baseline.earnedTier, 'silver');
        assert.equal(result.projected.earnedTier, 'gold');
        assert.equal(result.projected.protectionActive, false);
      },
    },
    {
      name: 'no changes: projected equals baseline',
      standing: standing(GOLD),
      changes: {},
      baseline: 'gold',
      projected: 'gold',
      check: (result) => assert.deepEqual(result.projected, result.baseline),
    },
  ];
  for (const { name, standing: partner, changes, baseline, projected, check } of cases) {
    test(name, () => {
      const result = simulate(TEST_POLICY, partner, changes, { asOf: AS_OF });
      assert.equal(result.baseline.effectiveTier, baseline);
      assert.equal(result.projected.effectiveTier, projected);
      assert.equal(result.tierDelta, tierRank(projected) - tierRank(baseline));
      assert.deepEqual(result.baseline, evaluate(TEST_POLICY, partner, { asOf: AS_OF }));
      assert.doesNotThrow(() => SimulationResultSchema.parse(result));
      check?.(result);
    });
  }

  test('an unknown criterion or region in the changes is named', () => {
    assert.throws(
      () => simulate(TEST_POLICY, standing(SILVER), { metricDeltas: { rocket_launches: 1 } }, { asOf: AS_OF }),
      (error: unknown) =>
        error instanceof ContractInputError && error.subject === 'changes' && error.issues[0]?.path === 'metricDeltas.rocket_launches',
    );
    assert.throws(
      () => simulate(TEST_POLICY, standing(SILVER), { region: 'mars' }, { asOf: AS_OF }),
      (error: unknown) => error instanceof ContractInputError && error.subject === 'changes' && error.issues[0]?.path === 'region',
    );
    assert.throws(
      () => simulate(TEST_POLICY, standing(SILVER), { asOf: '2027-02-30' }, { asOf: AS_OF }),
      (error: unknown) => error instanceof ContractInputError && error.issues[0]?.path === 'asOf',
    );
  });
});

describe('determinism and dates', () => {
  const partner = standing({ ...GOLD, certified_technical: 1 }, { sharedMetrics: { certified_sales: 3 }, carriedOver: { program: 'polycom', tier: 'gold' } });

  test('same inputs give deep-equal outputs', () => {
    assert.deepEqual(evaluate(TEST_POLICY, partner, { asOf: AS_OF }), evaluate(TEST_POLICY, partner, { asOf: AS_OF }));
    const changes = { metricDeltas: { revenue: 10_000 }, region: 'latam' };
    assert.deepEqual(simulate(TEST_POLICY, partner, changes, { asOf: AS_OF }), simulate(TEST_POLICY, partner, changes, { asOf: AS_OF }));
  });

  test('inputs are not mutated', () => {
    const frozenPolicy = deepFreeze(structuredClone(TEST_POLICY));
    const frozenPartner = deepFreeze(structuredClone(partner));
    const before = JSON.stringify(frozenPartner);
    simulate(frozenPolicy, frozenPartner, deepFreeze({ metricDeltas: { revenue: -5 } }), { asOf: AS_OF });
    assert.equal(JSON.stringify(frozenPartner), before);
  });

  test('the clock is never read: another "now" gives the same answer', (context) => {
    context.mock.timers.enable({ apis: ['Date'], now: Date.parse('2020-01-01T00:00:00Z') });
    const early = evaluate(TEST_POLICY, partner, { asOf: AS_OF });
    context.mock.timers.setTime(Date.parse('2031-06-01T00:00:00Z'));
    const late = evaluate(TEST_POLICY, partner, { asOf: AS_OF });
    assert.deepEqual(early, late);
  });

  test('asOf is required', () => {
    for (const options of [{}, undefined, { asOf: null }] as never[]) {
      assert.throws(
        () => evaluate(TEST_POLICY, partner, options),
        (error: unknown) =>
          error instanceof ContractInputError && error.subject === 'date' && error.issues[0]?.path === 'asOf' && /required/.test(error.message),
      );
    }
  });

  for (const day of ['2027-02-29', '2028-02-30', '2027-04-31', '2027-13-01', '2027-00-10', '2027-1-1', '27-01-01', '2027-01-01T00:00:00Z', '', 'tomorrow']) {
    test(`impossible day ${JSON.stringify(day)} is rejected`, () => {
      assert.throws(
        () => evaluate(TEST_POLICY, partner, { asOf: day }),
        (error: unknown) => error instanceof ContractInputError && error.subject === 'date' && error.message.includes('asOf'),
      );
    });
  }

  for (const day of ['2028-02-29', '2000-02-29', '2027-12-31', '0099-06-01']) {
    test(`real day ${day} is accepted`, () => assert.equal(evaluate(TEST_POLICY, partner, { asOf: day }).asOf, day));
  }
});
