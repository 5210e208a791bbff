// The active tier-program policy: tiers, criteria, regional requirements, benefits.
import { ProgramPolicySchema, type ProgramPolicy } from '@poly-partner/contract';
import type { CallOptions } from '../internal/call-options.js';
import type { Transport } from '../internal/transport.js';

/** `client.program`: the tier-program policy. */
export class ProgramResource {
  /** @internal */
  constructor(private readonly transport: Transport) {}

  /** `GET /v1/program`: the policy in force, so UIs show requirements and benefits from data rather than constants. */
  get(options: CallOptions = {}): Promise<ProgramPolicy> {
    return this.transport.request({ method: 'GET', path: '/v1/program', schema: ProgramPolicySchema, signal: options.signal });
  }
}
