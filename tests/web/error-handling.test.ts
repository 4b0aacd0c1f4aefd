/**
 * What a person sees when something is wrong, and what the log keeps. A failure inside a
 * route (here: the database failing under the inbox and the admin page) reaches the one error
 * handler; a malformed query string or form on any route is a 400 page; neither shows a stack,
 * a file path or a database message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/conversations/ports.js';
import type { PrismaClient } from '../../src/store/prisma-client.js';
import { consentNl, say, wijMatchStratum } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../support/test-web.js';

/** What must never reach a browser. */
const internals = /prisma|invocation|\/work\/|\/src\/|node_modules|\.ts:\d|\bat \w+ \(|stack/i;

/** The app's client, except that these model methods fail the way a database error does. */
function failingOn(prisma: PrismaClient, failing: Record<string, string[]>): PrismaClient {
  const fail = (model: string, method: string) => async () => {
    throw new Error(
      `\nInvalid \`prisma.${model}.${method}()\` invocation in\n/work/src/web/x.ts:12:3\n\n{ name: "Anna de Vries" }`,
    );
  };
  const bind = (target: object, prop: string | symbol) => {
    const value: unknown = Reflect.get(target, prop);
    return typeof value === 'function' ? value.bind(target) : value;
  };
  return new Proxy(prisma, {
    get: (target, prop) => {
      const methods = typeof prop === 'string' ? failing[prop] : undefined;
      if (!methods) return bind(target, prop);
      const model = Reflect.get(target, prop) as object;
      return new Proxy(model, {
        get: (m, method) =>
          typeof method === 'string' && methods.includes(method)
            ? fail(String(prop), method)
            : bind(m, method),
      });
    },
  });
}

describe('errors in the dashboard', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let broken: TestWeb;
  const logged: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const record = (level: string) => (fields: object, message?: string) =>
    void logged.push({ level, fields: fields as Record<string, unknown>, message: message ?? '' });
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: record('warn'),
    error: record('error'),
  };

  async function signIn(server: TestWeb, login: string): Promise<string> {
    const response = await server.server.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ login, password: staffPassword }).toString(),
    });
    return `bloei_session=${response.cookies.find((c) => c.name === 'bloei_session')!.value}`;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app, { logger });
    broken = await createTestWeb(app, {
      logger,
      prisma: failingOn(app.prisma, { handoff: ['findMany'], verbinder: ['findMany'] }),
    });
    await addStaff(app, 'anna', { wijk: 'stratum' });
    await addStaff(app, 'cem', { role: 'coordinator', language: 'tr' });
    await say(app, 'resident-1', ...consentNl, ...wijMatchStratum);
  });
  afterAll(async () => {
    await broken?.close();
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('shows a failure inside a route as a page with the request id, and logs it with that id', async () => {
    const cookie = await signIn(broken, 'anna');
    const page = await broken.server.inject({ url: '/inbox', headers: { cookie } });
    expect(page.statusCode).toBe(500);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Er ging iets mis');
    expect(page.body).not.toMatch(internals);
    expect(page.body).not.toContain('Anna de Vries');
    const id = /coördinator: ([0-9a-f-]{36})/.exec(page.body)?.[1];
    expect(id).toBeDefined();
    const entry = logged.find(
      (l) => l.message === 'web request failed' && l.fields['reqId'] === id,
    );
    expect(entry).toMatchObject({ level: 'error', fields: { route: '/inbox', method: 'GET' } });
    // The log says where, never what the query held.
    expect(JSON.stringify(entry)).not.toContain('Anna de Vries');
    expect(String((entry!.fields['frames'] as string[])[0])).toMatch(/^at /);
  });

  it('does the same in the coordinator scope, in the coordinator’s own language', async () => {
    const cookie = await signIn(broken, 'cem');
    const page = await broken.server.inject({ url: '/admin', headers: { cookie } });
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('<html lang="tr"');
    expect(page.body).toContain('Bir şeyler ters gitti');
    expect(page.body).not.toMatch(internals);
    const id = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(page.body)![1];
    expect(logged.some((l) => l.fields['reqId'] === id && l.fields['route'] === '/admin')).toBe(
      true,
    );
  });

  it('gives each request its own unguessable id, never one the client chose', async () => {
    const cookie = await signIn(broken, 'anna');
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const page = await broken.server.inject({
        url: '/inbox',
        headers: { cookie, 'request-id': 'chosen-by-client', 'x-request-id': 'chosen' },
      });
      ids.add(/coördinator: ([0-9a-f-]{36})/.exec(page.body)![1]!);
    }
    expect(ids.size).toBe(3);
  });

  it('answers the malformed queries that once showed the database’s message with a 400 page', async () => {
    const cookie = await signIn(web, 'anna');
    for (const url of [
      '/matches?wijk=a&wijk=b',
      '/talents?q=a&q=b',
      '/talents?q=%00',
      '/indicators?from=2026-01%00',
      `/talents?q=${'x'.repeat(20_000)}`,
      '/inbox/1?done=a&done=b',
    ]) {
      const page = await web.server.inject({ url, headers: { cookie } });
      expect(page.statusCode, url).toBe(400);
      expect(page.body, url).toContain('Dat ging niet goed');
      expect(page.body, url).not.toMatch(internals);
    }
  });

  it('refuses a repeated, NUL, control-character or overlong field on every route that takes one', async () => {
    const cookie = await signIn(web, 'cem');
    const page = await web.server.inject({ url: '/inbox', headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const handoff = await app.prisma.handoff.findFirstOrThrow();
    const values: Record<string, string> = {
      number: String(handoff.number),
      id: 'stratum',
      action: 'code',
    };
    const routes = web.server.routeTable.filter(
      (r) => !r.url.startsWith('/queues') && r.method !== 'HEAD',
    );
    const malformed: Record<string, (field: string, max: number) => [string, string][]> = {
      repeated: (field: string) => [
        [field, 'a'],
        [field, 'b'],
      ],
      nul: (field: string) => [[field, 'a\u0000b']],
      escape: (field: string) => [[field, 'a\u001bb']],
      overlong: (field: string, max: number) => [[field, 'x'.repeat(max + 1)]],
    };
    let checked = 0;
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, (_, name: string) => values[name]!);
      const where = route.method === 'GET' ? 'query' : 'body';
      const limits = route.fields[where];
      for (const field of Object.keys(limits).filter((f) => f !== '_csrf')) {
        for (const [kind, make] of Object.entries(malformed)) {
          const fields = new URLSearchParams([
            ['_csrf', csrf],
            ...make(field, limits[field]!),
          ]).toString();
          const answer = await web.server.inject({
            method: route.method as 'GET' | 'POST',
            url: where === 'query' ? `${path}?${fields}` : path,
            headers: {
              cookie,
              ...(where === 'body' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
            },
            ...(where === 'body' ? { payload: fields } : {}),
          });
          const what = `${route.method} ${route.url} ${field} ${kind}`;
          checked++;
          expect(answer.statusCode, what).toBe(400);
          // Signed-in pages speak the staff member's language; the login page the default one.
          const title = route.access === 'public' ? 'Dat ging niet goed' : 'Bir sorun oldu';
          expect(answer.body, what).toContain(title);
          expect(answer.body, what).not.toMatch(internals);
        }
      }
    }
    // Every GET with a filter and every form; the login form is among them.
    expect(checked).toBeGreaterThan(4 * 20);
    expect(await app.prisma.verbinder.count()).toBe(2);
  });

  it('answers a URL that is not valid percent-encoding with the same 400 page', async () => {
    const answer = await web.server.inject({ url: '/inbox/%E0%A4%A' });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('Dat ging niet goed');
    expect(answer.body).not.toMatch(internals);
  });
});
