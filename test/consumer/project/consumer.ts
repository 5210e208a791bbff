// What an integrator's TypeScript sees of every entry point; type-checked with node16 and bundler resolution.
import { createPartnerClient, isPartnerApiError, type PartnerApiError } from '@poly-partner/sdk';
import { DEFAULT_POLICY, normalizeDomain, type TierStatus, type DealInput } from '@poly-partner/contract';
import { startSandbox, type Credentials, type StartSandboxOptions } from '@poly-partner/sandbox';
import '@poly-partner/widgets/partner-tier-badge.js';
import { PartnerTierBadge } from '@poly-partner/widgets/react';
import '@poly-partner/widgets/embed.js';

const options: StartSandboxOptions = { resellers: 200, quiet: true };
export async function main(): Promise<string> {
  const sandbox = await startSandbox(options);
  const credentials: Credentials = sandbox.credentials;
  const client = createPartnerClient({ baseUrl: sandbox.url, secretKey: credentials.resellers[0]!.secretKey });
  const status: TierStatus = await client.partners.tierStatus(credentials.resellers[0]!.partnerId);
  const rows: number = sandbox.db.prepare('SELECT 1').all().length;
  const draft: Partial<DealInput> = { type: 'deal' };
  const badge = document.createElement('partner-tier-badge');
  await sandbox.close();
  const failed = (error: unknown): PartnerApiError | undefined => (isPartnerApiError(error) ? error : undefined);
  void failed;
  void PartnerTierBadge;
  return `${status.effectiveTier} ${DEFAULT_POLICY.tiers[0]} ${normalizeDomain('x.de')} ${rows} ${draft.type} ${badge.localName}`;
}
