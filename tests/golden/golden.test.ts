import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkCoordinator, playGolden, readGolden } from '../support/golden.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { databaseExpectations } from './expectations.js';

const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('golden conversations', () => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    await linkCoordinator(app.prisma);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('has golden files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', async (file) => {
    const path = join(dir, file);
    const script = readGolden(path);
    const userId = `golden-${file}`;
    const transcript = await playGolden(script, app.handler, userId, app.clock);
    await expect(transcript).toMatchFileSnapshot(path);
    const expectation = databaseExpectations[file];
    if (expectation) await expectation(app.prisma, 'simulator', userId);
  });

  it('every golden file has database expectations', () => {
    expect(files.filter((f) => !databaseExpectations[f])).toEqual([]);
  });
});
