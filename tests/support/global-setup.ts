// vitest globalSetup: one throw-away PostgreSQL and one Redis for the whole run, started
// before any test file and stopped after the last. Tests reach them through `inject(...)`
// (or the BLOEI_TEST_* env vars, for code that is not a test file).
import type { TestProject } from 'vitest/node';
import { buildBloei } from './bloei-main.js';
import { startPostgres } from './start-postgres.js';
import { startRedis } from './start-redis.js';
import { createTemplateDatabase } from './template-database.js';
import { testIdSecret } from './test-id-secret.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server's `postgres` database. */
    pgAdminUrl: string;
    /** A Redis that every test shares: use a random key or queue prefix per test. */
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [postgres, redis, built] = await Promise.allSettled([
    startPostgres(),
    startRedis(),
    // Tests that run Bloei as a process run the compiled program (see bloei-main.ts).
    buildBloei(),
  ]);
  if (
    postgres.status === 'rejected' ||
    redis.status === 'rejected' ||
    built.status === 'rejected'
  ) {
    if (postgres.status === 'fulfilled') await postgres.value.stop();
    if (redis.status === 'fulfilled') await redis.value.stop();
    throw [postgres, redis, built].find((r): r is PromiseRejectedResult => r.status === 'rejected')!
      .reason;
  }
  const teardown = async () => {
    await Promise.all([postgres.value.stop(), redis.value.stop()]);
  };
  try {
    await createTemplateDatabase(postgres.value.adminUrl);
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide('pgAdminUrl', postgres.value.adminUrl);
  project.provide('redisUrl', redis.value.url);
  process.env.BLOEI_TEST_PG_ADMIN_URL = postgres.value.adminUrl;
  process.env.BLOEI_TEST_REDIS_URL = redis.value.url;
  // Test processes and the app processes they spawn key identities with the same secret.
  process.env.BLOEI_ID_SECRET = testIdSecret;
  return teardown;
}
