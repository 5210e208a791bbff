// Node-side helpers for the cross-package reliability and security suites: a real sandbox on 127.0.0.1 with a fixed
// clock, raw HTTP calls that send exactly the bytes given, and fingerprints of database tables.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { startSandbox, type StartSandboxOptions } from '@poly-partner/sandbox';

/** A close date the API accepts whenever the tests run: close dates in the past are refused. */
const IN_SIX_MONTHS = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);

export type Started = Awaited<ReturnType<typeof startSandbox>>;

/**
 * A sandbox for a suite. The clock stands still, so nothing in the database changes by itself between two
 * snapshots (seeded registrations are auto-approved by the clock); the rate limit is raised out of the way.
 */
export async function startTestSandbox(options: StartSandboxOptions = {}): Promise<Started> {
  const fixed = new Date();
  return startSandbox({
    port: 0,
    db: ':memory:',
    resellers: 1_000,
    quiet: true,
    now: () => fixed,
    rateLimit: { windowMs: 60_000, max: 1_000_000 },
    ...options,
  });
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Sent byte for byte: a string as UTF-8, bytes as they are (invalid UTF-8 included). */
  body?: string | Uint8Array;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: any;
}

export async function send(url: string, request: RawRequest = {}): Promise<RawAnswer> {
  if (request.body !== undefined && bodyBytes(request.body).byteLength > OVERSIZED_BYTES) return sendOversized(url, request);
  const response = await fetch(url, {
    method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
    headers: request.headers ?? {},
    ...(request.body !== undefined ? { body: bodyBytes(request.body) as Uint8Array<ArrayBuffer> } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parsed(response.headers.get('content-type'), text) };
}

const OVERSIZED_BYTES = 64 * 1024;
const bodyBytes = (body: string | Uint8Array) => (typeof body === 'string' ? Buffer.from(body) : body);

function parsed(contentType: string | null | undefined, text: string): unknown {
  if (!(contentType ?? '').includes('json')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A body larger than the API takes, on a connection of its own. The server answers 413 before it has read the upload
 * and then stops reading (as RFC 9110 allows); on a shared keep-alive connection fetch reports that as a failed request
 * even though the answer arrived, so this reads the answer as soon as it comes and ignores the aborted upload.
 */
function sendOversized(url: string, request: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(url, { method: request.method ?? 'POST', headers: request.headers ?? {}, agent: false }, (incoming) => {
      answered = true;
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve({ status: incoming.statusCode ?? 0, headers, text, json: parsed(incoming.headers['content-type'], text) });
      });
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.end(bodyBytes(request.body!));
  });
}

/** Runs `task` over `items` with at most `width` at a time, answers in input order. */
export async function mapConcurrent<T, R>(items: readonly T[], width: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

/** Row count and a SHA-256 over every row of `table` (ordered by `key`), optionally without some ids. */
export function tableFingerprint(db: Started['db'], table: string, key = 'id', without: ReadonlySet<string> = new Set()) {
  const hash = createHash('sha256');
  let count = 0;
  for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).iterate() as Iterable<Record<string, unknown>>) {
    if (without.has(String(row[key]))) continue;
    count++;
    hash.update(JSON.stringify(row));
    hash.update('\n');
  }
  return { count, checksum: hash.digest('hex') };
}

/** Ids the tests rely on: two resellers, an organization with one member and one outsider, a distributor and a SKU. */
export function worldOf(sandbox: Started) {
  const { credentials, db } = sandbox;
  const [partnerA, partnerB] = credentials.resellers;
  const organization = credentials.organizations.find((org) => org.kind === 'isp') ?? credentials.organizations[0]!;
  const member = db
    .prepare('SELECT partner_id FROM memberships WHERE org_id = ? AND partner_id NOT IN (?, ?) ORDER BY partner_id LIMIT 1')
    .pluck()
    .get(organization.orgId, partnerA!.partnerId, partnerB!.partnerId) as string;
  const outsider = db
    .prepare('SELECT id FROM partners WHERE id NOT IN (SELECT partner_id FROM memberships WHERE org_id = ?) AND id NOT IN (?, ?) ORDER BY id LIMIT 1')
    .pluck()
    .get(organization.orgId, partnerA!.partnerId, partnerB!.partnerId) as string;
  const distributorId = db
    .prepare(`SELECT o.id FROM memberships m JOIN organizations o ON o.id = m.org_id WHERE m.partner_id = ? AND o.kind = 'distributor' LIMIT 1`)
    .pluck()
    .get(partnerA!.partnerId) as string | undefined;
  const anyDistributor = db.prepare(`SELECT id FROM organizations WHERE kind = 'distributor' ORDER BY id LIMIT 1`).pluck().get() as string;
  const sku = db.prepare('SELECT sku FROM products ORDER BY sku LIMIT 1').pluck().get() as string;
  return { partnerA: partnerA!, partnerB: partnerB!, organization, member, outsider, distributorId: distributorId ?? anyDistributor, sku };
}

/** A valid deal registration body; `tag` makes its customer unique. */
export function dealBody(world: { distributorId: string; sku: string }, tag: string) {
  tag = tag.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return {
    type: 'deal',
    customer: {
      name: `Kunde ${tag} GmbH`,
      country: 'DE',
      domain: `kunde-${tag}.de`,
      contact: { name: 'Eva Muster', email: `eva@kunde-${tag}.de`, consent: true },
    },
    products: [{ sku: world.sku, quantity: 3 }],
    estimatedValue: { amount: 25_000, currency: 'EUR' },
    expectedCloseDate: IN_SIX_MONTHS,
    distributorId: world.distributorId,
    notes: 'Registered by a test',
  };
}
