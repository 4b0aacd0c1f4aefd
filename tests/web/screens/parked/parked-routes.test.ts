/**
 * Parked inbound messages on the dashboard: a coordinator sees on which channel, when and
 * what went wrong in words, never the message or who sent it, and tries a message again or
 * puts it aside with a form; a verbinder cannot reach the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../../src/bots/channel.js';
import { identityKey } from '../../../../src/conversations/identity-key.js';
import { PrismaInboundSpool } from '../../../../src/store/prisma-inbound-spool.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../../../support/test-web.js';

const phone = '31612345678@c.us';
const secretText = 'Mijn buurman slaat zijn hond';

const message = (messageId: string, minutesAgo: number, now: Date): InboundMessage => ({
  channel: 'whatsapp',
  userId: phone,
  messageId,
  receivedAt: now,
  sentAt: new Date(now.getTime() - minutesAgo * 60_000),
  content: { type: 'text', text: secretText },
});

describe('parked inbound messages', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let spool: PrismaInboundSpool;
  const sessions: Record<'carla' | 'anna', { cookie: string; csrf: string }> = {} as never;

  const signIn = async (login: string) => {
    const response = await web.server.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ login, password: staffPassword }).toString(),
    });
    const cookie = `bloei_session=${response.cookies.find((c) => c.name === 'bloei_session')!.value}`;
    const page = await web.server.inject({ url: '/inbox', headers: { cookie } });
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
  };
  const get = (url: string, who: 'carla' | 'anna' = 'carla') =>
    web.server.inject({ url, headers: { cookie: sessions[who].cookie } });
  const post = (url: string, csrf = sessions.carla.csrf) =>
    web.server.inject({
      method: 'POST',
      url,
      headers: {
        cookie: sessions.carla.cookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ _csrf: csrf }).toString(),
    });
  /** Spools a message and lets it fail until it is parked, with an error of `code`. */
  const park = async (messageId: string, minutesAgo: number, code: string) => {
    await spool.add([message(messageId, minutesAgo, app.clock.now())]);
    const claimed = await spool.claim(identityKey('whatsapp', phone));
    await spool.failed(claimed!.id, { name: 'SomeError', code }, true);
    return claimed!.id;
  };
  const status = async (id: string) =>
    db.prisma.spooledInbound.findUniqueOrThrow({ where: { id: BigInt(id) } });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    spool = new PrismaInboundSpool(app.prisma, app.clock.now);
    await addStaff(app, 'carla', { role: 'coordinator' });
    await addStaff(app, 'anna', { wijk: 'stratum' });
    sessions.carla = await signIn('carla');
    sessions.anna = await signIn('anna');
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('shows a coordinator channel, time and error in words, never the message or its sender', async () => {
    const empty = await get('/parked');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Er zijn geen vastgelopen berichten.');

    await park('m-1', 120, 'SQL_TIMEOUT');
    await park('m-2', 30, 'SOMETHING_NEW');
    const page = await get('/parked');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/parked" aria-current="page">Vastgelopen berichten</a>');
    expect(page.body).toContain('WhatsApp');
    expect(page.body).toContain('De database gaf niet op tijd antwoord.');
    expect(page.body).toContain('Er ging iets onverwachts mis.');
    expect(page.body).toContain('2 uur geleden');
    for (const hidden of [secretText, '31612345678', 'SQL_TIMEOUT', 'SomeError']) {
      expect(page.body).not.toContain(hidden);
    }
    expect(page.body).not.toContain(identityKey('whatsapp', phone).slice(0, 12));
  });

  it('keeps the screen from verbinders', async () => {
    expect((await get('/parked', 'anna')).statusCode).toBe(403);
    const inbox = await get('/inbox', 'anna');
    expect(inbox.body).not.toContain('/parked');
  });

  it('tries a message again or puts it aside, with the form token only', async () => {
    const id = await park('m-3', 5, 'FLOW_RUNTIME');
    expect((await post(`/parked/${id}/retry`, 'not-the-token')).statusCode).toBe(403);
    expect(await status(id)).toMatchObject({ status: 'parked' });

    const retried = await post(`/parked/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.body).toContain('1 bericht wordt opnieuw geprobeerd.');
    expect(await status(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await post(`/parked/${id}/retry`)).statusCode).toBe(404);

    const claimed = await spool.claim(identityKey('whatsapp', phone));
    await spool.failed(claimed!.id, { name: 'SomeError', code: 'FLOW_RUNTIME' }, true);
    const dismissed = await post(`/parked/${claimed!.id}/dismiss`);
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.body).toContain('Het bericht is opzij gelegd.');
    expect(await status(claimed!.id)).toMatchObject({ status: 'handled', content: null });
  });

  it('tries every parked message again at once', async () => {
    const before = await spool.countParked();
    expect(before).toBeGreaterThan(0);
    const all = await post('/parked/retry');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain(`${before} berichten worden opnieuw geprobeerd.`);
    expect(await spool.countParked()).toBe(0);
  });
});
