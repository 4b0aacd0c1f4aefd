/**
 * The schedule on the dashboard: the same messages as `schedule list`, in Amsterdam time,
 * kind and channel in words, the resident by name and wijk, filtered by day and kind; for
 * coordinators only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentNl, say } from '../../../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.js';
import { runBloei } from '../../../cli/support/run-bloei.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../../../support/test-web.js';

describe('the schedule on the dashboard', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let contactId: string;
  const cookies: Record<string, string> = {};

  const signIn = async (login: string) => {
    const response = await web.server.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ login, password: staffPassword }).toString(),
    });
    return `bloei_session=${response.cookies.find((c) => c.name === 'bloei_session')!.value}`;
  };
  const get = (url: string, who = 'carla') =>
    web.server.inject({ url, headers: { cookie: cookies[who]! } });
  const rows = (body: string) =>
    [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.trim()))
      .filter((cells) => cells.length > 0);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    await addStaff(app, 'carla', { role: 'coordinator' });
    await addStaff(app, 'anna', { wijk: 'stratum' });
    cookies.carla = await signIn('carla');
    cookies.anna = await signIn('anna');
    await say(app, 'sched-1', ...consentNl);
    ({ contactId } = await app.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'simulator', externalId: 'sched-1' } },
    }));
    await app.prisma.contact.update({
      where: { id: contactId },
      data: { firstName: 'Fatima', wijk: 'stratum' },
    });
    // Saturday 28 March 2026 10:00 CET, and Monday 30 March 10:00 CEST (after the change).
    await app.store.scheduled.scheduleFor(contactId, {
      kind: 'scanCheckUp',
      subject: 'run:a',
      dueAt: new Date('2026-03-28T09:00:00Z'),
    });
    await app.store.scheduled.scheduleFor(contactId, {
      kind: 'matchCheckUp',
      subject: 'match:m:P7D',
      dueAt: new Date('2026-03-30T08:00:00Z'),
    });
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('lists what the CLI lists, in words', async () => {
    const page = await get('/schedule');
    expect(page.statusCode).toBe(200);
    expect(rows(page.body)).toEqual([
      [
        '2026-03-28 10:00',
        'Check-up na de talentenscan',
        'de testchat op de computer',
        `Fatima uit Stratum <small>${contactId}</small>`,
      ],
      [
        '2026-03-30 10:00',
        'Check-up van een WIJ match',
        'de testchat op de computer',
        `Fatima uit Stratum <small>${contactId}</small>`,
      ],
    ]);
    const cli = await runBloei(['schedule', 'list'], { prisma: app.prisma });
    expect(
      cli.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, 16)),
    ).toEqual(rows(page.body).map((r) => r[0]));
  });

  it('filters by day and kind, and says so in words when a date is wrong', async () => {
    expect(rows((await get('/schedule?from=2026-03-29')).body).map((r) => r[0])).toEqual([
      '2026-03-30 10:00',
    ]);
    expect(rows((await get('/schedule?to=2026-03-28')).body).map((r) => r[0])).toEqual([
      '2026-03-28 10:00',
    ]);
    expect(rows((await get('/schedule?kind=matchCheckUp')).body).map((r) => r[1])).toEqual([
      'Check-up van een WIJ match',
    ]);
    const wrong = await get('/schedule?from=28-03-2026');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Vul de datums in als jjjj-mm-dd.');
  });

  it('is for coordinators only', async () => {
    expect((await get('/schedule', 'anna')).statusCode).toBe(403);
    expect((await get('/%73chedule', 'anna')).statusCode).not.toBe(200);
  });
});
