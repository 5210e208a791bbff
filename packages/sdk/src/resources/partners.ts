// A reseller's profile, its tier evaluation, and what-if simulations.
import {
  PartnerProfileSchema,
  SimulationResultSchema,
  TierStatusSchema,
  type IsoDate,
  type PartnerProfile,
  type SimulationChanges,
  type SimulationRequest,
  type SimulationResult,
  type TierStatus,
} from '@poly-partner/contract';
import { path, type CallOptions } from '../internal/call-options.js';
import type { Transport } from '../internal/transport.js';

/** Options of `partners.tierStatus()`. */
export interface TierStatusOptions extends CallOptions {
  /** Evaluate at another day (`YYYY-MM-DD`), e.g. the day after status protection ends. */
  asOf?: IsoDate | undefined;
}

/** Options of `partners.simulate()`. */
export interface SimulateOptions extends CallOptions {
  /** Day of the baseline evaluation; the API's today when absent. */
  asOf?: IsoDate | undefined;
}

/** `client.partners`: one reseller — profile, tier status, simulations. A partner credential reads only itself. */
export class PartnersResource {
  /** @internal */
  constructor(private readonly transport: Transport) {}

  /** `GET /v1/partners/{partnerId}`: name, country, region, group, distributors. */
  get(partnerId: string, options: CallOptions = {}): Promise<PartnerProfile> {
    return this.transport.request({
      method: 'GET',
      path: path`/v1/partners/${partnerId}`,
      schema: PartnerProfileSchema,
      signal: options.signal,
    });
  }

  /** `GET /v1/partners/{partnerId}/tier-status`: earned, protected and effective tier, every criterion, the next-tier checklist. */
  tierStatus(partnerId: string, options: TierStatusOptions = {}): Promise<TierStatus> {
    return this.transport.request({
      method: 'GET',
      path: path`/v1/partners/${partnerId}/tier-status`,
      query: { asOf: options.asOf },
      schema: TierStatusSchema,
      signal: options.signal,
    });
  }

  /**
   * `POST /v1/partners/{partnerId}/tier-simulations`: the evaluation after hypothetical changes
   * (`{ metricDeltas: { certified_technical: 2 } }`, another region, a later date). Changes nothing.
   */
  simulate(partnerId: string, changes: SimulationChanges, options: SimulateOptions = {}): Promise<SimulationResult> {
    const body: SimulationRequest = options.asOf === undefined ? { changes } : { changes, asOf: options.asOf };
    return this.transport.request({
      method: 'POST',
      path: path`/v1/partners/${partnerId}/tier-simulations`,
      body,
      schema: SimulationResultSchema,
      signal: options.signal,
    });
  }
}
