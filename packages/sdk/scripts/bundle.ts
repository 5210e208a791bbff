// The SDK as a browser gets it: src/index.ts bundled alone by esbuild (minified ESM, browser conditions), with how many
// bytes each package puts in it. Used by scripts/measure.ts and by `pnpm bench` (test/bench/sizes.ts).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// esbuild is installed for @web/dev-server-esbuild; reach it through that package rather than adding a dependency.
const requireFromRoot = createRequire(createRequire(import.meta.url).resolve('@web/dev-server-esbuild'));
interface EsbuildResult {
  outputFiles: { contents: Uint8Array }[];
  metafile: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
}
const esbuild = requireFromRoot('esbuild') as { build(options: object): Promise<EsbuildResult> };

export interface SdkBundle {
  /** The minified bundle. */
  code: Uint8Array;
  /** Minified bytes per package (the SDK itself, the contract, each dependency). */
  byPackage: Map<string, number>;
}

export async function bundleSdk(): Promise<SdkBundle> {
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const byPackage = new Map<string, number>();
  for (const [file, info] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
    const name = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ??
      (file.includes('packages/contract') ? '@poly-partner/contract' : '@poly-partner/sdk');
    byPackage.set(name, (byPackage.get(name) ?? 0) + info.bytesInOutput);
  }
  return { code: result.outputFiles[0]!.contents, byPackage };
}
