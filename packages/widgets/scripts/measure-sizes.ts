// Prints what the widgets cost a page, minified + gzip and brotli: each element's npm entry bundled alone with
// everything it imports (esbuild), the whole npm entry, and the script-tag bundle (dist/embed.js, run the build
// first) for a page with just the badge and for every element. `--json` prints the figures as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { elementsOf, packageRoot, readManifest } from './manifest.js';
import { minifyLitLiterals } from './minify-literals.js';

export interface Size {
  name: string;
  minified: number;
  gzip: number;
  brotli: number;
}

export function sizeOf(name: string, code: Uint8Array): Size {
  return {
    name,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

function sum(name: string, sizes: Size[]): Size {
  return sizes.reduce((total, size) => ({
    name,
    minified: total.minified + size.minified,
    gzip: total.gzip + size.gzip,
    brotli: total.brotli + size.brotli,
  }), { name, minified: 0, gzip: 0, brotli: 0 });
}

async function bundleSize(name: string, entry: string): Promise<Size> {
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL(entry, packageRoot))],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    tsconfig: fileURLToPath(new URL('tsconfig.build.json', packageRoot)),
    logLevel: 'silent',
    // As shipped: the npm dist's Lit literals are minified after tsc (scripts/minify-literals.ts).
    plugins: [
      {
        name: 'minify-lit-literals',
        setup(build) {
          build.onLoad({ filter: /[\\/]packages[\\/]widgets[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
            const code = readFileSync(path, 'utf8');
            return { contents: (await minifyLitLiterals(code, path))?.code ?? code, loader: 'ts' };
          });
        },
      },
    ],
  });
  return sizeOf(name, result.outputFiles[0]!.contents);
}

/** dist/embed.js plus the chunks reachable from `roots` through static imports (what the browser downloads). */
export function embedFiles(roots: string[]): string[] {
  const dist = new URL('dist/', packageRoot);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(new URL(file, dist), 'utf8');
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    // Minified static imports: `import{…}from"./x.js"` and `import"./x.js"`; dynamic `import("./x.js")` is not followed.
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) {
      visit(new URL(specifier!, new URL(folder, 'file:///')).pathname.slice(1));
    }
  };
  visit('embed.js');
  for (const root of roots) visit(root);
  return [...seen].sort();
}

function embedClosure(name: string, roots: string[]): Size {
  // The gzip of separate files, added up: each file travels as its own response.
  return sum(name, embedFiles(roots).map((file) => sizeOf(file, readFileSync(new URL(file, new URL('dist/', packageRoot))))));
}

/**
 * The chunks embed.js loads for `<tag>`: every `import(…)` in its loader (`"tag":()=>Promise.all([import(`./…`), …])`
 * — the element and the SDK resources it calls).
 */
export function chunksOf(tag: string): string[] {
  const loader = readFileSync(new URL('dist/embed.js', packageRoot), 'utf8');
  const entry = new RegExp(`["']?${tag}["']?:\\(\\)=>(.*?)(?=,["']?[a-z-]+["']?:\\(\\)=>|\\})`).exec(loader)?.[1] ?? '';
  const chunks = [...entry.matchAll(/import\([`"']\.\/(embed-chunks\/[^`"']+\.js)/g)].map((match) => match[1]!);
  if (chunks.length === 0) throw new Error(`dist/embed.js loads no chunk for <${tag}>: run the build first`);
  return chunks;
}

/** The elements whose embed page (embed.js + `<partner-config>` + the element) is measured, the badge first. */
export const EMBED_PAGES = ['partner-tier-badge', 'next-tier-checklist', 'deal-registration-form', 'partner-deal-list', 'partner-member-overview'] as const;

/** The name of an element's embed page among the figures, e.g. `embed.js + <partner-config> + <partner-tier-badge>`. */
export function pageName(tag: string): string {
  return `embed.js + <partner-config> + <${tag}>`;
}

export async function measure(): Promise<{ entries: Size[]; embed: Size[] }> {
  const elements = elementsOf(readManifest());
  const entries: Size[] = [];
  for (const { tagName, definingModule } of elements) entries.push(await bundleSize(tagName, definingModule));
  entries.push(await bundleSize('@poly-partner/widgets (every element)', 'src/index.ts'));
  const everyChunk = readdirSync(new URL('dist/embed-chunks/', packageRoot)).filter((file) => file.endsWith('.js')).map((file) => `embed-chunks/${file}`);
  const embed = [
    embedClosure('embed.js alone', []),
    // What a page with <partner-config> and one element downloads (English; German adds its catalog chunk).
    ...EMBED_PAGES.map((tag) => embedClosure(pageName(tag), [...chunksOf('partner-config'), ...chunksOf(tag)])),
    embedClosure('embed.js + every chunk', everyChunk),
  ];
  return { entries, embed };
}

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(figures, null, 2));
  } else {
    const rows = [...figures.entries, ...figures.embed];
    const width = Math.max(...rows.map((row) => row.name.length));
    console.log(`${'what'.padEnd(width)}  ${'min'.padStart(9)}  ${'min+gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
    for (const row of rows) {
      console.log(`${row.name.padEnd(width)}  ${kB(row.minified).padStart(9)}  ${kB(row.gzip).padStart(9)}  ${kB(row.brotli).padStart(9)}`);
    }
  }
}
