import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from '../../src/store/migrate.js';
import { createPrismaClient, type PrismaClient } from '../../src/store/prisma-client.js';
import { createTestDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRISMA_CLI = path.join(ROOT, 'node_modules', '.bin', 'prisma');

/**
 * Runs the real Prisma CLI (prisma.config.ts, the migration adapter) against one database.
 * `migrate deploy` lingers ~10 s after it is done: the wasm schema engine leaves a 10 s timer.
 */
async function prisma(args: string[], databaseUrl: string): Promise<string> {
  const { stdout, stderr } = await run(PRISMA_CLI, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: '1' },
    timeout: 280_000,
  });
  return stdout + stderr;
}

async function committedMigrations(): Promise<string[]> {
  const entries = await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function publicTables(client: PrismaClient): Promise<string[]> {
  const rows = await client.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name::text AS name FROM information_schema.tables
     WHERE table_schema = 'public' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/** Every model in the schema is a table the migrations must create. */
const MODEL_TABLES = [
  ...readFileSync(path.join(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8').matchAll(
    /^model (\w+) \{/gm,
  ),
]
  .map((m) => m[1]!)
  .sort();

// Concurrent: the CLI test mostly waits, the PGlite test mostly computes.
// The CLI needs seconds per command, more on a busy machine.
describe.concurrent(
  'prisma migrate (the CLI, through prisma.config.ts)',
  { timeout: 300_000 },
  () => {
    it('deploys every migration to a fresh database, and status then reports it up to date', async () => {
      const db = await createTestDatabase({ empty: true });
      try {
        expect(await publicTables(db.prisma)).toEqual([]);

        const deployed = await prisma(['migrate', 'deploy'], db.url);
        expect(deployed).toContain('All migrations have been successfully applied');
        expect(await publicTables(db.prisma)).toEqual(
          [...MODEL_TABLES, '_prisma_migrations'].sort(),
        );

        const status = await prisma(['migrate', 'status'], db.url);
        expect(status).toContain('Database schema is up to date');
        // And applyMigrations reads what the CLI recorded.
        expect(await applyMigrations(db.prisma)).toEqual([]);
      } finally {
        await db.drop();
      }
    });

    it('sees migrations recorded by applyMigrations as applied', async () => {
      const db = await createTestDatabase(); // a copy of the template, migrated by applyMigrations
      try {
        expect(await prisma(['migrate', 'status'], db.url)).toContain(
          'Database schema is up to date',
        );
      } finally {
        await db.drop();
      }
    });
  },
);

describe.concurrent(applyMigrations.name, () => {
  it('migrates an embedded PGlite database once, recording it as Prisma does', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloei-migrate-'));
    const { prisma: client, close } = await createPrismaClient({ dataDir });
    try {
      const migrations = await committedMigrations();
      expect(migrations.length).toBeGreaterThan(0);
      expect(await applyMigrations(client)).toEqual(migrations);
      expect(await applyMigrations(client)).toEqual([]);

      expect(await publicTables(client)).toEqual([...MODEL_TABLES, '_prisma_migrations'].sort());
      const records = await client.$queryRawUnsafe<
        { migration_name: string; checksum: string; applied_steps_count: number; done: boolean }[]
      >(
        `SELECT migration_name, checksum, applied_steps_count,
                finished_at >= started_at AND rolled_back_at IS NULL AS done
         FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      const checksums = await Promise.all(
        migrations.map(async (name) =>
          createHash('sha256')
            .update(await readFile(path.join(DEFAULT_MIGRATIONS_DIR, name, 'migration.sql')))
            .digest('hex'),
        ),
      );
      expect(records).toEqual(
        migrations.map((name, i) => ({
          migration_name: name,
          checksum: checksums[i],
          applied_steps_count: 1,
          done: true,
        })),
      );

      const created = await client.contact.create({
        data: { firstName: 'Fatma', wijk: 'Woensel' },
      });
      const read = await client.contact.findUniqueOrThrow({ where: { id: created.id } });
      expect(read).toMatchObject({
        firstName: 'Fatma',
        wijk: 'Woensel',
        language: 'nl',
        status: 'active',
      });
    } finally {
      await close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('rolls a failing migration back whole and does not record it', async () => {
    const db = await createTestDatabase({ empty: true });
    const migrationsDir = await mkdtemp(path.join(os.tmpdir(), 'bloei-migrations-'));
    try {
      await mkdir(path.join(migrationsDir, '1_broken'));
      await writeFile(
        path.join(migrationsDir, '1_broken', 'migration.sql'),
        'CREATE TABLE "Kept" ("id" TEXT);\nSELECT * FROM "Missing";\n',
      );
      await expect(applyMigrations(db.prisma, { migrationsDir })).rejects.toThrow(/Missing/);

      expect(await publicTables(db.prisma)).toEqual([]);
    } finally {
      await db.drop();
      await rm(migrationsDir, { recursive: true, force: true });
    }
  });
});
