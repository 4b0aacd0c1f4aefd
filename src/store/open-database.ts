/**
 * Opens Bloei's database ready for use: connected (PostgreSQL) or started (the embedded
 * PGlite, locked to this process), with every migration applied. The first start of the
 * embedded database creates it, which takes half a minute or more: `progress` hears each
 * step so a person at a terminal is never left looking at a silent screen.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from './migrate.js';
import { createPrismaClient, type PrismaClientHandle } from './prisma-client.js';

/** One step of getting the database ready, in the order they happen. */
export type DatabaseProgress =
  | { step: 'creating'; directory: string }
  | { step: 'created'; ms: number }
  | { step: 'migrating'; name: string; index: number; total: number }
  | { step: 'ready'; applied: string[] };

export interface OpenedDatabase extends PrismaClientHandle {
  /** The migrations this start applied (none when the database was up to date). */
  applied: string[];
}

export async function openDatabase(
  config: { databaseUrl?: string | undefined; dataDir: string },
  progress: (event: DatabaseProgress) => void = () => {},
): Promise<OpenedDatabase> {
  const directory = path.join(config.dataDir, 'pglite');
  const creating = !config.databaseUrl && !existsSync(path.join(directory, 'PG_VERSION'));
  const startedAt = performance.now();
  if (creating) progress({ step: 'creating', directory });
  const database = await createPrismaClient(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, dataDir: config.dataDir }
      : { dataDir: config.dataDir },
  );
  if (creating) progress({ step: 'created', ms: performance.now() - startedAt });
  try {
    const applied = await applyMigrations(database.prisma, {
      onApply: (migration) => progress({ step: 'migrating', ...migration }),
    });
    progress({ step: 'ready', applied });
    return { ...database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}
