import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One throw-away PostgreSQL (with a migrated template database) and Redis per run.
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/use-test-id-secret.ts'],
    // Child processes, not threads: PGlite and pg pools hold native resources per process.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
