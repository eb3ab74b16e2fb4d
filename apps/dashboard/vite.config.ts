import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { compiledMessages } from './src/lib/i18n/messages-plugin.js';

export default defineConfig({
  plugins: [compiledMessages(), sveltekit()],
  // @puente/data opens DuckDB (a native addon) and finds data/ on disk: load it from node_modules at run time.
  ssr: { external: ['@puente/data', '@duckdb/node-api'] },
  test: {
    include: ['src/**/*.spec.ts'],
    expect: { requireAssertions: true },
  },
});
