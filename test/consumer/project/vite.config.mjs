export default {
  logLevel: 'warn',
  build: { outDir: 'vite-dist', rollupOptions: { input: { widget: 'index.html', react: 'react.html' } } },
};
