// Builds the script-tag bundle `dist/embed.js`: everything included (lit, SDK, contract, German), split so that
// each element's chunk loads only when its tag appears. The npm entry points are built by `tsc` (see package.json).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
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

/**
 * embed.ts fetches an element's SDK resources beside it through src/internal/sdk-resources/*, which re-export them
 * from the SDK's index; here those resolve to the SDK's resource modules themselves, the very modules its lazy client
 * imports. Else each re-export is a dynamic entry of its own: a 55-byte facade chunk (one more file per resource on
 * every page) and a namespace object built at run time in each resource chunk.
 */
function sdkResourcesThemselves(): Plugin {
  return {
    name: 'poly-partner:sdk-resources-themselves',
    enforce: 'pre',
    async resolveId(source, importer) {
      const name = /^\.\/internal\/sdk-resources\/([\w-]+)\.js$/.exec(source)?.[1];
      if (!name || !importer?.endsWith('/src/embed.ts')) return null;
      const sdk = await this.resolve('@poly-partner/sdk', importer); // packages/sdk/src/index.ts
      return sdk && fileURLToPath(new URL(`resources/${name}.ts`, pathToFileURL(sdk.id)));
    },
  };
}

export default defineConfig({
  plugins: [minifyLiterals(), sdkResourcesThemselves()],
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
        codeSplitting: {
          groups: [
            {
              // What every page with a widget runs: <partner-config> with the SDK's core, and the widgets' base
              // class, with everything they import (lit, @lit/*, the validator); also the SDK's small internals the
              // resources share and the bundler's runtime. One file instead of eight: each file is gzipped on its
              // own, and one compression window over all of it is smaller than the sum of small ones.
              name: 'core',
              test: /\/packages\/widgets\/src\/(config\/partner-config|internal\/partner-element)\.ts$|\/packages\/sdk\/src\/internal\/(?!page-walk\.ts$)|rolldown[\\/]runtime|\/json-schemas\/(id|tier)\.ts$/,
              includeDependenciesRecursively: true,
            },
            {
              // The badge with the one SDK resource it calls, which no other element calls: one file for its page
              // rather than two (each file is gzipped on its own). What they import beyond the core is the badge's
              // own JSON Schemas. (The other elements' resources are shared, or import what other pages load.)
              name: 'partner-tier-badge',
              test: /\/widgets\/src\/components\/partner-tier-badge\/|\/sdk\/src\/resources\/badges\.ts$/,
              includeDependenciesRecursively: true,
            },
            {
              // What the pages of every element but the badge load, and no other: the contract's constants, Lit's
              // @state, and the date and country-code JSON Schemas. One file instead of two. Not what they import
              // (lit/decorators.js re-exports @query too, which only the member overview uses).
              name: 'elements',
              test: /\/contract\/src\/constants\.ts$|decorators[\\/]state\.js$|lit[\\/]decorators\.js$|\/json-schemas\/(iso-date|country-code)\.ts$/,
              includeDependenciesRecursively: false,
            },
            {
              // What the pages of the elements that show tier criteria (the checklist, the deal form through the
              // partner's tier status, the member overview) load, and no other: the criterion and region-code JSON
              // Schemas, and the partner ones (the deal form reads the profile; the checklist's engine, on the
              // overview's page too, checks a standing with them). One file instead of three.
              name: 'criteria',
              test: /\/json-schemas\/(criterion-(id|group|status|unit)|region-code)\.ts$|\/contract\/src\/browser-validators\/partner\.ts$/,
              includeDependenciesRecursively: true,
            },
            {
              // What the pages of the elements that call list resources (the deal form and list, the member
              // overview) load and no other page does: walking on from a page of a list (the SDK's page-walk.ts, kept
              // out of the core for it), the money and deal-state JSON Schemas, the deal states in words, and paging
              // on request (the deal list's and the member overview's). One file instead of four.
              name: 'lists',
              test: /\/sdk\/src\/internal\/page-walk\.ts$|\/json-schemas\/(money|currency|deal-status)\.ts$|\/widgets\/src\/internal\/(deal-status-name|cursor-paging-controller)\.ts$/,
              includeDependenciesRecursively: true,
            },
            {
              // What the deal form's and the deal list's pages load, and no other: the SDK's deals resource, the deal
              // JSON Schemas, and deal types and discounts in words. One file instead of three.
              name: 'deals',
              test: /\/contract\/src\/browser-validators\/deal\.ts$|\/widgets\/src\/internal\/deal-text\.ts$|\/sdk\/src\/resources\/deals\.ts$/,
              includeDependenciesRecursively: true,
            },
          ],
        },
      },
    },
  },
});
