/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialJsBudget } from '../../tools/initial-js-budget';
import { precompressAssets } from '../../tools/precompress-assets';

// Read the shared libraries from source so the dashboard never waits on a library build.
const libraryEntry = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  base: '/',
  plugins: [react(), initialJsBudget('Dashboard', 250), precompressAssets()],
  resolve: {
    alias: [
      { find: /^@trustwork\/contracts$/, replacement: libraryEntry('contracts') },
      { find: /^@trustwork\/trust-program$/, replacement: libraryEntry('trust-program') },
    ],
  },
  server: {
    port: 4200,
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
    outputFile: { json: `${process.env.TEST_SUMMARY_DIR}/vitest-dashboard.json` },
    maxWorkers: 2,
    unstubGlobals: true,
    restoreMocks: true,
    // Whole-app renders are slow on a busy two-core machine: room for a first wait of up to 15 s
    // (asyncUtilTimeout in src/test/setup.ts) and the rest of the test after it.
    testTimeout: 40_000,
  },
});
