import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One throw-away PostgreSQL (with a migrated template database) and Redis per run.
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/use-test-id-secret.ts'],
    // Child processes, not threads: PGlite and pg pools hold native resources per process.
    pool: 'forks',
    // Most test files wait on PostgreSQL, Redis, Chromium or a child process rather than
    // compute, so as many files as cores run side by side (vitest's default is cores - 1).
    maxWorkers: Math.max(2, availableParallelism()),
    // Timeouts only guard against a hang: a busy machine is slow, which is no failure. What
    // a test asserts is decided by conditions and counts, never by how long it took.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
