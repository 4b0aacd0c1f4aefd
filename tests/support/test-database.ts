import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../src/store/prisma-client.js';
import { adminQuery, databaseUrl, TEMPLATE_DATABASE } from './template-database.js';

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named database on the test server, copied from the migrated template in
 * a few milliseconds, so every test file (or test) gets its own isolated data. Pass
 * `{ empty: true }` for a database without any schema (to test migrations themselves).
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `bloei_test_${randomUUID().replaceAll('-', '')}`;
  const template = opts.empty ? 'template0' : TEMPLATE_DATABASE;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = databaseUrl(adminUrl, name);
  const { prisma, close } = await createPrismaClient({ databaseUrl: url, dataDir: os.tmpdir() });
  return {
    url,
    prisma,
    async drop() {
      await close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
