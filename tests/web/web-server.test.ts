import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentNl, say, wijMatchStratum } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../support/test-web.js';

/** A form post as a browser sends it. */
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

const withCookie = (cookie: string, fields: Record<string, string>) => {
  const { payload, headers } = form(fields);
  return { payload, headers: { ...headers, cookie } };
};

describe('staff web server', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  const cookies: Record<string, string> = {};

  /** Signs in through the form; returns the cookie header and the session's CSRF token. */
  async function signIn(login: string) {
    const response = await web.server.inject({
      method: 'POST',
      url: '/login',
      ...form({ login, password: staffPassword, next: '/inbox' }),
    });
    expect(response.statusCode).toBe(303);
    const cookie = response.cookies.find((c) => c.name === 'bloei_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    cookies[login] = `bloei_session=${cookie.value}`;
    const page = await web.server.inject({ url: '/inbox', headers: { cookie: cookies[login] } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    expect(csrf).toBeTruthy();
    return { cookie: cookies[login]!, csrf: csrf! };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    await addStaff(app, 'anna', { wijk: 'stratum' });
    await addStaff(app, 'bert', { wijk: 'centrum' });
    await addStaff(app, 'carla', { role: 'coordinator' });
    await addStaff(app, 'dirk', { wijk: 'centrum' });
    await say(app, 'resident-1', ...consentNl, ...wijMatchStratum);
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('sends anonymous requests to the login page and shows nothing personal', async () => {
    for (const url of [
      '/inbox',
      '/inbox/1',
      '/matches',
      '/talents',
      '/indicators',
      '/admin',
      '/queues',
    ]) {
      const response = await web.server.inject({ url });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
    const post = await web.server.inject({ method: 'POST', url: '/inbox/1/claim' });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe('/login');
    expect((await web.server.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });

  it('refuses a wrong password, and a login that keeps guessing', async () => {
    const wrong = await web.server.inject({
      method: 'POST',
      url: '/login',
      ...form({ login: 'anna', password: 'not the password' }),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Inlognaam of wachtwoord klopt niet.');
    for (let i = 0; i < 10; i++) {
      await web.server.inject({
        method: 'POST',
        url: '/login',
        ...form({ login: 'bert', password: `guess ${i}` }),
      });
    }
    const blocked = await web.server.inject({
      method: 'POST',
      url: '/login',
      ...form({ login: 'bert', password: staffPassword }),
    });
    expect(blocked.statusCode).toBe(429);
  });

  it('refuses a form without the session token (CSRF) and changes nothing', async () => {
    const { cookie: annaCookie } = await signIn('anna');
    const handoffBefore = await app.prisma.handoff.findFirstOrThrow();
    const asJson = await web.server.inject({
      method: 'POST',
      url: `/inbox/${handoffBefore.number}/claim`,
      headers: { cookie: annaCookie, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(asJson.statusCode).toBe(403);
    const { cookie, csrf } = await signIn('anna');
    const handoff = await app.prisma.handoff.findFirstOrThrow();
    const forged = await web.server.inject({
      method: 'POST',
      url: `/inbox/${handoff.number}/claim`,
      ...withCookie(cookie, { _csrf: 'x'.repeat(csrf.length) }),
    });
    expect(forged.statusCode).toBe(403);
    expect((await app.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe(
      'open',
    );
    const real = await web.server.inject({
      method: 'POST',
      url: `/inbox/${handoff.number}/claim`,
      ...withCookie(cookie, { _csrf: csrf }),
    });
    expect(real.statusCode).toBe(303);
    expect((await app.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe(
      'claimed',
    );
  });

  it('keeps a verbinder to their own wijk and coordinator tools to coordinators', async () => {
    const handoff = await app.prisma.handoff.findFirstOrThrow();
    const carla = await signIn('carla');
    const ok = await web.server.inject({
      url: `/inbox/${handoff.number}`,
      headers: { cookie: carla.cookie },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await web.server.inject({ url: '/admin', headers: { cookie: carla.cookie } })).statusCode,
    ).toBe(200);
    const anna = cookies['anna']!;
    expect((await web.server.inject({ url: '/admin', headers: { cookie: anna } })).statusCode).toBe(
      403,
    );
    expect(
      (await web.server.inject({ url: '/queues', headers: { cookie: anna } })).statusCode,
    ).toBe(403);
  });

  it('sends pages with security headers and escapes what residents wrote', async () => {
    await say(app, 'resident-2', ...consentNl, 'verbinder');
    const handoff = await app.prisma.handoff.findFirstOrThrow({ where: { wijk: null } });
    const { cookie } = await signIn('carla');
    await app.prisma.handoffNote.create({
      data: {
        handoffId: handoff.id,
        text: '<script>alert(1)</script>',
        createdAt: app.clock.now(),
      },
    });
    const page = await web.server.inject({ url: `/inbox/${handoff.number}`, headers: { cookie } });
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('finds talent profiles of consented residents in the own wijk only', async () => {
    const scan = [
      '1',
      'Van wandelen.',
      'Koken.',
      '1, 2',
      'Koken voor ouderen.',
      'Nederlands leren.',
      '2',
      '2',
      '3',
      'Stratum',
      '1',
      'nee',
    ];
    await say(app, 'resident-3', ...consentNl, ...scan);
    const anna = await signIn('anna');
    const found = await web.server.inject({
      url: '/talents?interest=cooking&q=ouderen',
      headers: { cookie: anna.cookie },
    });
    expect(found.body).toContain('Koken voor ouderen.');
    expect(found.body).toContain('1 inwoner met toestemming gevonden.');
    const other = await web.server.inject({
      url: '/talents?interest=music',
      headers: { cookie: anna.cookie },
    });
    expect(other.body).not.toContain('Koken voor ouderen.');
    const dirk = await web.server.inject({
      url: '/talents?wijk=stratum',
      headers: { cookie: (await signIn('dirk')).cookie },
    });
    expect(dirk.body).not.toContain('Koken voor ouderen.');
    await say(app, 'resident-3', 'stop');
    const stopped = await web.server.inject({ url: '/talents', headers: { cookie: anna.cookie } });
    expect(stopped.body).not.toContain('Koken voor ouderen.');
  });

  it('ends the session on logout', async () => {
    const { cookie, csrf } = await signIn('anna');
    const out = await web.server.inject({
      method: 'POST',
      url: '/logout',
      ...withCookie(cookie, { _csrf: csrf }),
    });
    expect(out.headers.location).toBe('/login');
    expect((await web.server.inject({ url: '/inbox', headers: { cookie } })).statusCode).toBe(303);
  });
});
