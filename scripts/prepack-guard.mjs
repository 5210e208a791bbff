// `prepack` of every package: refuses `npm pack` and `npm publish`. Only pnpm applies `publishConfig` (exports to
// dist/ instead of src/*.ts) and turns `workspace:*` into versions; npm would ship a package that cannot be installed.
const agent = process.env.npm_config_user_agent ?? '';
if (!agent.startsWith('pnpm/')) {
  console.error(
    `Refusing to pack ${process.env.npm_package_name ?? 'this package'} with ${agent.split(' ')[0] || 'this tool'}: ` +
      'use `pnpm pack` or `pnpm publish`, which rewrite exports to dist/ (publishConfig) and workspace:* to versions.',
  );
  process.exit(1);
}
