/**
 * Every route the dashboard registers — read from Fastify's own route table, the queue
 * board's included — requested by every kind of visitor, in every spelling a browser or an
 * attacker could send: plain, a %-encoded letter, mixed case, a double slash, dot segments, a
 * trailing slash and an encoded slash. Requests go over a real socket, byte for byte as
 * written (no client normalises them on the way).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/web/route-access.js';
import { consentNl, say, wijMatchStratum } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../support/test-web.js';

interface Answer {
  status: number;
  location: string | undefined;
  body: string;
}

interface Visitor {
  name: 'anonymous' | 'other-wijk verbinder' | 'wijk verbinder' | 'coordinator';
  cookie: string | null;
  csrf: string;
}

interface Walked extends Answer {
  visitor: Visitor;
  route: RouteEntry;
  spelling: string;
  path: string;
  toLogin: boolean;
}

const describeWalked = (w: Walked) =>
  `${w.visitor.name}: ${w.route.method} ${w.path} (${w.spelling}; ${w.route.access}) → ${w.status}`;

/** Different spellings of one concrete path. */
function spellings(path: string): Record<string, string> {
  const segments = path.split('/').slice(1);
  const encodeFirstLetter = (segment: string) =>
    segment.replace(/[a-z]/i, (c) => `%${c.charCodeAt(0).toString(16)}`);
  const last = segments.length - 1;
  return {
    plain: path,
    'encoded letter': `/${[encodeFirstLetter(segments[0]!), ...segments.slice(1)].join('/')}`,
    'encoded letter at the end': `/${[...segments.slice(0, last), encodeFirstLetter(segments[last]!)].join('/')}`,
    'mixed case': path.replace(/[a-z]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c)),
    'double slash': `/${path}`,
    'inner double slash': path.replace(/\/([^/]*)$/, '//$1'),
    'dot segments': `/x/..${path}`,
    'dot in place': path.replace(/\/([^/]*)$/, '/./$1'),
    'trailing slash': path.endsWith('/') ? path.slice(0, -1) || '/' : `${path}/`,
    'encoded slash': segments.length > 1 ? `/${segments.join('%2F')}` : `/%2F${segments[0]}`,
  };
}

