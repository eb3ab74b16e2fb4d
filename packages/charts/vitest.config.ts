import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    expect: { requireAssertions: true },
    // Layouts of a few hundred nodes run in some tests; the machine may be busy with other packages' checks.
    testTimeout: 30_000,
  },
});
