// Builds the script-tag bundle `dist/embed.js`: everything included (lit, SDK, contract, German), split so that
// each element's chunk loads only when its tag appears. The npm entry points are built by `tsc` (see package.json).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { CHUNK_GROUPS, chunkGroupProblems, groupTest } from './scripts/embed-chunks.js';
import { minifyLitLiterals } from './scripts/minify-literals.js';

/** Lit's css``/html``/svg`` literals minified in our modules, once TypeScript is stripped (in chunks the tags are renamed). */
function minifyLiterals(): Plugin {
  return {
    name: 'poly-partner:minify-lit-literals',
    async transform(code, id) {
      if (!/\/packages\/widgets\/src\/.*\.ts$/.test(id)) return null;
      const result = await minifyLitLiterals(code, id);
      return result ? { code: result.code, map: result.map ?? null } : null;
    },
  };
}

/** Fails the build when a chunk group of scripts/embed-chunks.ts captured no module: a table that went stale. */
function checkChunkGroups(): Plugin {
  return {
    name: 'poly-partner:check-chunk-groups',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file] : []));
      const problems = chunkGroupProblems(chunks);
      if (problems.length > 0) this.error(`scripts/embed-chunks.ts is stale:\n${problems.join('\n')}`);
    },
  };
}

/**
 * embed.ts fetches an element's SDK resources beside it through src/generated/sdk-resources/*, which re-export them
 * from the SDK's index; here those resolve to the SDK's resource modules themselves, the very modules its lazy client
 * imports. Else each re-export is a dynamic entry of its own: a 55-byte facade chunk (one more file per resource on
 * every page) and a namespace object built at run time in each resource chunk.
 */
function sdkResourcesThemselves(): Plugin {
  return {
    name: 'poly-partner:sdk-resources-themselves',
    enforce: 'pre',
    async resolveId(source, importer) {
      const name = /^\.\/sdk-resources\/([\w-]+)\.js$/.exec(source)?.[1];
      if (!name || !importer?.endsWith('/src/generated/embed-loaders.ts')) return null;
      const sdk = await this.resolve('@poly-partner/sdk', importer); // packages/sdk/src/index.ts
      return sdk && fileURLToPath(new URL(`resources/${name}.ts`, pathToFileURL(sdk.id)));
    },
  };
}

export default defineConfig({
  plugins: [minifyLiterals(), sdkResourcesThemselves(), checkChunkGroups()],
  resolve: {
    // The SDK's client loads each resource (its code and schemas) on first call, each a chunk of its own, so a page
    // loads only the resources its elements call (packages/sdk/src/internal/resources.lazy.ts).
    conditions: ['lazy-resources', ...defaultClientConditions],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: { embed: fileURLToPath(new URL('./src/embed.ts', import.meta.url)) },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // Lets a group below take a module without its imports (`includeDependenciesRecursively: false`): embed.js
      // exports nothing, so an entry's chunk may well carry more than its module.
      preserveEntrySignatures: 'allow-extension',
      // Lib mode keeps ES output unminified (for re-bundling); the embed is final code for browsers: minify it all.
      output: {
        chunkFileNames: 'embed-chunks/[name]-[hash].js',
        minify: true,
        // V8's explicit compile hint: compile every function of the file on a background thread as it streams in,
        // not each on the main thread at its first call. For the files a first render runs nearly all of: the core
        // and each element's own chunk (not the SDK resources, schemas or catalogs, of which a page calls little).
        postBanner: (chunk) =>
          chunk.name === 'core' || chunk.moduleIds.some((id) => /\/src\/components\/[^/]+\/[^/]+\.component\.ts$/.test(id))
            ? '//# allFunctionsCalledOnLoad'
            : '',
        // The minifier keeps `/* @__PURE__ */` marks, which only a bundler reading this output again would use.
        comments: { annotation: false },
        // The groups, by role, from scripts/embed-chunks.ts (each one's reasons are there); checkChunkGroups() below
        // fails the build when one of their patterns captures no module.
        codeSplitting: {
          groups: Object.entries(CHUNK_GROUPS).map(([role, group]) => ({
            name: role,
            test: groupTest(group),
            includeDependenciesRecursively: group.withDependencies,
          })),
        },
      },
    },
  },
});
