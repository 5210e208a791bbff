// Bad policy data and bad metrics are refused with a ContractInputError that says where the problem is.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ContractInputError,
  DEFAULT_POLICY,
  evaluate,
  parsePolicy,
  parseStanding,
  type ProgramPolicy,
} from '../src/index.js';
import { SILVER, standing, TEST_POLICY } from './fixtures.js';

/** A deep copy of the default policy, changed by `edit`. */
function policyWith(edit: (policy: ProgramPolicy) => void): unknown {
  const policy = structuredClone(DEFAULT_POLICY);
  edit(policy);
  return policy;
}

/** Asserts `run` throws a ContractInputError about `subject` with an issue at exactly `path`, whose message matches. */
function assertRejected(run: () => unknown, subject: ContractInputError['subject'], path: string, message?: RegExp) {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ContractInputError, `expected a ContractInputError, got ${String(error)}`);
    assert.equal(error.subject, subject);
    const issue = error.issues.find((candidate) => candidate.path === path);
    assert.ok(issue, `no issue at "${path}"; issues: ${JSON.stringify(error.issues)}`);
    if (message) assert.match(issue.message, message);
    // The message a developer sees names the path too.
    assert.ok(error.message.includes(path), error.message);
    return true;
  });
}

describe('the default policy', () => {
  test('parses, and parsing keeps it as it is', () => {
    assert.deepEqual(parsePolicy(DEFAULT_POLICY), DEFAULT_POLICY);
  });

  test('covers at least DACH, rest of EMEA, North America, APAC and LATAM, and announces the customer rating', () => {
    const codes = DEFAULT_POLICY.regions.map((region) => region.code);
    for (const code of ['dach', 'emea', 'north_america', 'apac', 'latam']) assert.ok(codes.includes(code), code);
    assert.equal(DEFAULT_POLICY.criteria.find((criterion) => criterion.id === 'customer_rating')?.status, 'announced');
  });

  test('round-trips through JSON, as GET /v1/program serves it', () => {
    assert.deepEqual(parsePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY))), DEFAULT_POLICY);
  });
});

describe('rules a schema cannot say', () => {
  const cases: { name: string; edit: (policy: ProgramPolicy) => void; path: string; message: RegExp }[] = [
    {
      name: 'a tier requiring less than the one below (default table)',
      edit: (policy) => {
        policy.requirements.gold.revenue = 40_000;
      },
      path: 'requirements.gold.revenue',
      message: /gold requires less revenue \(40000\) than silver \(50000\)/,
    },
    {
      name: 'a higher tier dropping a criterion the tier below requires',
      edit: (policy) => {
        delete policy.requirements.platinum.demo_equipment;
      },
      path: 'requirements.platinum.demo_equipment',
      message: /platinum requires less demo_equipment \(0\) than gold \(1\)/,
    },
    {
      name: 'a tier requiring less than the one below (region override)',
      edit: (policy) => {
        policy.regions[0]!.overrides.platinum = { revenue: 200_000 };
      },
      path: 'regions.0.overrides.platinum.revenue',
      message: /in region "dach"/,
    },
    {
      name: 'a region raising a lower tier above the default of the next',
      edit: (policy) => {
        policy.regions[2]!.overrides.silver = { revenue: 500_000 };
      },
      path: 'regions.2.overrides.gold.revenue',
      message: /gold requires less revenue \(400000\) than silver \(500000\) in region "north_america"/,
    },
    {
      name: 'an unknown criterion in the requirements',
      edit: (policy) => {
        policy.requirements.silver.rocket_launches = 1;
      },
      path: 'requirements.silver.rocket_launches',
      message: /Unknown criterion "rocket_launches"/,
    },
    {
      name: 'an unknown criterion in a region override',
      edit: (policy) => {
        policy.regions[1]!.overrides.gold = { rocket_launches: 2 };
      },
      path: 'regions.1.overrides.gold.rocket_launches',
      message: /Unknown criterion/,
    },
    {
      name: 'an unknown criterion among the shared resources',
      edit: (policy) => {
        policy.sharedResources.criteria.push('rocket_launches');
      },
      path: 'sharedResources.criteria.2',
      message: /Unknown criterion "rocket_launches"/,
    },
    {
      name: 'a country in two regions',
      edit: (policy) => {
        policy.regions[1]!.countries.push('DE');
      },
      path: 'regions.1.countries',
      message: /DE is in both "dach" and "emea"/,
    },
    {
      name: 'a missing default region',
      edit: (policy) => {
        policy.defaultRegion = 'mars';
      },
      path: 'defaultRegion',
      message: /"mars" is not among the regions/,
    },
    {
      name: 'a criterion defined twice',
      edit: (policy) => {
        policy.criteria.push(structuredClone(policy.criteria[0]!));
      },
      path: `criteria.${DEFAULT_POLICY.criteria.length}.id`,
      message: /defined twice/,
    },
    {
      name: 'a region defined twice',
      edit: (policy) => {
        policy.regions.push({ ...structuredClone(policy.regions[0]!), countries: [] });
      },
      path: `regions.${DEFAULT_POLICY.regions.length}.code`,
      message: /defined twice/,
    },
  ];
  for (const { name, edit, path, message } of cases) {
    test(name, () => assertRejected(() => parsePolicy(policyWith(edit)), 'policy', path, message));
  }

  test('a fault of the default table is reported once, not again for every region', () => {
    assert.throws(
      () => parsePolicy(policyWith((policy) => void (policy.requirements.gold.certified_sales = 0))),
      (error: unknown) => {
        assert.ok(error instanceof ContractInputError);
        assert.deepEqual(
          error.issues.map((issue) => issue.path),
          ['requirements.gold.certified_sales'],
        );
        return true;
      },
    );
  });

  test('every problem is listed, not just the first', () => {
    const bad = policyWith((policy) => {
      policy.defaultRegion = 'mars';
      policy.requirements.silver.rocket_launches = 1;
    });
    assert.throws(
      () => parsePolicy(bad),
      (error: unknown) =>
        error instanceof ContractInputError &&
        error.issues.some((issue) => issue.path === 'defaultRegion') &&
        error.issues.some((issue) => issue.path === 'requirements.silver.rocket_launches'),
    );
  });
});

