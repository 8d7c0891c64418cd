// Vite config for the SPA: builds to apps/web/dist (served by apps/server) and, in development, proxies the
// server's routes so the app always calls its own origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);
const server = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/trpc': server,
      '/api': server,
      '/healthz': server,
    },
  },
});
