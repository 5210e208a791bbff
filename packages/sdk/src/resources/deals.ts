// Deal registrations: list, register (safely retried), conflict pre-check, read and withdraw.
import {
  ConflictCheckResultSchema,
  DealListSchema,
  DealSchema,
  type ConflictCheckRequest,
  type ConflictCheckResult,
  type Deal,
  type DealInput,
  type DealListQuery,
} from '@poly-partner/contract';
import { path, type CallOptions } from '../internal/call-options.js';
import { walkable } from '../internal/page-walk.js';
import { pagePromise, type PagePromise, type WalkablePage } from '../internal/pagination.js';
import type { Transport } from '../internal/transport.js';

/** Options of `deals.register()`. */
export interface RegisterDealOptions extends CallOptions {
  /**
   * Makes the registration safe to repeat: the API answers a repeated key with the first response. The SDK
   * generates one when absent and keeps it across its own retries; pass your own to repeat a call that failed.
   */
  idempotencyKey?: string | undefined;
}

/** What the conflict pre-check needs: whichever end-customer identifiers are known. */
export type ConflictCheckCustomer = ConflictCheckRequest['customer'];

/** `client.deals`: a reseller's registrations of opportunities, deals and projects. */
export class DealsResource {
  /** @internal */
  constructor(private readonly transport: Transport) {}

  /**
   * `GET /v1/partners/{partnerId}/deals`: one page of the partner's registrations, newest first.
   * `for await` over the result (or `page.all()`) walks every page.
   */
  list(partnerId: string, query: DealListQuery = {}, options: CallOptions = {}): PagePromise<Deal> {
    const fetchPage = async (cursor: string | undefined, signal: AbortSignal | undefined) =>
      this.transport.request({
        method: 'GET',
        path: path`/v1/partners/${partnerId}/deals`,
        query: { ...query, cursor },
        schema: DealListSchema,
        signal,
      });
    return pagePromise<Deal>(
      fetchPage(query.cursor, options.signal).then((page): WalkablePage<Deal> => walkable(page, fetchPage, options.signal)),
    );
  }

  /**
   * `POST /v1/partners/{partnerId}/deals`: registers an opportunity, deal or project. Retried on network errors,
   * timeouts and 429/502/503/504 under one `Idempotency-Key`, so the deal is created once however often it is sent.
   */
  register(partnerId: string, input: DealInput, options: RegisterDealOptions = {}): Promise<Deal> {
    return this.transport.request({
      method: 'POST',
      path: path`/v1/partners/${partnerId}/deals`,
      body: input,
      idempotencyKey: options.idempotencyKey ?? crypto.randomUUID(),
      schema: DealSchema,
      signal: options.signal,
    });
  }

  /**
   * `POST /v1/partners/{partnerId}/deals/conflict-check`: whether another partner already holds this end customer
   * (never who). Call it before submitting to warn the user early.
   */
  checkConflict(partnerId: string, customer: ConflictCheckCustomer, options: CallOptions = {}): Promise<ConflictCheckResult> {
    const body: ConflictCheckRequest = { customer };
    return this.transport.request({
      method: 'POST',
      path: path`/v1/partners/${partnerId}/deals/conflict-check`,
      body,
      schema: ConflictCheckResultSchema,
      signal: options.signal,
    });
  }

  /** `GET /v1/deals/{dealId}`: one registration with its status, conflict flag, discount and expiry. */
  get(dealId: string, options: CallOptions = {}): Promise<Deal> {
    return this.transport.request({ method: 'GET', path: path`/v1/deals/${dealId}`, schema: DealSchema, signal: options.signal });
  }

  /** `POST /v1/deals/{dealId}/withdraw`: withdraws a registration not yet decided; `conflict` error once decided. */
  withdraw(dealId: string, options: CallOptions = {}): Promise<Deal> {
    return this.transport.request({
      method: 'POST',
      path: path`/v1/deals/${dealId}/withdraw`,
      schema: DealSchema,
      signal: options.signal,
    });
  }
}
