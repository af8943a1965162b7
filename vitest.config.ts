import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests start real servers on 127.0.0.1; forks keep their sockets apart.
    pool: 'forks',
    // Says once when the PostgreSQL tests are skipped (no TEST_DATABASE_URL).
    globalSetup: ['tests/global-setup.ts'],
  },
});
