// Bytes for `pnpm bench`: the widgets' figures from packages/widgets/scripts/measure-sizes.ts (npm entries and the
// script-tag paths as built), and the SDK bundled alone.
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { measure, sizeOf, type Size } from '../../packages/widgets/scripts/measure-sizes.js';

// esbuild is a dependency of the widgets package, not of this one: reach it through that package.
interface Esbuild {
  build(options: object): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}
const esbuild = createRequire(new URL('../../packages/widgets/package.json', import.meta.url))('esbuild') as Esbuild;

async function sdkAlone(): Promise<Size> {
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../../packages/sdk/src/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return sizeOf('@poly-partner/sdk alone (src/index.ts)', result.outputFiles[0]!.contents);
}

export interface SizeFigures {
  /** Each element's npm entry bundled alone with everything it imports, and the whole npm entry (measure-sizes.ts). */
  entries: Size[];
  /** dist/embed.js paths as built (measure-sizes.ts). */
  embedAsBuilt: Size[];
  sdk: Size;
}

export async function measureSizes(): Promise<SizeFigures> {
  const { entries, embed } = await measure();
  return { entries, embedAsBuilt: embed, sdk: await sdkAlone() };
}