describe('every route, every visitor, every spelling', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let port: number;
  const visitors: Visitor[] = [];
  const walk: Walked[] = [];
  let concrete: (route: RouteEntry) => string;

  /** One request over a socket; the path is sent exactly as given. */
  function send(
    method: string,
    path: string,
    visitor: Visitor,
    body?: { type: string; payload: string },
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: {
            ...(visitor.cookie ? { cookie: visitor.cookie } : {}),
            ...(body
              ? { 'content-type': body.type, 'content-length': Buffer.byteLength(body.payload) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              location: res.headers.location,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body?.payload);
    });
  }

  /**
   * What a state-changing request carries. Forms: the visitor's own valid CSRF token, sent
   * twice, so a request that is let through stops at the schema (400) and changes nothing;
   * one that is not must be refused before that. The queue board's JSON API needs no token.
   */
  const bodyFor = (route: RouteEntry, visitor: Visitor) =>
    route.url.startsWith('/queues/')
      ? { type: 'application/json', payload: '{}' }
      : {
          type: 'application/x-www-form-urlencoded',
          payload: new URLSearchParams([
            ['_csrf', visitor.csrf],
            ['_csrf', visitor.csrf],
          ]).toString(),
        };

  async function signIn(login: string): Promise<Omit<Visitor, 'name'>> {
    const response = await web.server.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ login, password: staffPassword }).toString(),
    });
    const cookie = `bloei_session=${response.cookies.find((c) => c.name === 'bloei_session')!.value}`;
    const page = await web.server.inject({ url: '/inbox', headers: { cookie } });
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { jobs: true });
    web = await createTestWeb(app, { jobs: true });
    port = (web.server.server.address() as { port: number }).port;
    const annaId = await addStaff(app, 'anna', { wijk: 'stratum' });
    await addStaff(app, 'bert', { wijk: 'centrum' });
    await addStaff(app, 'carla', { role: 'coordinator' });
    await say(app, 'resident-1', ...consentNl, ...wijMatchStratum);
    const handoff = await app.prisma.handoff.findFirstOrThrow({ where: { wijk: 'stratum' } });
    const values: Record<string, string> = {
      number: String(handoff.number),
      id: annaId,
      action: 'active',
      queueName: 'no-such-queue',
      queueStatus: 'failed',
      jobId: 'no-such-job',
      schedulerId: 'no-such-scheduler',
      '*': 'no-such-file.js',
    };
    concrete = (route) =>
      route.url.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => values[name ?? whole]!);
    /** What a route needs in its query string to show something rather than "not found". */
    const queries: Record<string, string> = { '/indicators.csv': '?table=subgoals' };
    visitors.push(
      { name: 'anonymous', cookie: null, csrf: 'no-session' },
      { name: 'other-wijk verbinder', ...(await signIn('bert')) },
      { name: 'wijk verbinder', ...(await signIn('anna')) },
      { name: 'coordinator', ...(await signIn('carla')) },
    );
    // One walk, then each test reads its part. One stream per visitor, side by side.
    await Promise.all(
      visitors.map(async (visitor) => {
        for (const route of web.server.routeTable) {
          const unsafe = !['GET', 'HEAD'].includes(route.method);
          // A form's token also in the query, twice, for the upload that reads it there.
          const search =
            unsafe && !route.url.startsWith('/queues/')
              ? `?${new URLSearchParams(bodyFor(route, visitor).payload).toString()}`
              : (queries[route.url] ?? '');
          for (const [spelling, path] of Object.entries(spellings(concrete(route)))) {
            const answer = await send(
              route.method,
              `${path}${search}`,
              visitor,
              unsafe ? bodyFor(route, visitor) : undefined,
            );
            const toLogin = answer.status === 303 && (answer.location ?? '').startsWith('/login');
            walk.push({ visitor, route, spelling, path, ...answer, toLogin });
          }
        }
      }),
    );
  }, 600_000);
  afterAll(async () => {
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('knows every route, and each declares who may reach it', () => {
    const table = web.server.routeTable;
    expect(table.filter((r) => r.access === undefined)).toEqual([]);
    const urls = table.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'GET /admin',
        'POST /admin/verbinders',
        'GET /queues',
        'GET /queues/static/*',
        'PUT /queues/api/queues/:queueName/obliterate',
        'GET /login',
        'GET /inbox/:number',
        'GET /parked',
        'POST /parked/:id/:action',
      ]),
    );
    for (const route of table.filter((r) => /^\/(admin|queues)(\/|$)/.test(r.url))) {
      expect(route.access, route.url).toBe('coordinator');
    }
    const walked = new Set(walk.map((w) => `${w.route.method} ${w.route.url}`));
    expect(walked.size).toBe(new Set(urls).size);
    expect(walk.length).toBe(table.length * visitors.length * 10);
  });

  it('sends an anonymous visitor to the login page for everything but sign-in and health', () => {
    const wrong = walk.filter(
      (w) => w.visitor.name === 'anonymous' && w.route.access !== 'public' && !w.toLogin,
    );
    expect(wrong.map(describeWalked)).toEqual([]);
  });

  it('never answers 200 to a wijk verbinder on a coordinator path or the queue board', () => {
    const coordinatorOnly = walk.filter(
      (w) => w.visitor.name === 'wijk verbinder' && w.route.access === 'coordinator',
    );
    expect(coordinatorOnly.length).toBeGreaterThan(30 * 10);
    expect(coordinatorOnly.filter((w) => w.route.url.startsWith('/queues')).length).toBeGreaterThan(
      0,
    );
    expect(coordinatorOnly.filter((w) => w.status === 200).map(describeWalked)).toEqual([]);
    expect(
      coordinatorOnly.filter((w) => ![403, 404].includes(w.status)).map(describeWalked),
    ).toEqual([]);
  });

  it("refuses a verbinder of another wijk the coordinator tools and that wijk's hand-off", () => {
    const other = walk.filter((w) => w.visitor.name === 'other-wijk verbinder');
    const wrong = other.filter(
      (w) =>
        (w.route.access === 'coordinator' && ![403, 404].includes(w.status)) ||
        (w.route.url.startsWith('/inbox/:number') && w.status < 300),
    );
    expect(wrong.map(describeWalked)).toEqual([]);
  });

  it('lets a coordinator in everywhere', () => {
    const refused = walk.filter((w) => w.visitor.name === 'coordinator' && w.status === 403);
    expect(refused.map(describeWalked)).toEqual([]);
  });

  it('answers the plain spelling of each route as the role allows', () => {
    const wrong = walk.filter((w) => {
      if (w.spelling !== 'plain' || !w.visitor.cookie || w.route.access === 'public') return false;
      const allowed = w.route.access === 'staff' || w.visitor.name === 'coordinator';
      if (!allowed) return w.status !== 403;
      // The queue board: its own answers for a queue that does not exist (404) or a bad body.
      if (w.route.url.startsWith('/queues')) return w.status === 403 || w.status >= 500;
      // A form let through stops at its schema (the token sent twice); a page is shown.
      const unsafe = !['GET', 'HEAD'].includes(w.route.method);
      if (unsafe) return w.status !== 400;
      return w.route.url.startsWith('/inbox/:number') && w.visitor.name === 'other-wijk verbinder'
        ? w.status !== 403
        : w.status >= 400;
    });
    expect(wrong.map(describeWalked)).toEqual([]);
  });

  it('shows nobody a server error or anything of the inside', async () => {
    const broken = walk.filter(
      (w) => w.status >= 500 || /prisma|invocation|\/src\/|\.ts:\d|node_modules/i.test(w.body),
    );
    expect(broken.map(describeWalked)).toEqual([]);
    expect(await app.prisma.verbinder.count()).toBe(3);
  });

  it('sends the pages’ strict policy everywhere, and the queue board a policy of its own', async () => {
    const carla = visitors.find((v) => v.name === 'coordinator')!;
    const headers = async (path: string) =>
      (await web.server.inject({ url: path, headers: { cookie: carla.cookie! } })).headers;
    for (const path of ['/inbox', '/login', '/admin', '/no-such-page']) {
      const h = await headers(path);
      expect(h['content-security-policy'], path).toBe(
        "default-src 'none';style-src 'self';img-src 'self' data:;form-action 'self';frame-ancestors 'none';base-uri 'none'",
      );
      expect(h['x-frame-options'], path).toBe('DENY');
      expect(h['referrer-policy'], path).toBe('same-origin');
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['strict-transport-security'], path).toMatch(/^max-age=\d+$/);
    }
    const board = await headers('/queues');
    expect(board['content-security-policy']).toContain("script-src 'self'");
    expect(board['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
    expect(board['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses the encoded way in that once made a verbinder a coordinator', async () => {
    const anna = visitors.find((v) => v.name === 'wijk verbinder')!;
    const form = new URLSearchParams({
      _csrf: anna.csrf,
      name: 'Mallory',
      role: 'coordinator',
      language: 'nl',
      login: 'mallory',
      password: 'a long enough password',
    }).toString();
    for (const path of [
      '/%61dmin/verbinders',
      '/admin/%76erbinders',
      '/%61%64%6d%69%6e/verbinders',
    ]) {
      const answer = await send('POST', path, anna, {
        type: 'application/x-www-form-urlencoded',
        payload: form,
      });
      expect(answer.status, path).toBe(403);
    }
    const board = await send('GET', '/%71ueues/api/queues', anna);
    expect(board.status).toBe(403);
    expect(await app.prisma.verbinder.count({ where: { name: 'Mallory' } })).toBe(0);
  });

  it("refuses a verbinder another wijk's hand-off, also when she acts on it", async () => {
    const bert = visitors.find((v) => v.name === 'other-wijk verbinder')!;
    const handoff = await app.prisma.handoff.findFirstOrThrow({ where: { wijk: 'stratum' } });
    const claim = await send('POST', `/inbox/${handoff.number}/claim`, bert, {
      type: 'application/x-www-form-urlencoded',
      payload: new URLSearchParams({ _csrf: bert.csrf }).toString(),
    });
    expect(claim.status).toBe(403);
    const after = await app.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    expect(after.status).toBe('open');
  });
});
