// What every route handler shares: the database, the policy, the clock, the signing key and hono's typed variables.
import type Database from 'better-sqlite3';
import type { ProgramPolicy, Scope } from '@poly-partner/contract';
import type { SigningKey } from './auth/signing-key.js';
import type { OriginAllowList } from './origin-allow-list.js';
import type { RateLimiter } from './rate-limit.js';
import type { WebhookDelivery } from './webhooks/host.js';

export interface Principal {
  credential: 'secret' | 'embed' | 'publishable';
  subjectKind: 'partner' | 'organization';
  subjectId: string;
  scopes: ReadonlySet<Scope>;
  /** Stable id of the credential, for idempotency keys and rate limits (never the secret itself). */
  credentialId: string;
  /**
   * What its requests are counted under: a secret key and the embed tokens minted for the same subject share one
   * count (a limited key's pre-minted tokens are limited too); a publishable key has its own.
   */
  rateKey: string;
  /** Origins the credential is bound to: a publishable key's registered ones, an embed token's one. */
  origins: readonly string[];
}

export interface Sandbox {
  db: Database.Database;
  policy: ProgramPolicy;
  now: () => Date;
  /** How far the sandbox clock runs ahead of the wall clock (moved by `--clock-offset-days` and `/sandbox/clock`). */
  clock: { offsetMs: number };
  /** The webhook delivery loop (absent while the sandbox starts). */
  webhooks?: WebhookDelivery;
  signingKey: SigningKey;
  issuer: string;
  /** `requests`: per verified credential (or per address without one); `failures`: failed authentications per address. */
  rateLimits: { requests: RateLimiter; failures: RateLimiter };
  /** CORS allow-list: the fixed origins, and those of live embed tokens per secret key (capped). */
  allowedOrigins: OriginAllowList;
  /** Whether a secret key is honoured on a request with an `Origin` (test pages that build fixtures only). */
  secretKeysFromBrowsers: boolean;
  /** A registration without conflict is approved this many seconds after it was submitted. */
  autoApproveSeconds: number;
  /** Bumped whenever deals or evaluations change through the API; keys cached aggregates such as summaries. */
  dataVersion: number;
  summaryCache: Map<string, unknown>;
  /** Tier-status answers per `partnerId|asOf`, with the partner columns they were computed from (checked on use). */
  tierStatusCache: Map<string, { row: StandingColumns; text: string; etag: string }>;
  /** The operator key (`op_…`) of `PATCH /operator/partners/{partnerId}` (Poly's side: websites, leaving). */
  operatorKey: string;
}

/** What a partner's evaluation reads from its row, besides the policy and the day. */
export interface StandingColumns {
  region: string;
  metrics: string;
  shared_metrics: string;
  carried_program: string | null;
  carried_tier: string | null;
  carried_since: string | null;
}

export interface AppEnv {
  /** `answerHeaders`: headers every answer to the request carries (request id, CORS); see respond.ts. */
  Variables: { requestId: string; principal: Principal; answerHeaders: Record<string, string> };
}

/** Today in UTC, from the sandbox clock. */
export function today(sandbox: Sandbox): string {
  return sandbox.now().toISOString().slice(0, 10);
}
