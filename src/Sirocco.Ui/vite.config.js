import { defineConfig } from 'vite';

// The server serves the build at /ui (embedded in Sirocco.Api); `npm run build` writes dist/.
export default defineConfig({
  base: '/ui/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
