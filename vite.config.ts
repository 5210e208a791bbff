// The demo host sites (`demo/`): a multi-page Vite app with a tiny backend that mints embed tokens.
// The marketing site is plain HTML in `demo/public/` on purpose: no bundler touches it, just the script tag.
// `pnpm start` builds it and serves it with `vite preview` on 127.0.0.1:5173, beside the sandbox API.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { demoBackend } from './demo/server/demo-backend.ts';

const root = fileURLToPath(new URL('./demo/', import.meta.url));
const pages = Object.fromEntries(
  ['index.html', ...['reseller-portal', 'aggregator-portal'].flatMap((site) =>
    readdirSync(new URL(`./demo/${site}/`, import.meta.url))
      .filter((file) => file.endsWith('.html'))
      .map((file) => `${site}/${file}`),
  )].map((page) => [page.replace(/\.html$/, '').replace(/\//g, '-'), `${root}${page}`]),
);

export default defineConfig({
  root,
  build: {
    outDir: fileURLToPath(new URL('./demo/dist/', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: { input: pages },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  plugins: [
    demoBackend({
      credentialsFile: process.env.POLY_SANDBOX_CREDENTIALS ?? fileURLToPath(new URL('./.sandbox/credentials.json', import.meta.url)),
      widgetsDist: fileURLToPath(new URL('./packages/widgets/dist/', import.meta.url)),
      marketingPage: fileURLToPath(new URL('./demo/public/marketing-site/index.html', import.meta.url)),
    }),
  ],
});
