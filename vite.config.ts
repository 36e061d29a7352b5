import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./src/renderer'),
  // Relative asset URLs: the same build is served from app:// by Electron and from / by the web host.
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    // antd is large and one screen needs most of it; a single vendor chunk is cached across releases.
    chunkSizeWarningLimit: 2500,
    target: 'chrome120',
  },
  server: {
    port: 5173,
    // `npm run web` on 5199 answers /api while the renderer is developed with hot reload.
    proxy: { '/api': 'http://127.0.0.1:5199' },
  },
});
