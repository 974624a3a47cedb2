/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialJsBudget } from '../../tools/initial-js-budget';
import { precompressAssets } from '../../tools/precompress-assets';
import { PORTAL_BASE } from './src/portal-base';

// Read the shared contracts from source so the portal never waits on a library build.
const contractsEntry = fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  // The API serves this build under /p/; the dev server answers every address below it with index.html.
  base: PORTAL_BASE,
  plugins: [react(), initialJsBudget('Portal', 100), precompressAssets()],
  resolve: {
    alias: [{ find: /^@trustwork\/contracts$/, replacement: contractsEntry }],
  },
  server: {
    port: 4300,
    strictPort: true,
    proxy: {
      '/api': {
        target: process.env.API_PROXY_TARGET ?? 'http://localhost:3000',
        changeOrigin: true,
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    pool: 'threads',
    // Under CI (.ci/run) a JSON summary joins the other runners' totals.
    reporters: process.env.TEST_SUMMARY_DIR ? ['default', 'json'] : ['default'],
    outputFile: { json: `${process.env.TEST_SUMMARY_DIR}/vitest-portal.json` },
    maxWorkers: 2,
    unstubGlobals: true,
  },
});
