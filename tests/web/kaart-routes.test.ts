/**
 * The sociale kaart's pages over HTTP, on the real app and database: who may change an offer
 * is decided on the matched route, per offer — a coordinator any, a verbinder her own, another
 * verbinder none (not by the page, not by posting the form with her own valid token) — and
 * someone signed out is sent to sign in. A refused form says why next to the field, in the
 * staff member's language, and stores nothing.
 */
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOfferFields, type OfferData } from '../../src/kaart/offer.js';
import { PrismaOfferRepository } from '../../src/store/offer-repository.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../support/test-web.js';

describe('the sociale kaart pages', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let annaId: string;
  let offerId: string;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  async function signIn(login: string) {
    const response = await web.server.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ login, password: staffPassword }).toString(),
    });
    const cookie = `bloei_session=${response.cookies.find((c) => c.name === 'bloei_session')!.value}`;
    const page = await web.server.inject({ url: '/inbox', headers: { cookie } });
    sessions[login] = { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
  }

  const get = (login: string | null, url: string) =>
    web.server.inject({ url, headers: login ? { cookie: sessions[login]!.cookie } : {} });
  const post = (login: string, url: string, fields: Record<string, string>) =>
    web.server.inject({
      method: 'POST',
      url,
      headers: {
        cookie: sessions[login]!.cookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ ...fields, _csrf: sessions[login]!.csrf }).toString(),
    });
  const stored = () => app.prisma.offer.findUniqueOrThrow({ where: { id: offerId } });
  const editUrl = () => `/kaart/offer?id=${offerId}`;
  const form = (over: Record<string, string> = {}) => ({
    id: offerId,
    name: 'Kookclub De Pollepel',
    wijk: 'stratum',
    kind: 'activity',
    description: 'Samen koken en eten.',
    when: 'Elke dinsdag 17:00',
    where: 'Buurthuis Stratum',
    contact: '',
    interest_cooking: 'yes',
    language_nl: 'yes',
    ...over,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    await addStaff(app, 'carla', { role: 'coordinator' });
    await addStaff(app, 'cem', { role: 'coordinator', language: 'tr' });
    annaId = await addStaff(app, 'anna', { wijk: 'stratum' });
    await addStaff(app, 'bert', { wijk: 'stratum' });
    for (const login of ['carla', 'cem', 'anna', 'bert']) await signIn(login);
    const offer = (name: string, checked: string, over: Partial<OfferData>): OfferData => ({
      ...newOfferFields(new Date(checked)),
      name,
      wijk: 'stratum',
      interests: ['cooking'],
      description: 'Samen koken.',
      schedule: 'Elke dinsdag',
      location: 'Buurthuis Stratum',
      languages: ['nl'],
      translations: {},
      ...over,
    });
    await new PrismaOfferRepository(app.prisma).saveOffers([
      {
        id: null,
        data: offer('Kookclub De Pollepel', '2026-01-05T10:00:00Z', { ownerId: annaId }),
      },
      { id: null, data: offer('Repaircafé (voorbeeld)', '2025-07-01T10:00:00Z', { wijk: 'all' }) },
    ]);
    offerId = (await app.prisma.offer.findFirstOrThrow({ where: { name: 'Kookclub De Pollepel' } }))
      .id;
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('sends someone signed out to sign in, for the list, the form and every change', async () => {
    for (const url of ['/kaart', '/kaart/offer', editUrl()]) {
      const answer = await get(null, url);
      expect(answer.statusCode, url).toBe(303);
      expect(answer.headers.location, url).toMatch(/^\/login/);
    }
    const posted = await web.server.inject({
      method: 'POST',
      url: `/kaart/${offerId}/confirm`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=x',
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toMatch(/^\/login/);
  });

  it('lists the offer for every staff member, its wijk and owner in words, stale flagged', async () => {
    for (const login of ['carla', 'anna', 'bert']) {
      const page = parse((await get(login, '/kaart')).body);
      const row = page.querySelector(`tr[data-offer="${offerId}"]`);
      expect(row?.querySelector('td[data-label="Wijk"]')?.textContent).toBe('Stratum');
      expect(row?.querySelector('td[data-label="Beheerder"]')?.textContent).toBe('Anna');
      // Checked in January, seen in March: not yet half a year.
      expect(row?.querySelector('td[data-label="Nagekeken"]')?.textContent).toBe(
        '2 maanden geleden',
      );
      expect(row?.querySelectorAll('form').length, login).toBe(login === 'bert' ? 0 : 2);
    }
    const stale = parse((await get('bert', '/kaart?status=stale')).body);
    const rows = stale.querySelectorAll('tr[data-offer]');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.querySelector('td[data-label="Wijk"]')?.textContent).toBe('Hele stad');
    expect(rows[0]?.querySelector('td[data-label="Beheerder"]')?.textContent).toBe('Niemand');
    expect(rows[0]?.querySelector('td[data-label="Nagekeken"]')?.textContent).toBe(
      '8 maanden geleden\nVerouderd: al een half jaar niet nagekeken',
    );
    const nav = parse((await get('bert', '/inbox')).body).querySelector('nav');
    expect(nav?.querySelector('a[href="/kaart"]')?.textContent).toBe('Sociale kaart');
  });

  it('lets the coordinator and the owning verbinder edit, and refuses another verbinder', async () => {
    for (const login of ['carla', 'anna']) {
      const page = parse((await get(login, editUrl())).body);
      expect(
        page.querySelector('form[action="/kaart/offer"] fieldset')?.hasAttribute('disabled'),
      ).toBe(false);
    }
    const bertsView = parse((await get('bert', editUrl())).body);
    expect(
      bertsView.querySelector('form[action="/kaart/offer"] fieldset')?.hasAttribute('disabled'),
    ).toBe(true);

    const before = await stored();
    for (const [url, fields] of [
      ['/kaart/offer', form({ name: 'Overgenomen' })],
      [`/kaart/${offerId}/confirm`, {}],
      [`/kaart/${offerId}/active`, { active: 'no' }],
    ] as const) {
      expect((await post('bert', url, fields)).statusCode, url).toBe(403);
    }
    expect(await stored()).toEqual(before);

    app.clock.advance(60_000);
    const anna = await post('anna', '/kaart/offer', form({ when: 'Elke woensdag 17:00' }));
    expect(anna.statusCode).toBe(303);
    expect(anna.headers.location).toBe('/kaart?done=saved');
    expect((await stored()).schedule).toBe('Elke woensdag 17:00');
    expect((await stored()).checkedAt).toEqual(app.clock.now());
    expect((await stored()).ownerId).toBe(annaId);

    const carla = await post('carla', `/kaart/${offerId}/active`, { active: 'no' });
    expect(carla.statusCode).toBe(303);
    expect((await stored()).active).toBe(false);
    expect((await post('anna', `/kaart/${offerId}/active`, { active: 'yes' })).statusCode).toBe(
      303,
    );
    expect((await stored()).active).toBe(true);
  });

  it('keeps a verbinder to her own wijk when she adds or moves an offer', async () => {
    const count = await app.prisma.offer.count();
    const elsewhere = await post(
      'bert',
      '/kaart/offer',
      form({ id: '', name: 'Elders', wijk: 'centrum' }),
    );
    expect(elsewhere.statusCode).toBe(403);
    const moved = await post('anna', '/kaart/offer', form({ wijk: 'centrum' }));
    expect(moved.statusCode).toBe(403);
    expect(await app.prisma.offer.count()).toBe(count);

    const own = await post('bert', '/kaart/offer', form({ id: '', name: 'Tuinclub Bert' }));
    expect(own.headers.location).toBe('/kaart?done=added');
    const added = await app.prisma.offer.findFirstOrThrow({ where: { name: 'Tuinclub Bert' } });
    expect(added.ownerId).not.toBeNull();
    expect(added.wijk).toBe('stratum');
  });

  it('refuses a wrong form with the reasons next to the fields, in her language, storing nothing', async () => {
    const before = await stored();
    const refused = await post('cem', '/kaart/offer', form({ name: 'Tuinclub Bert' }));
    expect(refused.statusCode).toBe(422);
    const page = parse(refused.body);
    expect(page.querySelector('#name-problem')?.textContent).toBe(
      'Bu mahallede "Tuinclub Bert" adında bir teklif zaten var. Başka bir ad seçin.',
    );
    const second = await post(
      'cem',
      '/kaart/offer',
      form({ interest_cooking: '', other_languages: 'xx', next_start: '2027-13-40' }),
    );
    const problems = parse(second.body);
    expect(problems.querySelector('#interests-problem')?.textContent).toBe(
      'En az bir ilgi alanı seçin. Sadece bir eğitim ilgi alanı olmadan olabilir.',
    );
    expect(problems.querySelector('#languages-problem')?.textContent).toBe(
      '"xx" bir dil kodu değil. so veya fa gibi kodlar kullanın.',
    );
    expect(problems.querySelector('#next_start-problem')?.textContent).toBe(
      '"2027-13-40" bir tarih değil.',
    );
    expect(problems.querySelector('input[name=other_languages]')?.getAttribute('value')).toBe('xx');
    expect(await stored()).toEqual(before);
  });

  it('marks an offer still correct for its owner, and answers not found for no such offer', async () => {
    app.clock.advance(60_000);
    expect((await post('anna', `/kaart/${offerId}/confirm`, {})).headers.location).toBe(
      '/kaart?done=confirmed',
    );
    expect((await stored()).checkedAt).toEqual(app.clock.now());
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await post('carla', `/kaart/${missing}/confirm`, {})).statusCode).toBe(404);
    expect((await get('carla', `/kaart/offer?id=${missing}`)).statusCode).toBe(404);
  });

  it('counts the kaart on the indicator page: shown offers per wijk and those to check', async () => {
    const page = parse((await get('bert', '/indicators')).body);
    const rows = page
      .querySelectorAll('#table-kaart-wijken tbody tr')
      .map((row) => row.querySelectorAll('td').map((cell) => cell.textContent));
    const shown = await app.prisma.offer.count({ where: { wijk: 'stratum', active: true } });
    expect(rows).toEqual([
      ['Hele stad', '1', '0', '1'],
      ['Stratum', String(shown), '0', '0'],
    ]);
    expect(page.querySelector('a[href="#t-kaart"]')?.textContent).toBe('Sociale kaart');
  });
});
