// The sandbox operator's clock: `GET/POST /sandbox/clock` moves the sandbox clock forward, so that protection
// endings and deal expiries happen on demand. Not part of the API: only when the sandbox was started with an
// operator token, only from loopback, only with that token in `x-sandbox-operator-token`.
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import type { AppEnv, Sandbox } from '../context.js';
import { setMeta } from '../db/schema.js';
import { letTimePass } from '../events/time.js';
import { ApiProblem } from '../problems.js';
import { json } from '../respond.js';
import { readJsonBody } from '../request.js';

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const MAX_ADVANCE_DAYS = 3650;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerOperatorRoutes(app: Hono<AppEnv>, sandbox: Sandbox, operatorToken: string | undefined): void {
  if (!operatorToken) return;
  const clockAnswer = () => ({ now: sandbox.now().toISOString(), offsetSeconds: Math.round(sandbox.clock.offsetMs / 1000) });
  const guard = (c: Context<AppEnv>) => {
    // Like an unknown path to anyone else: the route's existence is not news to a foreign caller.
    if (!LOOPBACK.test(getConnInfo(c).remote.address ?? '')) throw new ApiProblem('not_found', 'No such resource.');
    if (!sameSecret(c.req.header('x-sandbox-operator-token') ?? '', operatorToken)) {
      throw new ApiProblem('forbidden', 'Send the operator token as x-sandbox-operator-token.');
    }
  };
  app.get('/sandbox/clock', (c) => {
    guard(c);
    return json(c, clockAnswer());
  });
  app.post('/sandbox/clock', async (c) => {
    guard(c);
    const body = (await readJsonBody(c)) as { advanceDays?: unknown; advanceSeconds?: unknown } | null;
    const days = body?.advanceDays ?? 0;
    const seconds = body?.advanceSeconds ?? 0;
    if (typeof days !== 'number' || typeof seconds !== 'number' || !(days >= 0) || !(seconds >= 0) || days + seconds / 86_400 > MAX_ADVANCE_DAYS) {
      throw new ApiProblem('validation_failed', 'The clock moves forward only.', [
        { path: 'advanceDays', code: 'too_small', message: `Give advanceDays and/or advanceSeconds, 0 or more (at most ${MAX_ADVANCE_DAYS} days)` },
      ]);
    }
    sandbox.clock.offsetMs += Math.round(days * 86_400_000 + seconds * 1000);
    setMeta(sandbox.db, 'clock_offset_ms', String(sandbox.clock.offsetMs));
    letTimePass(sandbox);
    return json(c, clockAnswer());
  });
}
