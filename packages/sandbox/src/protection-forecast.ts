// The organization summary's protection forecast: the tier mix on each day members' protections end, and the day after.
import type Database from 'better-sqlite3';
import { type ProtectionEnding, type Tier, tierRank, TIERS } from '@poly-partner/contract';
import { prepared } from './db/statements.js';

type TierCounts = Record<Tier, number>;

interface EndingGroup {
  protected_until: string;
  effective_tier: Tier;
  earned_tier: Tier;
  keep_missing: number;
  n: number;
}

/**
 * Worked from the stored evaluation (the engine's answer at `asOf`): a member's effective tier changes with the day
 * only when its protection ends, and then it is what the member earns. So each end day moves the members ending
 * there from their protected effective tier to their earned one, and the mix of the day after is the mix of the
 * day before less those moves. The sandbox's tests hold this to the engine, member by member, at each day.
 */
export function protectionForecast(db: Database.Database, orgId: string, asOf: string): ProtectionEnding[] {
  const current = Object.fromEntries(TIERS.map((tier) => [tier, 0])) as TierCounts;
  for (const row of prepared(db, `SELECT p.effective_tier AS tier, COUNT(*) AS n FROM memberships m JOIN partners p ON p.id = m.partner_id
      WHERE m.org_id = ? GROUP BY p.effective_tier`).all(orgId) as { tier: Tier; n: number }[]) {
    current[row.tier] = row.n;
  }
  const groups = prepared(db, `SELECT p.protected_until, p.effective_tier, p.earned_tier, p.keep_missing, COUNT(*) AS n
      FROM memberships m JOIN partners p ON p.id = m.partner_id
      WHERE m.org_id = ? AND m.protection_active = 1 AND m.protected_until >= ?
      GROUP BY p.protected_until, p.effective_tier, p.earned_tier, p.keep_missing ORDER BY p.protected_until`)
    .all(orgId, asOf) as EndingGroup[];

  const forecast: ProtectionEnding[] = [];
  let day: ProtectionEnding | undefined;
  for (const group of groups) {
    if (day?.protectedUntil !== group.protected_until) {
      // The next end day starts from the mix after the previous one.
      const before = day ? { ...day.tiersAfter } : { ...current };
      day = {
        protectedUntil: group.protected_until,
        endingCount: 0,
        tiersBefore: before,
        tiersAfter: { ...before },
        falling: { count: 0, byOneTier: 0, byTwoTiers: 0, byThreeTiers: 0 },
        missingOne: 0,
        missingTwo: 0,
      };
      forecast.push(day);
    }
    day.endingCount += group.n;
    const drop = tierRank(group.effective_tier) - tierRank(group.earned_tier);
    if (drop <= 0) continue;
    day.tiersAfter[group.effective_tier] -= group.n;
    day.tiersAfter[group.earned_tier] += group.n;
    day.falling.count += group.n;
    if (drop === 1) day.falling.byOneTier += group.n;
    else if (drop === 2) day.falling.byTwoTiers += group.n;
    else day.falling.byThreeTiers += group.n;
    if (group.keep_missing === 1) day.missingOne += group.n;
    if (group.keep_missing === 2) day.missingTwo += group.n;
  }
  return forecast;
}
