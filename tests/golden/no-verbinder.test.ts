import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnreachedHandoffs } from '../../src/store/finders/inbox-finder.js';
import { playGolden, readGolden } from '../support/golden.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const dir = join(import.meta.dirname, 'no-verbinder');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/**
 * Nobody is linked (no verbinder for the wijk, no coordinator): residents who ask for a
 * person are told how to reach WIJeindhoven themselves, never that someone will call, and
 * the hand-off still waits in the dashboard's inbox.
 */
describe('golden conversations with nobody linked to receive a hand-off', () => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it.each(files)('%s', async (file) => {
    const path = join(dir, file);
    const userId = `no-verbinder-${file}`;
    const transcript = await playGolden(readGolden(path), app.handler, userId, app.clock);
    await expect(transcript).toMatchFileSnapshot(path);
    expect(transcript).toContain('040 - 238 68 00');
    const waiting = await app.prisma.handoff.findMany({
      where: { contact: { identities: { some: { externalId: userId } } }, ownerId: null },
    });
    expect(waiting).toHaveLength(1);
    expect(await findUnreachedHandoffs(app.prisma, null)).toContain(waiting[0]!.number);
  });
});
