// Builds the script-tag bundle `dist/embed.js`: everything included (lit, SDK, contract, German), split so that
// each element's chunk loads only when its tag appears. The npm entry points are built by `tsc` (see package.json).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
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