describe('schema-level errors', () => {
  const cases: { name: string; edit: (policy: Record<string, any>) => void; path: string }[] = [
    { name: 'missing version', edit: (policy) => delete policy.version, path: 'version' },
    { name: 'tiers out of order', edit: (policy) => (policy.tiers = ['register', 'gold', 'silver', 'platinum']), path: 'tiers.1' },
    { name: 'a negative requirement', edit: (policy) => (policy.requirements.silver.revenue = -1), path: 'requirements.silver.revenue' },
    { name: 'a requirement as text', edit: (policy) => (policy.requirements.gold.revenue = '250000'), path: 'requirements.gold.revenue' },
    { name: 'an unknown criterion status', edit: (policy) => (policy.criteria[0].status = 'retired'), path: 'criteria.0.status' },
    { name: 'an unknown criterion group', edit: (policy) => (policy.criteria[1].group = 'charisma'), path: 'criteria.1.group' },
    { name: 'a badly formed criterion id', edit: (policy) => (policy.criteria[2].id = 'Certified Technical'), path: 'criteria.2.id' },
    { name: 'a label without English', edit: (policy) => (policy.criteria[0].label = { de: 'Umsatz' }), path: 'criteria.0.label.en' },
    { name: 'an action url that is not http(s)', edit: (policy) => (policy.criteria[0].actions[0].url = 'javascript:alert(1)'), path: 'criteria.0.actions.0.url' },
    { name: 'a lower-case country code', edit: (policy) => (policy.regions[0].countries[0] = 'de'), path: 'regions.0.countries.0' },
    { name: 'an impossible launch date', edit: (policy) => (policy.statusProtection.launchDate = '2026-02-30'), path: 'statusProtection.launchDate' },
    { name: 'a fractional shared limit', edit: (policy) => (policy.sharedResources.maxPerCriterion = 1.5), path: 'sharedResources.maxPerCriterion' },
    { name: 'a discount above 100 %', edit: (policy) => (policy.benefits.gold.dealDiscountPercent = 150), path: 'benefits.gold.dealDiscountPercent' },
    { name: 'a missing tier in the requirement table', edit: (policy) => delete policy.requirements.platinum, path: 'requirements.platinum' },
  ];
  for (const { name, edit, path } of cases) {
    test(name, () => assertRejected(() => parsePolicy(policyWith(edit as (policy: ProgramPolicy) => void)), 'policy', path));
  }

  test('not an object at all', () => {
    for (const input of [null, 'policy', 42, []]) {
      assert.throws(() => parsePolicy(input), ContractInputError);
    }
  });
});

describe('bad metrics and standings', () => {
  const cases: { name: string; input: unknown; path: string; message?: RegExp }[] = [
    { name: 'a negative metric', input: standing({ revenue: -1 }), path: 'metrics.revenue' },
    { name: 'a metric as text', input: standing({ revenue: '50000' as unknown as number }), path: 'metrics.revenue' },
    { name: 'NaN', input: standing({ revenue: Number.NaN }), path: 'metrics.revenue' },
    { name: 'Infinity', input: standing({ certified_sales: Number.POSITIVE_INFINITY }), path: 'metrics.certified_sales' },
    { name: 'a negative shared metric', input: standing(SILVER, { sharedMetrics: { certified_sales: -2 } }), path: 'sharedMetrics.certified_sales' },
    { name: 'an unknown criterion in the metrics', input: standing({ rocket_launches: 1 }), path: 'metrics.rocket_launches', message: /Unknown criterion/ },
    {
      name: 'an unknown criterion in the shared metrics',
      input: standing(SILVER, { sharedMetrics: { rocket_launches: 1 } }),
      path: 'sharedMetrics.rocket_launches',
      message: /Unknown criterion/,
    },
    { name: 'an unknown region', input: standing(SILVER, { region: 'mars' }), path: 'region', message: /Unknown region "mars"/ },
    { name: 'a missing region', input: { metrics: SILVER, carriedOver: null }, path: 'region' },
    {
      name: 'a carried-over tier that does not exist',
      input: standing(SILVER, { carriedOver: { program: 'polycom', tier: 'diamond' as 'gold' } }),
      path: 'carriedOver.tier',
    },
    {
      name: 'a carry-over from an unknown program',
      input: standing(SILVER, { carriedOver: { program: 'acme' as 'polycom', tier: 'gold' } }),
      path: 'carriedOver.program',
    },
  ];
  for (const { name, input, path, message } of cases) {
    test(`parseStanding: ${name}`, () => assertRejected(() => parseStanding(TEST_POLICY, input), 'standing', path, message));
    test(`evaluate: ${name}`, () =>
      assertRejected(() => evaluate(TEST_POLICY, input as never, { asOf: '2027-03-01' }), 'standing', path, message));
  }

  test('a good standing parses', () => {
    assert.deepEqual(parseStanding(TEST_POLICY, standing(SILVER)), standing(SILVER));
  });
});
