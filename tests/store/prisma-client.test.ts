import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrate.js';
import { createPrismaClient } from '../../src/store/prisma-client.js';
import { createTestDatabase } from '../support/test-database.js';

describe.concurrent(createPrismaClient.name, () => {
  it('talks to PostgreSQL through the pg adapter: relations, JSON and text arrays', async () => {
    const db = await createTestDatabase();
    try {
      const contact = await db.prisma.contact.create({
        data: {
          firstName: 'Joost',
          identities: { create: { channel: 'telegram', externalId: '42' } },
          conversations: {
            create: { identityKey: 'h:telegram:42', state: { step: 'ask-name', n: 1 } },
          },
          talentProfiles: {
            create: {
              runId: 'run-1',
              interests: ['koken', 'tuinieren'],
              directions: [],
              completedAt: new Date('2025-03-01T10:00:00Z'),
            },
          },
        },
      });

      const read = await db.prisma.contact.findUniqueOrThrow({
        where: { id: contact.id },
        include: { identities: true, conversations: true, talentProfiles: true },
      });
      expect(read.identities).toMatchObject([{ channel: 'telegram', externalId: '42' }]);
      expect(read.conversations[0]?.state).toEqual({ step: 'ask-name', n: 1 });
      expect(read.talentProfiles[0]).toMatchObject({
        interests: ['koken', 'tuinieren'],
        directions: [],
        completedAt: new Date('2025-03-01T10:00:00Z'),
      });
      await expect(
        db.prisma.channelIdentity.create({
          data: { channel: 'telegram', externalId: '42', contactId: contact.id },
        }),
      ).rejects.toMatchObject({ code: 'P2002' });
    } finally {
      await db.drop();
    }
  });

  it('without a database URL, keeps an embedded PGlite database on disk, private to the user', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloei-pglite-'));
    try {
      const first = await createPrismaClient({ dataDir });
      await applyMigrations(first.prisma);
      const { id } = await first.prisma.contact.create({ data: { firstName: 'Anouk' } });
      await first.close();

      expect((await stat(path.join(dataDir, 'pglite'))).mode & 0o777).toBe(0o700);

      const second = await createPrismaClient({ dataDir });
      try {
        const read = await second.prisma.contact.findUnique({ where: { id } });
        expect(read?.firstName).toBe('Anouk');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
