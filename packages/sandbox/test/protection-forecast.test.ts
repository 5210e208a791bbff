// The summary's protection forecast, held to the engine member by member, and to the sandbox's own answers once
// the clock passes a protection's end.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addDays,
  evaluate,
  parsePolicy,
  type ProgramPolicy,
  type ProtectionEnding,
  type Tier,
  tierRank,
  TIERS,
} from '@poly-partner/contract';
import { type PartnerRow, standingOf } from '../src/evaluation.js';
import { useSandbox } from './support/sandbox.js';

// The clock the sandbox reads; a test moves it to the day after a protection end.
let clock = new Date('2026-12-06T12:00:00Z');
const api = useSandbox({ resellers: 3_000, launchDate: '2026-09-07', now: () => clock });

const zeroCounts = () => Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>;

/** The forecast for `orgId`, counted member by member with the contract's engine at each end day and the day after. */
function forecastByEngine(policy: ProgramPolicy, orgId: string, asOf: string): ProtectionEnding[] {
  const rows = api.sandbox.db
    .prepare('SELECT p.* FROM memberships m JOIN partners p ON p.id = m.partner_id WHERE m.org_id = ?')
    .all(orgId) as PartnerRow[];
  const standings = rows.map(standingOf);
  const today = standings.map((standing) => evaluate(policy, standing, { asOf }));
  const days = [...new Set(today.filter((e) => e.protectionActive && e.protectedUntil! >= asOf).map((e) => e.protectedUntil!))].sort();
  return days.map((day) => {
    const tiersBefore = zeroCounts();
    const tiersAfter = zeroCounts();
    const ending: ProtectionEnding = {
      protectedUntil: day,
      endingCount: 0,
      tiersBefore,
      tiersAfter,
      falling: { count: 0, byOneTier: 0, byTwoTiers: 0, byThreeTiers: 0 },
      missingOne: 0,
      missingTwo: 0,
    };
    standings.forEach((standing, index) => {
      const before = evaluate(policy, standing, { asOf: day });
      const after = evaluate(policy, standing, { asOf: addDays(day, 1) });
      tiersBefore[before.effectiveTier]++;
      tiersAfter[after.effectiveTier]++;
      if (today[index]!.protectedUntil !== day || !today[index]!.protectionActive) return;
      ending.endingCount++;
      const drop = tierRank(before.effectiveTier) - tierRank(after.effectiveTier);
      if (drop <= 0) return;
      ending.falling.count++;
      if (drop === 1) ending.falling.byOneTier++;
      else if (drop === 2) ending.falling.byTwoTiers++;
      else ending.falling.byThreeTiers++;
      const keep = before.keepChecklist!;
      const missing = keep.requiredCount - keep.metCount;
      if (missing === 1) ending.missingOne++;
      if (missing === 2) ending.missingTwo++;
    });
    return ending;
  });
}

describe('protection forecast', () => {
  test('for every kind of aggregator, the forecast is what the engine says member by member', async () => {
    const program = await api.call('/v1/program', { credential: api.credentials.resellers[0]!.secretKey });
    assert.equal(program.status, 200, program.text);
    const policy = parsePolicy(program.body);
    for (const org of api.credentials.organizations) {
      const summary = await api.call(`/v1/organizations/${org.orgId}/summary`, { credential: org.secretKey });
      assert.equal(summary.status, 200, summary.text);
      const forecast = summary.body.protectionForecast as ProtectionEnding[];
      assert.ok(forecast.length > 0, `${org.kind}: some protections end`);
      assert.deepEqual(forecast, forecastByEngine(policy, org.orgId, summary.body.asOf), org.kind);
    }
  });

  test('protections end on the one-year date, and for late joiners later; some fall missing one requirement, some many', async () => {
    const org = api.credentials.organizations.find((candidate) => candidate.kind === 'distributor')!;
    const summary = await api.call(`/v1/organizations/${org.orgId}/summary`, { credential: org.secretKey });
    const forecast = summary.body.protectionForecast as ProtectionEnding[];
    assert.equal(forecast[0]!.protectedUntil, '2027-09-07', 'the program’s one-year date comes first');
    assert.ok(forecast.length >= 3, `late joiners end later: ${forecast.map((day) => day.protectedUntil).join(', ')}`);
    const main = forecast[0]!;
    assert.ok(main.falling.count > 0);
    assert.ok(main.missingOne > 0, 'some miss one requirement of the tier they would keep');
    assert.ok(main.falling.count > main.missingOne + main.missingTwo, 'others miss more');
    // Each day starts from the mix the previous one left.
    for (let index = 1; index < forecast.length; index++) assert.deepEqual(forecast[index]!.tiersBefore, forecast[index - 1]!.tiersAfter);
    assert.deepEqual(main.tiersBefore, summary.body.tiers, 'the first day starts from today’s mix');
  });

  test('the day after an end date, the summary’s tiers are what the forecast said', async () => {
    const org = api.credentials.organizations.find((candidate) => candidate.kind === 'isp')!;
    const before = await api.call(`/v1/organizations/${org.orgId}/summary`, { credential: org.secretKey });
    const first = (before.body.protectionForecast as ProtectionEnding[])[0]!;
    clock = new Date(`${addDays(first.protectedUntil, 1)}T08:00:00Z`);
    const after = await api.call(`/v1/organizations/${org.orgId}/summary`, { credential: org.secretKey });
    assert.deepEqual(after.body.tiers, first.tiersAfter);
    assert.equal(after.body.protectionForecast[0]?.protectedUntil === first.protectedUntil, false, 'the passed day has left the forecast');
  });
});
