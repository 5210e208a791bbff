// What the passing of (sandbox) time does: deals approve and expire, protection notices fall due, protections end.
import { type Sandbox, today } from '../context.js';
import { settleDeals } from '../deals-store.js';
import { ensureEvaluated } from '../evaluation.js';
import { recordProtectionNotices } from './store.js';

/**
 * Brings the database up to the sandbox clock, recording the events of each change. Requests run parts of it
 * lazily; the delivery loop runs it every second and the clock route after moving the clock, so events happen
 * without anyone asking.
 */
export function letTimePass(sandbox: Sandbox): void {
  settleDeals(sandbox);
  const day = today(sandbox);
  recordProtectionNotices(sandbox.db, day);
  if (ensureEvaluated(sandbox.db, sandbox.policy, day)) sandbox.dataVersion++;
}
