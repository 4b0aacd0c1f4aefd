/**
 * Which sign-ups leave for the registration system: residents whose latest word on
 * registration is yes, never test residents, in the wijk and period asked, each under its own
 * id so a second export updates rows instead of adding them. Residents sign up through the
 * real pipeline; the rest (a withdrawn consent, a test resident's channel, a wijk) is set on
 * the database as the dashboard would find it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSignUpRows, type ExportFilter } from '../../../src/store/finders/export-finder.js';
import { consentNl, say, wijMatchStratum } from '../../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe(findSignUpRows.name, () => {
  let db: TestDatabase;
  let app: TestApp;
  const contactOf = async (userId: string) =>
    (await app.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: userId } }))
      .contactId;
  const around = (wijk: string | null): ExportFilter => {
    const now = app.clock.now().getTime();
    return {
      period: { gte: new Date(now - 86_400_000), lt: new Date(now + 86_400_000) },
      wijk,
    };
  };
  const residents = async (filter: ExportFilter) =>
    (await findSignUpRows(app.prisma, filter)).map((r) => r.resident.id).sort();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    for (const userId of ['kept', 'withdrew', 'tester', 'centrum']) {
      await say(app, userId, ...consentNl, ...wijMatchStratum);
    }
    // Said no to registration later: the latest word counts.
    await app.prisma.consentRecord.create({
      data: {
        contactId: await contactOf('withdrew'),
        purpose: 'registration',
        textVersion: 1,
        granted: false,
        recordedAt: new Date(app.clock.now().getTime() + 1000),
      },
    });
    // Staff trying Bloei in the browser chat on the test channel.
    await app.prisma.channelIdentity.updateMany({
      where: { externalId: 'tester' },
      data: { channel: 'webchat' },
    });
    await app.prisma.signUp.updateMany({
      where: { contactId: await contactOf('centrum') },
      data: { wijk: 'centrum' },
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('exports only residents who consented to registration, never a test resident', async () => {
    expect(await residents(around(null))).toEqual(
      [await contactOf('kept'), await contactOf('centrum')].sort(),
    );
  });

  it('keeps to the wijk and the period asked', async () => {
    expect(await residents(around('stratum'))).toEqual([await contactOf('kept')]);
    expect(await residents(around('gestel'))).toEqual([]);
    const later = around(null);
    const day = 86_400_000;
    const after = {
      ...later,
      period: {
        gte: new Date(later.period.lt.getTime()),
        lt: new Date(later.period.lt.getTime() + day),
      },
    };
    expect(await residents(after)).toEqual([]);
  });

  it('gives each row the sign-up’s own id, the same in every export', async () => {
    const first = await findSignUpRows(app.prisma, around(null));
    const again = await findSignUpRows(app.prisma, around(null));
    expect(again.map((r) => r.id)).toEqual(first.map((r) => r.id));
    const signUp = await app.prisma.signUp.findFirstOrThrow({
      where: { contactId: await contactOf('kept') },
    });
    expect(first.find((r) => r.resident.id === signUp.contactId)).toMatchObject({
      id: signUp.id,
      kind: 'offer',
      wijk: 'stratum',
      status: 'open',
    });
  });
});
