// Browser tests: every `*.browser.test.ts` in the workspace, in a real Chromium driven by Playwright.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { sandboxPlugin } from './test/support/sandbox-plugin.mjs';

// Debian's Chromium where Playwright cannot download its own (see TOOLCHAIN.md); CHROMIUM_PATH overrides.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumLaunchOptions = {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

const sandbox = sandboxPlugin();

export default {
  // `test/node_modules` links the workspace packages: without the exclusion their tests would run twice.
  files: ['packages/*/test/**/*.browser.test.ts', 'test/**/*.browser.test.ts', '!**/node_modules/**'],
  hostname: 'localhost',
  port: 8000,
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: chromiumLaunchOptions })],
  middleware: [sandbox.middleware],
  plugins: [
    sandbox,
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // The file that holds the compiler options: the plugin reads it raw and does not follow `extends`,
      // and Lit's decorators need `experimentalDecorators` from it.
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
  ],
};
