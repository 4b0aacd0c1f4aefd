/**
 * Keeping the kaart current, in the running app: the maintenance job puts offers nobody
 * checked for six months before the coordinators in their own chat, once, and not again
 * within 30 days. The clock is the test's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBloei } from '../cli/support/run-bloei.js';
import { say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const day = 24 * 60 * 60 * 1000;

describe('stale-offer nudges from the maintenance job', () => {
  let db: TestDatabase;
  let app: TestApp;
  const bloei = (argv: string[]) => runBloei(argv, { prisma: app.prisma, now: app.clock.now });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    const coordinator = await bloei([
      'verbinder',
      'add',
      '--name',
      'Carla',
      '--role',
      'coordinator',
    ]);
    const code = /One-time link code: (\S+)/.exec(coordinator.stdout)?.[1];
    expect(code, coordinator.stderr).toBeTruthy();
    await say(app, 'carla', code!);
    const header = 'name,wijk,interests,description,when,where,contact,languages';
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(await mkdtemp(join(tmpdir(), 'kaart-')), 'kaart.csv');
    await writeFile(
      path,
      [
        header,
        'Kookcafé Test,stratum,cooking,Samen koken.,dinsdag,Buurthuis,kook@example.org,nl',
      ].join('\n'),
    );
    const imported = await bloei(['kaart', 'import', path]);
    expect(imported.code, imported.stdout).toBe(0);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const nudgesToCarla = () =>
    app.channel.sent.filter((m) => m.userId === 'carla' && m.text.includes('Kookcafé Test'));

  it('says nothing while the offer is fresh, nudges after six months, then waits 30 days', async () => {
    expect((await app.maintenance()).staleOfferNudges).toBe(0);
    app.clock.advance(150 * day);
    expect((await app.maintenance()).staleOfferNudges).toBe(0);
    expect(nudgesToCarla()).toHaveLength(0);

    app.clock.advance(40 * day);
    expect((await app.maintenance()).staleOfferNudges).toBe(1);
    expect(nudgesToCarla()).toHaveLength(1);
    expect(nudgesToCarla()[0]!.text).toMatch(/Kookcafé Test/);

    app.clock.advance(10 * day);
    expect((await app.maintenance()).staleOfferNudges).toBe(0);
    expect(nudgesToCarla()).toHaveLength(1);

    const id = (await app.prisma.offer.findFirstOrThrow({ where: { name: 'Kookcafé Test' } })).id;
    expect((await bloei(['kaart', 'confirm', id])).stdout).toBe('Marked as still correct.\n');
    app.clock.advance(40 * day);
    expect((await app.maintenance()).staleOfferNudges).toBe(0);
    expect(nudgesToCarla()).toHaveLength(1);
  });
});

describe('the nudge texts', () => {
  it('exist in every language', async () => {
    const { loadLocales, flattenLocales } = await import('../../src/i18n/load-locales.js');
    const { staleNudgeKeys } = await import('../../src/kaart/stale-nudge-message.js');
    const table = flattenLocales(loadLocales());
    for (const [language, texts] of Object.entries(table)) {
      for (const key of staleNudgeKeys) expect(texts[key], `${language} ${key}`).toBeTruthy();
    }
  });
});
