import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { acquireDataDirLock } from './data-dir-lock.js';
import { PrismaClient, type Prisma } from './generated/client.js';

export type { PrismaClient };

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions['adapter']>;

export interface PrismaClientHandle {
  prisma: PrismaClient;
  /** The embedded database the client runs on, when there is no `databaseUrl`. */
  pglite?: PGlite;
  /** Disconnects the client and, for the embedded database, shuts PGlite down. */
  close(): Promise<void>;
}

/**
 * The Prisma client for Bloei's database. With a `databaseUrl` it talks to PostgreSQL through
 * `@prisma/adapter-pg` (the generated client has no query engine binary, so it needs a driver
 * adapter). Without one it opens an embedded, on-disk PGlite database in `<dataDir>/pglite`,
 * so a volunteer can try Bloei with no database server at all.
 *
 * PGlite caveats: one process per data directory (a lock file in it names the holder, and a
 * second process gets `DataDirLockedError` instead of a crash); the schema must be applied with
 * `applyMigrations` (`prisma migrate deploy` hangs on PGlite); a unique violation surfaces as
 * a raw `DriverAdapterError`, not as Prisma's `P2002`.
 */
export async function createPrismaClient(opts: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<PrismaClientHandle> {
  if (opts.databaseUrl) {
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: opts.databaseUrl }),
    });
    return { prisma, close: () => prisma.$disconnect() };
  }

  const directory = path.join(opts.dataDir, 'pglite');
  // Residents' personal data: readable by this user only, also when the directory existed.
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await chmod(directory, 0o700);
  const lock = acquireDataDirLock(opts.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(directory);
  } catch (error) {
    lock.release();
    throw error;
  }
  // pglite-prisma-adapter 0.6.1 is typed against @prisma/driver-adapter-utils 6.10, whose
  // `ArgType` changed shape by 6.19. The adapter never reads argTypes, so only types differ.
  const adapter = new PrismaPGlite(pglite) as unknown as AdapterFactory;
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    pglite,
    async close() {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        lock.release();
      }
    },
  };
}
