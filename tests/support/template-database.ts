import os from 'node:os';
import pg from 'pg';
import { applyMigrations } from '../../src/store/migrate.js';
import { createPrismaClient } from '../../src/store/prisma-client.js';

/** The migrated database every test database is copied from. */
export const TEMPLATE_DATABASE = 'bloei_template';

/** `url` pointing at another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** Runs one statement on the server's `postgres` database (CREATE/DROP DATABASE). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates the template database and migrates it once, with `applyMigrations`, so that each
 * test database is a cheap file copy (`CREATE DATABASE … TEMPLATE`) instead of a migration.
 */
export async function createTemplateDatabase(adminUrl: string): Promise<void> {
  await adminQuery(adminUrl, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const { prisma, close } = await createPrismaClient({
    databaseUrl: databaseUrl(adminUrl, TEMPLATE_DATABASE),
    dataDir: os.tmpdir(),
  });
  try {
    await applyMigrations(prisma);
  } finally {
    // A template must have no open connections when it is copied.
    await close();
  }
}
