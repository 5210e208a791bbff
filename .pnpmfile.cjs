// The workspace compiles with TypeScript 7 (native), which has no JavaScript API.
// The lint tools load TypeScript's JS API, so they get TypeScript 5.9 of their own;
// pnpm `overrides` cannot pin a peer per dependent, this hook can.
const TS_API_USERS = new Set([
  'typescript-eslint',
  '@typescript-eslint/eslint-plugin',
  '@typescript-eslint/parser',
  '@typescript-eslint/project-service',
  '@typescript-eslint/tsconfig-utils',
  '@typescript-eslint/type-utils',
  '@typescript-eslint/typescript-estree',
  '@typescript-eslint/utils',
  'ts-api-utils',
  // lit-analyzer's maintained fork: it knows that `nothing` may be bound anywhere.
  '@jackolope/lit-analyzer',
  '@jackolope/web-component-analyzer',
]);
const TS_API_VERSION = '5.9.3';

function readPackage(pkg) {
  if (TS_API_USERS.has(pkg.name)) {
    // Some use TypeScript without declaring it; the others declare a peer or a dependency.
    if (pkg.peerDependencies) delete pkg.peerDependencies.typescript;
    if (pkg.peerDependenciesMeta) delete pkg.peerDependenciesMeta.typescript;
    pkg.dependencies = { ...pkg.dependencies, typescript: TS_API_VERSION };
  }
  return pkg;
}

module.exports = { hooks: { readPackage } };
