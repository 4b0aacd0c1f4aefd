import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateStaff } from '../../src/staff/staff-auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../support/test-web.js';

const cohortCsv = [
  'first_name,channel,address,language,wijk,training,cohort,start_date,end_date,ladder_start',
  'Sam,telegram,9001,nl,stratum,De Wijk Werkt!,DWW najaar 2025,2025-09-01,2025-11-28,2',
  'Noor,telegram,9002,en,gestel,De Wijk Werkt!,DWW najaar 2025,2025-09-01,2025-11-28,3',
].join('\n');

describe('coordinator tools', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let session: { cookie: string; csrf: string };

  const post = (url: string, fields: Record<string, string>, cookie = session.cookie) =>
    web.server.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { jobs: true });
    web = await createTestWeb(app, { jobs: true });
    await addStaff(app, 'carla', { role: 'coordinator' });
    const login = await web.server.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ login: 'carla', password: staffPassword }).toString(),
    });
    const cookie = `bloei_session=${login.cookies.find((c) => c.name === 'bloei_session')!.value}`;
    const page = await web.server.inject({ url: '/admin', headers: { cookie } });
    session = { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('imports a cohort only after showing the validation report', async () => {
    const boundary = '----bloei';
    const upload = (csv: string) =>
      web.server.inject({
        method: 'POST',
        url: `/admin/cohorts/preview?_csrf=${session.csrf}`,
        headers: {
          cookie: session.cookie,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: [
          `--${boundary}`,
          'Content-Disposition: form-data; name="csv"; filename="cohort.csv"',
          'Content-Type: text/csv',
          '',
          csv,
          `--${boundary}--`,
          '',
        ].join('\r\n'),
      });
    const broken = await upload(cohortCsv.replace('stratum', 'atlantis'));
    expect(broken.statusCode).toBe(200);
    expect(broken.body).toContain('1 probleem gevonden; er is niets opgeslagen:');
    expect(broken.body).not.toContain('Importeer');

    const preview = await upload(cohortCsv);
    expect(preview.body).toContain('2 nieuwe inschrijvingen met een follow-up na een jaar');
    expect(await app.prisma.enrolment.count()).toBe(0);
    const csv = /<textarea name="csv"[^>]*>([\s\S]*?)<\/textarea>/.exec(preview.body)![1]!;
    const confirmed = await post('/admin/cohorts/import', {
      csv: csv
        .replace(/&amp;/g, '&')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    });
    expect(confirmed.body).toContain('Geïmporteerd');
    expect(await app.prisma.enrolment.count()).toBe(2);
    expect(await app.prisma.followUp.count()).toBe(2);
  });

  it('adds a verbinder with a dashboard login and a one-time chat link code', async () => {
    const added = await post('/admin/verbinders', {
      name: 'Dewi',
      role: 'verbinder',
      wijk: 'gestel',
      language: 'tr',
      speaks_ar: 'yes',
      speaks_en: 'yes',
      speaks_tr: 'yes',
      login: 'dewi',
      password: 'een lang genoeg wachtwoord',
    });
    expect(added.statusCode).toBe(200);
    // The languages she speaks besides the one Bloei writes to her in.
    expect(
      (await app.prisma.verbinder.findFirstOrThrow({ where: { login: 'dewi' } })).languages.sort(),
    ).toEqual(['ar', 'en']);
    expect(added.body).toMatch(/<code id="link-code">BLOEI-[A-Z0-9]{4}-[A-Z0-9]{4}<\/code>/);
    expect(await authenticateStaff(app.store, 'dewi', 'een lang genoeg wachtwoord')).toMatchObject({
      name: 'Dewi',
      role: 'verbinder',
      wijkId: 'gestel',
    });
    const weak = await post('/admin/verbinders', {
      name: 'Eef',
      wijk: 'gestel',
      login: 'eef',
      password: 'kort',
    });
    expect(weak.statusCode).toBe(400);
    expect(await app.prisma.verbinder.count({ where: { name: 'Eef' } })).toBe(0);
  });

  it('deactivates a verbinder, which ends their sessions at once', async () => {
    const dewi = await app.prisma.verbinder.findFirstOrThrow({ where: { login: 'dewi' } });
    const login = await web.server.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        login: 'dewi',
        password: 'een lang genoeg wachtwoord',
      }).toString(),
    });
    const cookie = `bloei_session=${login.cookies.find((c) => c.name === 'bloei_session')!.value}`;
    const inbox = await web.server.inject({ url: '/inbox', headers: { cookie } });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.headers['content-type']).toContain('text/html');
    expect(inbox.body).toContain('<html lang="tr"');
    await post(`/admin/verbinders/${dewi.id}/active`, { active: 'no' });
    expect((await web.server.inject({ url: '/inbox', headers: { cookie } })).statusCode).toBe(303);
  });

  it('adds and renames wijken', async () => {
    expect((await post('/admin/wijken', { id: 'de-hurk', name: 'De Hurk' })).statusCode).toBe(200);
    expect((await post('/admin/wijken', { id: 'Not Valid!', name: 'x' })).statusCode).toBe(400);
    await post('/admin/wijken/de-hurk', { name: 'Hurk' });
    expect(await app.prisma.wijk.findUnique({ where: { id: 'de-hurk' } })).toMatchObject({
      name: 'Hurk',
      active: true,
    });
  });

  it('shows the queue dashboard to a coordinator', async () => {
    const board = await web.server.inject({ url: '/queues', headers: { cookie: session.cookie } });
    expect(board.statusCode).toBe(200);
    const api = await web.server.inject({
      url: '/queues/api/queues',
      headers: { cookie: session.cookie },
    });
    expect(api.statusCode).toBe(200);
    const names = (api.json() as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names.sort()).toEqual(['followups-telegram', 'followups-whatsapp', 'maintenance']);
  });
});
