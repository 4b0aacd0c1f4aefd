/**
 * Recording a WIJ match with an ontwikkelplaats picked from the sociale kaart: the match keeps
 * the offer, so matches per place are counted; a verbinder can pick only her own wijk's places
 * and the city's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBloei } from '../../../cli/support/run-bloei.js';
import { examplePath } from '../../../kaart/stratum-cook.js';
import { consentNl, say, wijMatchStratum } from '../../../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../../../support/test-web.js';

const form = (cookie: string, fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
});

describe('a WIJ match with a place from the kaart', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    const run = await runBloei(['kaart', 'import', examplePath], { prisma: app.prisma });
    expect(run.code, run.stderr).toBe(0);
    await addStaff(app, 'anna', { wijk: 'stratum' });
    await say(app, 'resident-1', ...consentNl, ...wijMatchStratum);
    const login = await web.server.inject({
      method: 'POST',
      url: '/login',
      payload: new URLSearchParams({ login: 'anna', password: staffPassword }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const cookie = `bloei_session=${login.cookies.find((c) => c.name === 'bloei_session')!.value}`;
    const page = await web.server.inject({ url: '/matches', headers: { cookie } });
    session = { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  const offerId = async (name: string) =>
    (await app.prisma.offer.findFirstOrThrow({ where: { name } })).id;

  it("offers the verbinder's own wijk's places and the city's, none elsewhere", async () => {
    const page = await web.server.inject({ url: '/matches', headers: { cookie: session.cookie } });
    expect(page.body).toContain('Ontwikkelplaats van de sociale kaart');
    expect(page.body).toContain('Kookcafé De Pollepel (voorbeeld) · Stratum');
    expect(page.body).not.toContain('Taalcafé De Lantaarn (voorbeeld)');
    // Trainings are not places to be matched with.
    expect(page.body).not.toContain('Kom tot Bloei! (voorbeeld)');
  });

  it('keeps the offer with the match and its name as the ontwikkelplaats', async () => {
    const signUp = await app.prisma.signUp.findFirstOrThrow();
    const elsewhere = await web.server.inject({
      method: 'POST',
      url: '/matches',
      ...form(session.cookie, {
        _csrf: session.csrf,
        kind: 'inwoner-ontwikkelplaats',
        first: signUp.id,
        offer: await offerId('Taalcafé De Lantaarn (voorbeeld)'),
      }),
    });
    expect(elsewhere.headers.location).toBe('/matches?refused=shape');
    expect(await app.prisma.match.count()).toBe(0);

    const kookcafe = await offerId('Kookcafé De Pollepel (voorbeeld)');
    const recorded = await web.server.inject({
      method: 'POST',
      url: '/matches',
      ...form(session.cookie, {
        _csrf: session.csrf,
        kind: 'inwoner-ontwikkelplaats',
        first: signUp.id,
        offer: kookcafe,
      }),
    });
    expect(recorded.headers.location).toBe('/matches?done=recorded');
    const match = await app.prisma.match.findFirstOrThrow();
    expect(match).toMatchObject({
      kind: 'inwoner-ontwikkelplaats',
      offerId: kookcafe,
      ontwikkelplaats: 'Kookcafé De Pollepel (voorbeeld)',
      wijk: 'stratum',
    });
    expect(await app.prisma.match.count({ where: { offerId: kookcafe } })).toBe(1);
  });
});
