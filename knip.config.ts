// knip: unused files, exports and dependencies, and dependencies used but not declared (`pnpm lint` runs it).
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  // An export its own module uses is API the module chose to name, not dead code.
  ignoreExportsUsedInFile: true,
  // What the WordPress tests install for themselves (scripts/install-test-deps.sh), not npm packages.
  ignoreBinaries: ['php', 'phpunit', 'mariadbd', 'mariadb-install-db'],
  workspaces: {
    '.': {
      entry: ['scripts/*.mjs'],
    },
    'packages/contract': {
      entry: ['scripts/*.ts', 'test/**/*.test.ts'],
      ignore: ['src/generated/**'],
      // openapi-lint.test.ts runs their command-line tools, found through their package.json.
      ignoreDependencies: ['@redocly/cli', '@stoplight/spectral-cli'],
    },
    'packages/sandbox': {
      entry: ['src/cli.ts', 'scripts/*.{ts,mjs}', 'test/**/*.test.ts', 'test/**/*.test-d.ts'],
      // The types of node-flags.mjs, read by tsc only.
      ignore: ['scripts/node-flags.d.mts'],
    },
    'packages/sdk': {
      entry: ['scripts/*.ts', 'test/**/*.test.ts', 'test/**/*.test-d.ts'],
    },
    'packages/widgets': {
      // test/support/*-page.ts: the modules of test pages (an .html loads them), which a browser test frames.
      entry: ['scripts/*.ts', 'test/**/*.test.ts', 'test/**/*.type-test.ts', 'test/support/*-page.ts', 'custom-elements-manifest.config.mjs'],
      ignore: ['src/generated/**'],
    },
    'packages/wordpress': {
      entry: ['scripts/*.mjs', 'test/**/*.test.ts', 'plugin/**/*.js'],
      // The build copies the widgets' dist/; the dependency makes `pnpm -r build` build the widgets first.
      ignoreDependencies: ['@poly-partner/widgets'],
    },
    test: {
      entry: ['**/*.test.ts', 'bench/*.ts'],
      ignore: ['consumer/project/**'],
    },
    demo: {
      entry: ['*/*.ts', 'public/**/*.js'],
    },
  },
};

export default config;
