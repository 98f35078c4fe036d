import { defineConfig } from 'vitest/config';
import { HOSTILE_OPENAI_ENV } from './test/helpers/run.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Git and spawned-CLI tests are I/O bound; two cores run them well in parallel.
    pool: 'forks',
    // The OpenAI clients built inside tests face the same hostile environment as the bundle does.
    env: { ...HOSTILE_OPENAI_ENV },
  },
});
