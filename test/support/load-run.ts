// Mixed traffic from many concurrent clients against a sandbox, and an audit of every registration afterwards.
// `test/reliability/load.test.ts` runs it briefly in `pnpm test`; a benchmark can call `runLoad` for the full 30 s.
import { randomUUID } from 'node:crypto';
import { dealBody, type Started, worldOf } from './node-sandbox.js';

export interface LoadOptions {
  /** Concurrent clients, each sending its next request as soon as the previous one answered. */
  clients: number;
  seconds: number;
  /** Share of registrations sent a second time with the same Idempotency-Key, as a client retrying would (0..1). */
  retryShare?: number;
}

export interface LoadReport {
  requests: number;
  byKind: Record<string, number>;
  /** 5xx answers, connection failures, and any other answer the traffic should not get. */
  errors: { kind: string; detail: string }[];
  registered: number;
  replays: number;
  /** Registrations answered 201 that the database does not hold exactly once, or deals the run made that nobody was told about. */
  lost: number;
  duplicated: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** The slowest requests: what they were and when in the run they started (ms). */
  slowest: { kind: string; ms: number; startedAtMs: number }[];
}

export async function runLoad(sandbox: Started, options: LoadOptions): Promise<LoadReport> {
  const world = worldOf(sandbox);
  const { credentials, db, url } = sandbox;
  const resellers = credentials.resellers;
  const organizations = credentials.organizations;
  const dealsBefore = db.prepare('SELECT COUNT(*) FROM deals').pluck().get() as number;
  const errors: LoadReport['errors'] = [];
  const byKind: Record<string, number> = {};
  const latencies: number[] = [];
  const samples: { kind: string; ms: number; startedAtMs: number }[] = [];
  let runStart = 0;
  /** Deal id answered for each idempotency key. */
  const registered = new Map<string, string>();
  let replays = 0;

  const timed = async (kind: string, path: string, init: RequestInit, expected: number[]) => {
    const started = performance.now();
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    try {
      const response = await fetch(url + path, init);
      const text = await response.text();
      latencies.push(performance.now() - started);
      samples.push({ kind, ms: Math.round(performance.now() - started), startedAtMs: Math.round(started - runStart) });
      if (!expected.includes(response.status)) errors.push({ kind, detail: `${response.status} ${text.slice(0, 200)}` });
      return { response, text };
    } catch (error) {
      errors.push({ kind, detail: `connection: ${(error as Error & { cause?: Error }).cause?.message ?? String(error)}` });
      return undefined;
    }
  };

  const steps: ((client: number, round: number) => Promise<void>)[] = [
    async (client) => {
      const reseller = resellers[client % resellers.length]!;
      await timed('tier-status', `/v1/partners/${reseller.partnerId}/tier-status`, { headers: { authorization: `Bearer ${reseller.secretKey}` } }, [200]);
    },
    async (client, round) => {
      const org = organizations[client % organizations.length]!;
      const sort = ['name', '-progress', 'tier', 'country'][round % 4];
      await timed('members page', `/v1/organizations/${org.orgId}/members?limit=50&sort=${sort}`, { headers: { authorization: `Bearer ${org.secretKey}` } }, [200]);
    },
    async (client, round) => {
      const reseller = resellers[client % resellers.length]!;
      const key = randomUUID();
      const init = {
        method: 'POST',
        headers: { authorization: `Bearer ${reseller.secretKey}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(dealBody(world, `load-${client}-${round}`)),
      };
      const first = await timed('deal registration', `/v1/partners/${reseller.partnerId}/deals`, init, [201]);
      if (first?.response.status !== 201) return;
      const id = (JSON.parse(first.text) as { id: string }).id;
      registered.set(key, id);
      if (Math.random() < (options.retryShare ?? 0.2)) {
        const again = await timed('deal registration retried', `/v1/partners/${reseller.partnerId}/deals`, init, [201]);
        if (again?.response.status === 201) {
          replays++;
          const replayed = (JSON.parse(again.text) as { id: string }).id;
          if (replayed !== id) errors.push({ kind: 'deal registration retried', detail: `replay answered ${replayed}, first answer was ${id}` });
        }
      }
    },
    async (client) => {
      const reseller = resellers[client % resellers.length]!;
      await timed('deal list', `/v1/partners/${reseller.partnerId}/deals?limit=20`, { headers: { authorization: `Bearer ${reseller.secretKey}` } }, [200]);
    },
  ];

  const started = performance.now();
  runStart = started;
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let round = 0; performance.now() < deadline; round++) await steps[(client + round) % steps.length]!(client, round);
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // Audit: every registration answered 201 is in the database exactly once, and the run made no other deal.
  const ids = [...registered.values()];
  const count = db.prepare('SELECT COUNT(*) FROM deals WHERE id = ?').pluck();
  let lost = 0;
  for (const id of ids) if ((count.get(id) as number) !== 1) lost++;
  const made = (db.prepare('SELECT COUNT(*) FROM deals').pluck().get() as number) - dealsBefore;
  const duplicated = Math.max(0, made - new Set(ids).size);
  lost += Math.max(0, new Set(ids).size - made);

  latencies.sort((a, b) => a - b);
  const at = (share: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0);
  const requests = Object.values(byKind).reduce((sum, n) => sum + n, 0);
  return {
    requests,
    byKind,
    errors,
    registered: ids.length,
    replays,
    lost,
    duplicated,
    seconds: Math.round(seconds * 10) / 10,
    requestsPerSecond: Math.round(requests / seconds),
    latencyMs: { p50: at(0.5), p99: at(0.99), max: Math.round(latencies[latencies.length - 1] ?? 0) },
    slowest: samples.sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}
