// Vite builds the portal's web UI (web/ → web/dist); vitest runs its component tests in happy-dom.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [vue()],
  server: {
    // `npm run dev:web` during development: the API comes from `yusuan serve` (default port 8080).
    proxy: { '/api': 'http://127.0.0.1:8080' },
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    root,
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
  },
});
