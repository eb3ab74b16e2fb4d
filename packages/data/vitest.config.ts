import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    expect: { requireAssertions: true },
    testTimeout: 30_000,
  },
});
