import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The API serves the built app; in development Vite proxies the API to the running server.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // react-jsonschema-form marks its hooks "use client" for React Server Components, which a
      // single-page app does not have: the directive means nothing here. Plugin timings vary from
      // one build to the next and are not a problem of the app.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' || log.code === 'PLUGIN_TIMINGS') return;
        handler(level, log);
      },
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}`,
      '/healthz': `http://127.0.0.1:${process.env.PORT ?? 3000}`,
    },
  },
});
