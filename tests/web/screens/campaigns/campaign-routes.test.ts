/**
 * Campaigns on the dashboard: a coordinator fills in the form, sees who gets it per language
 * and channel before anything is sent, starts it, follows its progress and stops it; every
 * POST needs the form token; a verbinder cannot reach the screen, however the path is spelled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentNl, say } from '../../../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../../../support/test-web.js';

describe('campaigns on the dashboard', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
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
  const post = (url: string, fields: Record<string, string>, who: 'carla' | 'anna' = 'carla') =>
    web.server.inject({
      method: 'POST',
      url,
      headers: {
        cookie: sessions[who].cookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ _csrf: sessions[who].csrf, ...fields }).toString(),
    });

  const draft = {
    name: 'Buurtfeest Stratum',
    kind: 'message',
    audience: 'wijk:stratum',
    at: '2026-03-03T18:30',
    text_nl: 'Zaterdag is er een buurtfeest!',
    text_en: 'Street party on Saturday!',
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    await addStaff(app, 'carla', { role: 'coordinator' });
    await addStaff(app, 'anna', { wijk: 'stratum' });
    sessions.carla = await signIn('carla');
    sessions.anna = await signIn('anna');
    for (const [userId, language] of [
      ['r-1', 'nl'],
      ['r-2', 'nl'],
      ['r-3', 'en'],
    ] as const) {
      await say(app, userId, ...consentNl);
      const { contactId } = await app.prisma.channelIdentity.findUniqueOrThrow({
        where: { channel_externalId: { channel: 'simulator', externalId: userId } },
      });
      await app.prisma.contact.update({
        where: { id: contactId },
        data: { wijk: 'stratum', language },
      });
    }
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('shows the form with audiences in words', async () => {
    const page = await get('/campaigns');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/campaigns" aria-current="page">Campagnes</a>');
    expect(page.body).toContain('Er zijn nog geen campagnes.');
    expect(page.body).toContain('>Wijk Stratum</option>');
    expect(page.body).toContain(
      '>Toestemming: anoniem gebruik, om te zien wat Buurt in Bloei oplevert</option>',
    );
  });

  it('previews who gets it per language and channel, and sends nothing yet', async () => {
    const preview = await post('/campaigns/preview', draft);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Wijk Stratum: 3 inwoners krijgen dit bericht.');
    expect(preview.body).toMatch(/Nederlands<\/td>\s*<td[^>]*>2</);
    expect(preview.body).toMatch(/English<\/td>\s*<td[^>]*>1</);
    expect(preview.body).toMatch(/de testchat op de computer<\/td>\s*<td[^>]*>3</);
    expect(preview.body).toContain('Versturen naar 3 inwoners');
    expect(await app.prisma.campaign.count()).toBe(0);
    expect(await app.prisma.scheduledMessage.count()).toBe(0);

    const nameless = await post('/campaigns/preview', { ...draft, name: ' ' });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.body).toContain('Geef de campagne een naam.');
  });

  it('starts it with the form token only, shows progress, and stops what is pending', async () => {
    expect((await post('/campaigns/start', { ...draft, _csrf: 'not-the-token' })).statusCode).toBe(
      403,
    );
    expect(await app.prisma.campaign.count()).toBe(0);

    const started = await post('/campaigns/start', draft);
    expect(started.statusCode).toBe(200);
    expect(started.body).toContain('Campagne Buurtfeest Stratum is gestart voor 3 inwoners.');
    expect(started.body).toContain(
      '3 inwoners: 0 verstuurd, 3 wachten, 0 overgeslagen, 0 niet verstuurd',
    );
    const campaign = await app.prisma.campaign.findUniqueOrThrow({
      where: { name: 'Buurtfeest Stratum' },
    });
    expect(campaign).toMatchObject({
      kind: 'message',
      // 18:30 in Amsterdam (CET).
      startAt: new Date('2026-03-03T17:30:00Z'),
      texts: { nl: 'Zaterdag is er een buurtfeest!', en: 'Street party on Saturday!' },
    });
    expect(started.body).toContain(`action="/campaigns/${campaign.id}/stop"`);

    expect((await post(`/campaigns/${campaign.id}/stop`, {}, 'anna')).statusCode).toBe(403);
    const stopped = await post(`/campaigns/${campaign.id}/stop`, {});
    expect(stopped.statusCode).toBe(200);
    expect(stopped.body).toContain(
      'Campagne Buurtfeest Stratum is gestopt. 3 berichten worden niet meer verstuurd.',
    );
    expect(stopped.body).toContain('Gestopt');
    expect(
      await app.prisma.scheduledMessage.count({
        where: { subject: `campaign:${campaign.id}`, state: 'cancelled' },
      }),
    ).toBe(3);
    // A campaign that does not exist.
    const missing = `/campaigns/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/stop`;
    expect((await post(missing, {})).statusCode).toBe(404);
  });

  it('keeps the screen from verbinders, also when the path is spelled otherwise', async () => {
    for (const path of ['/campaigns', '/Campaigns', '/%63ampaigns', '/campaigns/']) {
      const answer = await get(path, 'anna');
      expect([403, 404], path).toContain(answer.statusCode);
    }
    expect((await post('/campaigns/start', draft, 'anna')).statusCode).toBe(403);
    expect((await get('/inbox', 'anna')).body).not.toContain('/campaigns');
  });
});
