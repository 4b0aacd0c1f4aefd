/**
 * Signing in: guesses are counted before the password is checked, in the database that every
 * web replica shares, per login and client, per client and per login; the client is the real
 * one behind a trusted proxy; where the browser goes afterwards stays on this site; and a
 * session ends when its password changes or its staff member is deactivated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStaffActive, setStaffPassword } from '../../src/staff/staff-auth.js';
import { LoginLimiter } from '../../src/web/login-limiter.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../support/test-web.js';

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe('signing in', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let replicas: [TestWeb, TestWeb];
  let proxied: TestWeb;
  let direct: TestWeb;

  const signIn = (
    server: TestWeb,
    login: string,
    password: string,
    extra: { remoteAddress?: string; headers?: Record<string, string>; next?: string } = {},
  ) =>
    server.server.inject({
      method: 'POST',
      url: '/login',
      ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
      headers: { ...form({}).headers, ...extra.headers },
      payload: form({ login, password, ...(extra.next ? { next: extra.next } : {}) }).payload,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    // Fewer tries than in production, so that fewer slow password checks make the point.
    const loginLimits = {
      perLoginAndClient: { points: 3, seconds: 900 },
      perClient: { points: 100, seconds: 3600 },
      perLogin: { points: 30, seconds: 60 },
    };
    replicas = [
      await createTestWeb(app, { loginLimits }),
      await createTestWeb(app, { loginLimits }),
    ];
    proxied = await createTestWeb(app, { trustProxy: ['127.0.0.1'], loginLimits });
    direct = await createTestWeb(app, { loginLimits });
    for (const login of ['erik', 'fenna', 'gijs', 'hanna', 'ivo', 'joke']) {
      await addStaff(app, login, { wijk: 'stratum' });
    }
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
    await Promise.all(replicas?.map((r) => r.close()) ?? []);
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('checks at most ten of sixty parallel wrong guesses, and still lets the person in from elsewhere', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        signIn(web, 'erik', `wrong guess ${i}`, { remoteAddress: '192.0.2.60' }),
      ),
    );
    const statuses = guesses.map((g) => g.statusCode);
    // 401 comes only after a password check; 429 before one.
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50);
    const refused = guesses.find((g) => g.statusCode === 429)!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain('Te veel mislukte pogingen');
    // The right password from the guessing address waits too …
    expect(
      (await signIn(web, 'erik', staffPassword, { remoteAddress: '192.0.2.60' })).statusCode,
    ).toBe(429);
    // … but nobody can lock Erik out of his own computer.
    expect(
      (await signIn(web, 'erik', staffPassword, { remoteAddress: '198.51.100.7' })).statusCode,
    ).toBe(303);
  }, 300_000);

  it('counts in the database, so guesses spread over two replicas add up', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await signIn(replicas[i % 2]!, 'fenna', `guess ${i}`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(await app.prisma.loginLimit.count()).toBeGreaterThan(0);
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    // Behind the proxy each client has its own count: Gijs' colleague is not locked out.
    for (let i = 0; i < 3; i++) {
      const answer = await signIn(proxied, 'gijs', `guess ${i}`, {
        headers: { 'x-forwarded-for': '203.0.113.5' },
      });
      expect(answer.statusCode).toBe(401);
    }
    const attacker = await signIn(proxied, 'gijs', staffPassword, {
      headers: { 'x-forwarded-for': '203.0.113.5' },
    });
    expect(attacker.statusCode).toBe(429);
    const gijs = await signIn(proxied, 'gijs', staffPassword, {
      headers: { 'x-forwarded-for': '203.0.113.99' },
    });
    expect(gijs.statusCode).toBe(303);
    // Without a trusted proxy the header is the client's own word, and is ignored.
    for (let i = 0; i < 3; i++) {
      await signIn(direct, 'hanna', `guess ${i}`, {
        remoteAddress: '192.0.2.61',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
    }
    const spoofed = await signIn(direct, 'hanna', staffPassword, {
      remoteAddress: '192.0.2.61',
      headers: { 'x-forwarded-for': '203.0.113.200' },
    });
    expect(spoofed.statusCode).toBe(429);
  });

  it('holds one address to its limit across many login names, and one name across many addresses', async () => {
    const limiter = new LoginLimiter(app.prisma, {
      perLoginAndClient: { points: 3, seconds: 600 },
      perClient: { points: 5, seconds: 600 },
      perLogin: { points: 4, seconds: 600 },
    });
    const spray = [];
    for (let i = 0; i < 7; i++)
      spray.push((await limiter.attempt(`spray-${i}`, '192.0.2.9')).allowed);
    expect(spray).toEqual([true, true, true, true, true, false, false]);
    const spread = [];
    for (let i = 0; i < 6; i++)
      spread.push((await limiter.attempt('kees-unit', `198.51.100.${i}`)).allowed);
    expect(spread).toEqual([true, true, true, true, false, false]);
    // A correct password does not count against anyone.
    const ok = new LoginLimiter(app.prisma, {
      perLoginAndClient: { points: 2, seconds: 600 },
      perClient: { points: 2, seconds: 600 },
      perLogin: { points: 2, seconds: 600 },
    });
    for (let i = 0; i < 5; i++) {
      expect((await ok.attempt('lies-unit', '192.0.2.77')).allowed).toBe(true);
      await ok.succeeded('lies-unit', '192.0.2.77');
    }
  });

  it('goes back only to a page of this site after signing in', async () => {
    /** Where the browser is sent; null when the form is refused outright (a control character). */
    const landing = async (next: string) => {
      const answer = await signIn(web, 'joke', staffPassword, {
        remoteAddress: '192.0.2.80',
        next,
      });
      return answer.statusCode === 400 ? null : answer.headers.location;
    };
    expect(await landing('/matches?wijk=stratum')).toBe('/matches?wijk=stratum');
    for (const evil of [
      '/\t/evil.example',
      '/%09/evil.example',
      '//evil.example',
      '/\\evil.example',
      '/.//evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '\t//evil.example',
    ]) {
      const location = await landing(evil);
      if (location === null) continue;
      expect(location, evil).toMatch(/^\/(?![/\\])/);
      expect(new URL(location!, 'https://bloei.test').host, evil).toBe('bloei.test');
    }
    expect(await landing('/\t/evil.example')).toBeNull();
    // The form carries `next` from the query string, decoded: `%09` is a tab, refused.
    const page = await web.server.inject({ url: '/login?next=//evil.example' });
    expect(page.body).toContain('name="next" value="/inbox"');
    const tab = await web.server.inject({ url: '/login?next=/%09/evil.example' });
    expect(tab.statusCode).toBe(400);
  });

  it('ends every session of a staff member whose password changes or who is deactivated', async () => {
    const ivo = await app.prisma.verbinder.findFirstOrThrow({ where: { login: 'ivo' } });
    const session = async () => {
      const answer = await signIn(web, 'ivo', staffPassword, { remoteAddress: '192.0.2.90' });
      return `bloei_session=${answer.cookies.find((c) => c.name === 'bloei_session')!.value}`;
    };
    const inbox = (cookie: string) =>
      web.server.inject({ url: '/inbox', headers: { cookie } }).then((r) => r.statusCode);
    const [first, second] = [await session(), await session()];
    expect([await inbox(first), await inbox(second)]).toEqual([200, 200]);
    await setStaffPassword(app.store, ivo.id, 'ivo', staffPassword);
    expect([await inbox(first), await inbox(second)]).toEqual([303, 303]);
    expect(await app.prisma.staffSession.count({ where: { staffId: ivo.id } })).toBe(0);

    const third = await session();
    expect(await inbox(third)).toBe(200);
    await setStaffActive(app.store, ivo.id, false);
    expect(await inbox(third)).toBe(303);
    expect(await app.prisma.staffSession.count({ where: { staffId: ivo.id } })).toBe(0);
  });
});
