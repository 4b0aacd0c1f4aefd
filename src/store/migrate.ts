import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from './generated/client.js';
import { splitSqlStatements } from './split-sql-statements.js';

/** The committed migrations, `prisma/migrations/<timestamp>_<name>/migration.sql`. */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(
  new URL('../../prisma/migrations', import.meta.url),
);

/** The key `prisma migrate` locks with, so this never runs alongside the Prisma CLI. */
const PRISMA_MIGRATE_LOCK = 72707369;

// Prisma's own bookkeeping table, as `prisma migrate deploy` creates it.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface Migration {
  name: string;
  sql: string;
  /** What Prisma stores: the SHA-256 of migration.sql, in hex. */
  checksum: string;
}

/**
 * Applies the committed migrations that a database lacks, in order, and returns the names
 * it applied (none on a second run). Exists because `prisma migrate deploy` never exits on
 * the embedded PGlite database; it works on PostgreSQL too. Each migration runs in one
 * transaction and is recorded in `_prisma_migrations` exactly as Prisma records it, so
 * `prisma migrate deploy|status` later treat it as applied.
 */
export async function applyMigrations(
  prisma: PrismaClient,
  opts: {
    migrationsDir?: string;
    /** Called before each migration that is applied, for progress on a slow first start. */
    onApply?: (migration: { name: string; index: number; total: number }) => void;
  } = {},
): Promise<string[]> {
  const migrations = await readMigrations(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  // Usually every migration is there already: one query says so, not one transaction each.
  const done = await appliedNames(prisma);
  const missing = migrations.filter((m) => !done.has(m.name));
  const applied: string[] = [];
  for (const [index, migration] of missing.entries()) {
    opts.onApply?.({ name: migration.name, index, total: missing.length });
    const didApply = await prisma.$transaction(
      async (tx) => {
        // Serialise with other processes (and the Prisma CLI) before looking at the table.
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PRISMA_MIGRATE_LOCK})`);
        await tx.$executeRawUnsafe(CREATE_MIGRATIONS_TABLE);
        const records = await tx.$queryRawUnsafe<{ finished: boolean; rolledBack: boolean }[]>(
          `SELECT finished_at IS NOT NULL AS "finished", rolled_back_at IS NOT NULL AS "rolledBack"
           FROM "_prisma_migrations" WHERE migration_name = $1`,
          migration.name,
        );
        if (records.some((r) => r.finished && !r.rolledBack)) return false;
        if (records.some((r) => !r.finished && !r.rolledBack)) {
          throw new Error(
            `Migration ${migration.name} failed earlier; fix the database, then mark it with \`prisma migrate resolve\``,
          );
        }
        for (const statement of splitSqlStatements(migration.sql)) {
          await tx.$executeRawUnsafe(statement);
        }
        // started_at defaults to now(), the transaction's start; times come from the server
        // so that no client time zone is involved.
        await tx.$executeRawUnsafe(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, clock_timestamp(), 1)`,
          randomUUID(),
          migration.checksum,
          migration.name,
        );
        return true;
      },
      { maxWait: 30_000, timeout: 300_000 },
    );
    if (didApply) applied.push(migration.name);
  }
  return applied;
}

/** The migrations recorded as finished; none when the table does not exist yet. */
async function appliedNames(prisma: PrismaClient): Promise<Set<string>> {
  const [table] = await prisma.$queryRawUnsafe<{ exists: boolean }[]>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
  );
  if (!table?.exists) return new Set();
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name AS "name" FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(rows.map((r) => r.name));
}

async function readMigrations(migrationsDir: string): Promise<Migration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = await readFile(path.join(migrationsDir, name, 'migration.sql'));
      const checksum = createHash('sha256').update(file).digest('hex');
      return { name, sql: file.toString('utf8'), checksum };
    }),
  );
}
