// Bytes for `pnpm bench`: the widgets' figures from packages/widgets/scripts/measure-sizes.ts, the same script-tag
// paths once more minified by esbuild (the build ships dist/embed.js unminified today), and the SDK bundled alone.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { measure, type Size } from '../../packages/widgets/scripts/measure-sizes.js';

const widgetsDist = new URL('../../packages/widgets/dist/', import.meta.url);

// esbuild is a dependency of the widgets package, not of this one: reach it through that package.
interface Esbuild {
  transform(code: string, options: object): Promise<{ code: string }>;
  build(options: object): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}
const esbuild = createRequire(new URL('../../packages/widgets/package.json', import.meta.url))('esbuild') as Esbuild;

function sizeOf(name: string, code: Uint8Array): Size {
  return {
    name,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

/** Files of dist/ reachable from embed.js and `roots` by static import, as measure-sizes.ts follows them. */
function closure(roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(new URL(file, widgetsDist), 'utf8');
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) {
      visit(new URL(specifier!, new URL(folder, 'file:///')).pathname.slice(1));
    }
  };
  for (const root of ['embed.js', ...roots]) visit(root);
  return [...seen].sort();
}

/** Each file minified on its own (it still travels as its own response), sizes added up. */
async function minifiedClosure(name: string, roots: string[]): Promise<Size> {
  const total: Size = { name, minified: 0, gzip: 0, brotli: 0 };
  for (const file of closure(roots)) {
    const { code } = await esbuild.transform(readFileSync(new URL(file, widgetsDist), 'utf8'), { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
    const size = sizeOf(file, Buffer.from(code));
    total.minified += size.minified;
    total.gzip += size.gzip;
    total.brotli += size.brotli;
  }
  return total;
}

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
  /** The same paths with each file minified by esbuild. */
  embedMinified: Size[];
  sdk: Size;
}

export async function measureSizes(): Promise<SizeFigures> {
  const { entries, embed } = await measure();
  const chunks = readChunks();
  const chunk = (tag: string) => chunks.find((file) => file.startsWith(`embed-chunks/${tag}-`))!;
  const embedMinified = [
    await minifiedClosure('embed.js alone', []),
    await minifiedClosure('embed.js + <partner-config> + <partner-tier-badge>', [chunk('partner-config'), chunk('partner-tier-badge')]),
    await minifiedClosure('embed.js + every chunk', chunks),
  ];
  return { entries, embedAsBuilt: embed, embedMinified, sdk: await sdkAlone() };
}

function readChunks(): string[] {
  const names = readdirSync(new URL('embed-chunks/', widgetsDist));
  return names.filter((file) => file.endsWith('.js')).map((file) => `embed-chunks/${file}`);
}
