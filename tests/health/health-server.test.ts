import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { dependencyChecks, type DependencyChecks } from '../../src/health/dependency-checks.js';
import {
  startHealthServer,
  type HealthCheck,
  type HealthServer,
} from '../../src/health/health-server.js';
import { createPrismaClient } from '../../src/store/prisma-client.js';
import { freePort } from '../support/free-port.js';
import { startRedis } from '../support/start-redis.js';
import { silentLogger } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createStore } from '../../src/store/store.js';

describe(startHealthServer.name, () => {
  let db: TestDatabase;
  const opened: { server: HealthServer; dependencies?: DependencyChecks }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    for (const { server, dependencies } of opened.splice(0)) {
      await server.close();
      await dependencies?.close();
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function serve(checks: Record<string, HealthCheck>, checkTimeoutMs?: number) {
    const server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      checks,
      logger: silentLogger,
      ...(checkTimeoutMs ? { checkTimeoutMs } : {}),
    });
    opened.push({ server });
    return server;
  }

  async function serveDependencies(dependencies: DependencyChecks) {
    const server = await serve(dependencies.checks);
    opened.at(-1)!.dependencies = dependencies;
    return server;
  }

  async function get(server: HealthServer, path = '/healthz') {
    const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it('answers 200 {"status":"ok"} when PostgreSQL answers SELECT 1 and Redis answers PING', async () => {
    const server = await serveDependencies(
      dependencyChecks(createStore(db.prisma), inject('redisUrl')),
    );
    // The check's own Redis connection may still be connecting on a busy machine (503 then).
    await expect.poll(async () => (await get(server)).status, { timeout: 280_000 }).toBe(200);
    expect(await get(server)).toEqual({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok', redis: 'ok' } },
    });
  });

  it('answers 503 when Redis is unreachable, naming the failed check', async () => {
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    const server = await serveDependencies(dependencyChecks(createStore(db.prisma), nobody));
    expect(await get(server)).toEqual({
      status: 503,
      body: { status: 'unavailable', checks: { database: 'ok', redis: 'failed' } },
    });
  });

  it('turns to 503 when a Redis that answered goes away', async () => {
    const redis = await startRedis();
    try {
      const server = await serveDependencies(dependencyChecks(createStore(db.prisma), redis.url));
      expect((await get(server)).status).toBe(200);
      await redis.stop();
      const { status, body } = await get(server);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'unavailable', checks: { database: 'ok' } });
      expect((body as { checks: { redis: string } }).checks.redis).not.toBe('ok');
    } finally {
      await redis.stop();
    }
  });

  it('answers 503 when the database is unreachable', async () => {
    const unreachable = await createPrismaClient({
      databaseUrl: `postgresql://bloei:bloei@127.0.0.1:${await freePort()}/bloei`,
      dataDir: os.tmpdir(),
    });
    try {
      const server = await serveDependencies(
        dependencyChecks(createStore(unreachable.prisma), undefined),
      );
      expect(await get(server)).toEqual({
        status: 503,
        body: { status: 'unavailable', checks: { database: 'failed' } },
      });
    } finally {
      await unreachable.close();
    }
  });

  it('counts a check that does not answer in time as failed', async () => {
    const server = await serve({ hangs: () => new Promise(() => undefined) }, 100);
    const started = Date.now();
    expect(await get(server)).toEqual({
      status: 503,
      body: { status: 'unavailable', checks: { hangs: 'timeout' } },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers 503 "stopping" once the process is shutting down, whatever the checks say', async () => {
    const server = await serveDependencies(
      dependencyChecks(createStore(db.prisma), inject('redisUrl')),
    );
    server.stopping();
    expect(await get(server)).toEqual({ status: 503, body: { status: 'stopping' } });
  });

  it('serves nothing but GET /healthz', async () => {
    const server = await serve({ fine: async () => undefined });
    expect((await get(server, '/')).status).toBe(404);
    const post = await fetch(`http://127.0.0.1:${server.port}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
