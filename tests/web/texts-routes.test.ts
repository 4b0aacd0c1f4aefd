/**
 * The texts editor's pages over HTTP, on the real app: a coordinator browses, opens a text,
 * saves a new wording that the next resident gets at once, is refused a wording that drops a
 * placeholder (in her own language, nothing changed), undoes a change and goes back to the
 * shipped text. Verbinders are not let in.
 */
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../support/test-web.js';

const energy = 'talentenscan.energy';
const newEnergy = 'Waar word jij vrolijk van? Vertel het me in je eigen woorden.';

describe('the texts editor pages', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
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

  const get = (login: string, url: string) =>
    web.server.inject({ url, headers: { cookie: sessions[login]!.cookie } });
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
  const editUrl = (lang: string, key: string) =>
    `/texts?${new URLSearchParams({ lang, key }).toString()}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    await addStaff(app, 'carla', { role: 'coordinator' });
    await addStaff(app, 'cem', { role: 'coordinator', language: 'tr' });
    await addStaff(app, 'anna', { wijk: 'stratum' });
    for (const login of ['carla', 'cem', 'anna']) await signIn(login);
  });
  afterAll(async () => {
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('lists the flows and other texts with their counts, and the texts of one flow by step', async () => {
    const index = parse((await get('carla', '/texts')).body);
    const groups = index.querySelectorAll('ul.groups a').map((a) => a.textContent.trim());
    expect(groups).toEqual(
      expect.arrayContaining(['Talentenscan', 'Veiligheid', 'Hulp van een verbinder (careDebts)']),
    );
    expect(index.querySelectorAll('#language-totals tbody tr')).toHaveLength(6);

    const flow = parse((await get('carla', '/texts?group=talentenscan')).body);
    const row = flow.querySelectorAll('tr').find((tr) => tr.querySelector('code')?.text === energy);
    expect(row).toBeDefined();
    const cells = row!.querySelectorAll('td');
    // Dutch first, then the others, each in its own language and direction.
    expect(cells[1]!.getAttribute('data-label')).toBe('Nederlands');
    expect(cells[1]!.querySelector('p[lang=nl]')?.text).toBe(
      'Waar krijg je energie van? Waar word je blij van?',
    );
    const arabic = cells.find((c) => c.getAttribute('data-label') === 'Arabisch');
    expect(arabic?.querySelector('p')?.getAttribute('dir')).toBe('rtl');
    expect(arabic?.querySelector('a.edit')?.getAttribute('href')).toBe(editUrl('ar', energy));
    expect(flow.querySelectorAll('h3').map((h) => h.text)).toContain('Stap 2');
  });

  it('finds texts by words, and by what is missing or changed', async () => {
    const found = parse((await get('carla', '/texts?search=energie+van')).body);
    expect(found.querySelectorAll('td code').map((c) => c.text)).toContain(energy);
    const none = parse((await get('carla', '/texts?status=changed')).body);
    expect(none.querySelector('p.notice')?.text).toBe(
      'Geen teksten gevonden. Probeer een ander filter.',
    );
  });

  it('shows the edit form; Arabic is typed right to left', async () => {
    const page = parse((await get('carla', editUrl('nl', energy))).body);
    const area = page.querySelector('textarea#text');
    expect(area?.text).toBe('Waar krijg je energie van? Waar word je blij van?');
    expect(page.querySelector('label[for=text]')?.text).toBe('Tekst in het Nederlands');
    const arabic = parse((await get('carla', editUrl('ar', energy))).body);
    expect(arabic.querySelector('textarea#text')?.getAttribute('dir')).toBe('rtl');
    expect(arabic.querySelector('textarea#text')?.getAttribute('lang')).toBe('ar');
    // The Dutch text the translation follows, marked as Dutch.
    expect(arabic.querySelector('p.quote[lang=nl]')?.text).toContain('Waar krijg je energie van?');
  });

  it('saves a new Dutch wording that the next resident gets at once, with its history', async () => {
    const saved = await post('carla', '/texts', { lang: 'nl', key: energy, text: newEnergy });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${editUrl('nl', energy)}&done=saved`);
    const page = parse((await get('carla', saved.headers.location!)).body);
    expect(page.querySelector('[role=status]')?.text).toContain('Opgeslagen.');
    expect(page.querySelector('a.button')?.getAttribute('href')).toBe('/try?lang=nl');
    expect(page.querySelector('#history tbody tr td:nth-child(2)')?.text).toBe('Carla');

    const replies = await say(app, 'newcomer', 'hallo', '1', 'ja', 'nee', '1');
    expect(replies.map((r) => r.text)).toContain(newEnergy);
    // The translations now follow an older Dutch text.
    const outdated = parse((await get('carla', '/texts?status=outdated&lang=ar')).body);
    expect(outdated.querySelectorAll('td code').map((c) => c.text)).toEqual([energy]);
  });

  it('refuses a wording that drops a placeholder, says why in Dutch, and changes nothing', async () => {
    const key = 'talentenscan.summary';
    const before = await app.prisma.textRevision.count();
    const typed = 'Dit heb ik van je gehoord: {{energy}}';
    const refused = await post('carla', '/texts', { lang: 'nl', key, text: typed });
    expect(refused.statusCode).toBe(422);
    const page = parse(refused.body);
    const reasons = page.querySelectorAll('[role=alert] li').map((li) => li.text);
    expect(reasons).toContain(
      '{{skills}} ontbreekt. Zet het terug: Bloei vult daar zelf iets in. De Nederlandse tekst heeft: {{energy}} {{skills}} {{interests}} {{forOthers}} {{ownWish}} {{time}} {{mobility}} {{wijk}}.',
    );
    // What she typed stays in the form, to put right.
    expect(page.querySelector('textarea#text')?.text).toBe(typed);
    expect(await app.prisma.textRevision.count()).toBe(before);
    expect(await app.prisma.textOverride.count({ where: { key } })).toBe(0);
  });

  it('words a refusal in the coordinator’s own language', async () => {
    const refused = await post('cem', '/texts', { lang: 'nl', key: energy, text: '   ' });
    expect(refused.statusCode).toBe(422);
    expect(parse(refused.body).querySelector('[role=alert] li')?.text).toBe('Metin boş.');
  });

  it('undoes a change, and goes back to the shipped text', async () => {
    const second = 'Waar krijg jij energie van?';
    await post('carla', '/texts', { lang: 'nl', key: energy, text: second });
    const [latest] = await app.texts.textHistory('nl', energy);
    const undone = await post('carla', '/texts/revert', {
      revision: String(latest!.id),
      lang: 'nl',
      key: energy,
    });
    expect(undone.headers.location).toBe(`${editUrl('nl', energy)}&done=reverted`);
    expect(app.texts.catalog.text('nl', energy)).toBe(newEnergy);

    const reset = await post('carla', '/texts/reset', { lang: 'nl', key: energy });
    expect(reset.headers.location).toBe(`${editUrl('nl', energy)}&done=reset`);
    expect(app.texts.catalog.override('nl', energy)).toBeUndefined();
    const page = parse((await get('carla', editUrl('nl', energy))).body);
    expect(page.querySelectorAll('#history tbody tr td:nth-child(3)').map((c) => c.text)).toEqual([
      'terug naar standaard',
      'teruggedraaid',
      'aangepast',
      'aangepast',
    ]);
    // Nothing to go back to now.
    expect(page.querySelector('form[action="/texts/reset"]')).toBeNull();
  });

  it('shows a consent question but offers no form to change it', async () => {
    const page = parse((await get('carla', editUrl('nl', 'onboarding.consent'))).body);
    expect(page.querySelector('textarea')).toBeNull();
    expect(page.querySelector('p.notice')?.text).toContain(
      'Met deze tekst geven inwoners toestemming',
    );
  });

  it('answers an unknown text with 404 and keeps verbinders out', async () => {
    expect((await get('carla', editUrl('nl', 'talentenscan.nope'))).statusCode).toBe(404);
    expect((await get('carla', editUrl('xx', energy))).statusCode).toBe(404);
    expect((await get('anna', '/texts')).statusCode).toBe(403);
    const refused = await post('anna', '/texts', { lang: 'nl', key: energy, text: 'Hoi' });
    expect(refused.statusCode).toBe(403);
    expect(app.texts.catalog.override('nl', energy)).toBeUndefined();
  });
});
