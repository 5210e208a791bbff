#!/usr/bin/env node
// `poly-partner-sandbox` (`pnpm sandbox` in this repository): starts the sandbox API, seeding on first start, and writes credentials.json beside the database.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSandbox } from './index.js';

// In this repository the database goes to the workspace's .sandbox/ wherever pnpm runs the command from; installed
// from npm (under node_modules/), to .sandbox/ in the folder the command is run from.
const here = fileURLToPath(import.meta.url);
const repoRoot = here.includes(`${sep}node_modules${sep}`) ? process.cwd() : resolve(dirname(here), '../../..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: join(repoRoot, '.sandbox/sandbox.db') },
    memory: { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
    'launch-date': { type: 'string' },
    resellers: { type: 'string' },
    origin: { type: 'string', multiple: true },
    'signing-key-file': { type: 'string' },
    'clock-offset-days': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: poly-partner-sandbox [--port 8787] [--host 127.0.0.1] [--db .sandbox/sandbox.db | --memory] [--reset]
                            [--launch-date YYYY-MM-DD] [--resellers 15000] [--origin http://host:port ...]
                            [--signing-key-file key.pem]   (or POLY_SANDBOX_SIGNING_KEY; default: a random key kept in the database)
                            [--clock-offset-days N]        (run the sandbox clock N days ahead; default: as far as it was moved last time)

Starts the Poly partner sandbox API, seeding the database on first start, and writes the demo credentials to
credentials.json beside the database file. In this repository: pnpm sandbox [options].`);
  process.exit(0);
}

const sandbox = await startSandbox({
  port: Number(values.port),
  host: values.host,
  db: values.memory ? ':memory:' : resolve(values.db),
  reset: values.reset,
  ...(values['launch-date'] ? { launchDate: values['launch-date'] } : {}),
  ...(values.resellers ? { resellers: Number(values.resellers) } : {}),
  ...(values.origin ? { allowedOrigins: values.origin } : {}),
  ...(values['signing-key-file'] ? { signingKey: readFileSync(resolve(values['signing-key-file']), 'utf8') } : {}),
  ...(values['clock-offset-days'] !== undefined ? { clockOffsetDays: Number(values['clock-offset-days']) } : {}),
});
const credentialsFile = join(values.memory ? join(repoRoot, '.sandbox') : dirname(resolve(values.db)), 'credentials.json');
// With --memory there is no database folder: .sandbox/ may not exist yet.
mkdirSync(dirname(credentialsFile), { recursive: true });
// Secret keys: readable by the owner only (mode applies when the file is made; chmod covers a file made before).
writeFileSync(credentialsFile, `${JSON.stringify(sandbox.credentials, null, 2)}\n`, { mode: 0o600 });
chmodSync(credentialsFile, 0o600);

const { credentials } = sandbox;
// The one place keys are printed whole: the sandbox's demo keys, test keys of this database only (the server's own
// logs name a key by its prefix).
console.log(`Demo credentials: TEST KEYS for this sandbox only, never for production (also in ${credentialsFile}, mode 0600):`);
for (const reseller of credentials.resellers) console.log(`  reseller ${reseller.partnerId}  ${reseller.secretKey}  ${reseller.name} (${reseller.about})`);
for (const org of credentials.organizations) console.log(`  ${org.kind.padEnd(22)} ${org.orgId}  ${org.secretKey}  ${org.name}`);
for (const key of credentials.publishable) console.log(`  publishable ${key.publishableKey} for ${key.partnerId} from ${key.origins.join(', ')}`);
// Last, so that whoever waits for this line has everything above it.
console.log(`Poly partner sandbox API on ${sandbox.url}`);

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: shutting down`);
  sandbox.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
