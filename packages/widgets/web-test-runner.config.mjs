// This package's browser tests alone, with the root config (Chromium, esbuild, the sandbox). From the repo root:
//   npx web-test-runner --config packages/widgets/web-test-runner.config.mjs --port <free port> ["<glob>"]
import rootConfig from '../../web-test-runner.config.mjs';

export default {
  ...rootConfig,
  files: ['packages/widgets/test/**/*.browser.test.ts'],
};
