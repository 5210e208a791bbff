// Builds the script-tag bundle `dist/embed.js`: everything included (lit, SDK, contract, German), split so that
// each element's chunk loads only when its tag appears. The npm entry points are built by `tsc` (see package.json).
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';

/**
 * Minifies the CSS and HTML inside Lit's css``, html`` and svg`` literals of our sources: the bundler's minifier
 * leaves template strings as written (indentation, comments). Runs on each module once TypeScript is stripped,
 * where the tags still carry their names (in the chunks they are renamed).
 */
function minifyLitLiterals(): Plugin {
  return {
    name: 'poly-partner:minify-lit-literals',
    async transform(code, id) {
      if (!/\/packages\/widgets\/src\/.*\.ts$/.test(id)) return null;
      // Whitespace between elements becomes one space, never none: text read aloud or copied keeps its word breaks.
      const result = await minifyHTMLLiterals(code, { fileName: id, html: { conservativeCollapse: true } });
      return result ? { code: result.code, map: result.map ?? null } : null;
    },
  };
}

export default defineConfig({
  plugins: [minifyLitLiterals()],
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
      // Lib mode keeps ES output unminified (for re-bundling); the embed is final code for browsers: minify it all.
      output: { chunkFileNames: 'embed-chunks/[name]-[hash].js', minify: true },
    },
  },
});
