// What every route handler shares: the database, the policy, the clock, the signing key and hono's typed variables.
import type Database from 'better-sqlite3';
import type { ProgramPolicy, Scope } from '@poly-partner/contract';
import type { SigningKey } from './auth/signing-key.js';

export interface Principal {
  credential: 'secret' | 'embed' | 'publishable';
  subjectKind: 'partner' | 'organization';
  subjectId: string;
  scopes: ReadonlySet<Scope>;
  /** Stable id of the credential, for idempotency keys and rate limits (never the secret itself). */
  credentialId: string;
  /** Origins the credential is bound to: a publishable key's registered ones, an embed token's one. */
  origins: readonly string[];
}

export interface Sandbox {
  db: Database.Database;
  policy: ProgramPolicy;
  now: () => Date;
  signingKey: SigningKey;
  issuer: string;
  /** CORS allow-list; grows when an embed token is minted for a new origin. */
  allowedOrigins: Set<string>;
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
}

export interface AppEnv {
  /** `answerHeaders`: headers every answer to the request carries (request id, CORS); see respond.ts. */
  Variables: { requestId: string; principal: Principal; answerHeaders: Record<string, string> };
}

/** Today in UTC, from the sandbox clock. */
export function today(sandbox: Sandbox): string {
  return sandbox.now().toISOString().slice(0, 10);
}
