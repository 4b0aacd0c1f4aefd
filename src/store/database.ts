/**
 * Bloei's database as the app uses it: the Prisma client (schema, migrations, the dashboard
 * and rare writes) and the SQL port the message pipeline runs its few statements on —
 * postgres.js on PostgreSQL, or the same embedded PGlite instance the Prisma client uses.
 */
import { applyMigrations } from './migrate.js';
import { createPrismaClient, type PrismaClient } from './prisma-client.js';
import { createPgliteSql } from './sql/pglite-sql.js';
import { createPostgresSql } from './sql/postgres-sql.js';
import type { SqlPool } from './sql/sql-client.js';

export interface Database {
  prisma: PrismaClient;
  sql: SqlPool;
  /** Migrations applied on opening (none when the database was up to date). */
  migrated: string[];
  close(): Promise<void>;
}

export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<Database> {
  const handle = await createPrismaClient(opts);
  let migrated: string[];
  try {
    migrated = await applyMigrations(handle.prisma);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const sql = handle.pglite ? createPgliteSql(handle.pglite) : createPostgresSql(opts.databaseUrl!);
  return {
    prisma: handle.prisma,
    sql,
    migrated,
    async close() {
      await sql.close();
      await handle.close();
    },
  };
}
