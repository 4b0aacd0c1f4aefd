/**
 * Opens Bloei's database ready for use: connected (PostgreSQL) or started (the embedded
 * PGlite, locked to this process), with every migration applied. The app gets the Prisma
 * client (schema, migrations, the dashboard and rare writes) and the SQL port the message
 * pipeline runs its few statements on — postgres.js on PostgreSQL, or the same embedded PGlite
 * instance the Prisma client uses. The first start of the embedded database creates it, which
 * takes half a minute or more: `progress` hears each step so a person at a terminal is never
 * left looking at a silent screen.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from './migrate.js';
import { createPrismaClient, type PrismaClient } from './prisma-client.js';
import { createPgliteSql } from './sql/pglite-sql.js';
import { createPostgresSql } from './sql/postgres-sql.js';
import type { SqlPool } from './sql/sql-client.js';

/** One step of getting the database ready, in the order they happen. */
export type DatabaseProgress =
  | { step: 'creating'; directory: string }
  | { step: 'created'; ms: number }
  | { step: 'migrating'; name: string; index: number; total: number }
  | { step: 'ready'; applied: string[] };

export interface OpenedDatabase {
  prisma: PrismaClient;
  /** The pipeline's SQL port. */
  sql: SqlPool;
  /** The migrations this start applied (none when the database was up to date). */
  applied: string[];
  close(): Promise<void>;
}

export async function openDatabase(
  config: { databaseUrl?: string | undefined; dataDir: string },
  progress: (event: DatabaseProgress) => void = () => {},
): Promise<OpenedDatabase> {
  const directory = path.join(config.dataDir, 'pglite');
  const creating = !config.databaseUrl && !existsSync(path.join(directory, 'PG_VERSION'));
  const startedAt = performance.now();
  if (creating) progress({ step: 'creating', directory });
  const handle = await createPrismaClient(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, dataDir: config.dataDir }
      : { dataDir: config.dataDir },
  );
  if (creating) progress({ step: 'created', ms: performance.now() - startedAt });
  let applied: string[];
  try {
    applied = await applyMigrations(handle.prisma, {
      onApply: (migration) => progress({ step: 'migrating', ...migration }),
    });
  } catch (error) {
    await handle.close();
    throw error;
  }
  progress({ step: 'ready', applied });
  const sql = handle.pglite
    ? createPgliteSql(handle.pglite)
    : createPostgresSql(config.databaseUrl!);
  return {
    prisma: handle.prisma,
    sql,
    applied,
    async close() {
      await sql.close();
      await handle.close();
    },
  };
}
