import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Git and spawned-CLI tests are I/O bound; two cores run them well in parallel.
    pool: 'forks',
  },
});
