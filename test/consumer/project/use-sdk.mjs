// An integrator's Node script: the SDK against a sandbox started from the installed package, as a command (its URL
// and credentials come in as arguments) or as a library (`startSandbox`).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createPartnerClient, isPartnerApiError } from '@poly-partner/sdk';
import { createServerClient, verifyWebhook, WebhookVerificationError } from '@poly-partner/sdk/server';
import { DEFAULT_POLICY, normalizeDomain } from '@poly-partner/contract';
import openapi from '@poly-partner/contract/openapi.json' with { type: 'json' };
import { startSandbox } from '@poly-partner/sandbox';

async function exercise(baseUrl, credentials) {
  const reseller = credentials.resellers[0];
  const client = createPartnerClient({ baseUrl, secretKey: reseller.secretKey });
  const program = await client.program.get();
  const status = await client.partners.tierStatus(reseller.partnerId);
  const deals = await client.deals.list(reseller.partnerId, { limit: 5 });
  const org = credentials.organizations[0];
  const members = await createPartnerClient({ baseUrl, secretKey: org.secretKey }).organizations.members(org.orgId, { limit: 3 });
  let refused = 'no';
  try {
    await client.partners.get(credentials.resellers[1].partnerId);
  } catch (error) {
    refused = isPartnerApiError(error) ? error.code : String(error);
  }
  const server = createServerClient({ baseUrl, secretKey: reseller.secretKey });
  const events = await server.events.list({ limit: 5 });
  const endpoints = await server.webhookEndpoints.list();
  const unsigned = await verifyWebhook('{}', {}, 'whsec_AAAA').catch((error) => (error instanceof WebhookVerificationError ? error.reason : String(error)));
  const served = await (await fetch(`${baseUrl}/openapi.json`)).json();
  return {
    tiers: program.tiers,
    effectiveTier: status.effectiveTier,
    deals: deals.items.length,
    members: members.items.length,
    otherPartner: refused,
    serverEntry: `${Array.isArray(events.items)} ${endpoints.total} ${unsigned}`,
    servedServer: served.servers[0].url,
    sameDocument: served.info.version === openapi.info.version,
    engine: `${DEFAULT_POLICY.tiers.join(',')} ${normalizeDomain('WWW.Beispiel.DE')}`,
  };
}

const mode = process.argv[2];
if (mode === 'library') {
  const sandbox = await startSandbox({ resellers: 200, quiet: true });
  try {
    console.log(JSON.stringify(await exercise(sandbox.url, sandbox.credentials)));
  } finally {
    await sandbox.close();
  }
} else {
  // The command, as `npx poly-partner-sandbox` runs it; it prints its URL last, once credentials.json is written.
  const child = spawn('node_modules/.bin/poly-partner-sandbox', ['--memory', '--port', '0', '--resellers', '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /sandbox API on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the sandbox command exited (${code}): ${output}`)));
    });
    const credentials = JSON.parse(readFileSync('.sandbox/credentials.json', 'utf8'));
    console.log(JSON.stringify(await exercise(url, credentials)));
  } finally {
    child.kill('SIGTERM');
  }
}
