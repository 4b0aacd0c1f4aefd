/**
 * The staff dashboard end to end in headless Chromium (Debian's, driven by playwright-core):
 * a verbinder signs in, claims and closes a hand-off a simulated resident raised, records a
 * match from the board, reads indicators computed from seeded check-in conversations and
 * downloads them as CSV, with the participation ladder of trainees who answered their
 * one-year follow-up. A verbinder of another wijk gets 403; an anonymous visitor the
 * login page. The board suggests pairs matched with one button; charts fit a 412 px phone;
 * the five exports for Wijs download as CSV and are logged. Screenshots go to
 * artifacts/screenshots/ (not committed).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCohort } from '../../src/followups/import-cohort.js';
import {
  consentNl,
  messageTo,
  say,
  sayOn,
  wijMatchStratum,
} from '../support/conversation-driver.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, type TestWeb } from '../support/test-web.js';
import { launchBrowser, signInAs } from '../support/staff-browser.js';

const screenshots = 'artifacts/screenshots';
const requestStratum = [
  '2',
  '2',
  '3',
  'Iemand die mijn heg knipt.',
  'Gezelschap.',
  '1',
  '2',
  'Stratum',
  '1',
  'ja',
];
/** A check-in from the menu: seven statements on the agree scale, two stories, confirm. */
/** Trainees: chat id, cohort, training, ladder step at the start, step a year later. */
const trainees = [
  ['8001', 'DWW voorjaar 2025', 'De Wijk Werkt!', 1, 3],
  ['8002', 'DWW voorjaar 2025', 'De Wijk Werkt!', 2, 4],
  ['8003', 'DWW voorjaar 2025', 'De Wijk Werkt!', 2, 2],
  ['8004', 'KtB 2025', 'Kom tot Bloei!', 3, 5],
] as const;
const checkIn = (scores: number[]) => [
  '3',
  ...scores.map(String),
  'Nieuwe buren leren kennen.',
  'Mijn buurvrouw.',
  'ja',
];

describe('staff dashboard in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let browser: Browser;

  const signIn = (login: string): Promise<Page> =>
    signInAs(browser, web.url, login, {
      acceptDownloads: true,
      viewport: { width: 412, height: 900 },
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    await addStaff(app, 'anna', { wijk: 'stratum' });
    await addStaff(app, 'bert', { wijk: 'centrum' });
    await addStaff(app, 'carla', { role: 'coordinator' });
    // Residents in Stratum: one offers help (a hand-off for the verbinder), one asks for it;
    // two neighbours do a check-in. All through the real pipeline, as in the chat.
    await say(app, 'offer', ...consentNl, ...wijMatchStratum);
    await say(app, 'request', ...consentNl, ...requestStratum);
    await say(app, 'neighbour-1', ...consentNl, ...checkIn([4, 5, 4, 3, 2, 4, 5]));
    await say(app, 'neighbour-2', ...consentNl, ...checkIn([2, 3, 2, 3, 4, 2, 3]));
    // Former trainees answer their one-year follow-up on Telegram: the ladder chart's data.
    app.router.add(new RecordingChannel('telegram'));
    const csv = [
      'first_name,channel,address,language,wijk,training,cohort,start_date,end_date,ladder_start',
      ...trainees.map(
        ([chat, cohort, training, before]) =>
          `Sam,telegram,${chat},nl,stratum,${training},${cohort},2025-01-06,2025-03-02,${before}`,
      ),
    ].join('\n');
    const report = await importCohort(app.store, csv, {
      languages: app.translator.languages,
      now: app.clock.now(),
    });
    expect(report.errors).toEqual([]);
    for (const [chat, , , , after] of trainees) {
      await app.handler.startFlow('telegram', chat, 'followUp');
      await sayOn(
        app,
        'telegram',
        chat,
        'ja',
        String(after),
        '2',
        '5',
        '4',
        'Meer zelfvertrouwen.',
        'ja',
        'nee',
      );
    }
    await mkdir(screenshots, { recursive: true });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('sends an anonymous visitor to the login page', async () => {
    const page = await browser.newPage();
    // Only a hang guard: a busy machine is slow, which is no failure.
    page.setDefaultTimeout(280_000);
    const response = await page.goto(`${web.url}/inbox`);
    expect(page.url()).toBe(`${web.url}/login?next=%2Finbox`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen');
    expect(await page.content()).not.toContain('Stratum');
    await page.close();
  });

  it('lets a verbinder claim, annotate and close a hand-off; the resident hears of it', async () => {
    const page = await signIn('anna');
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: { reason: 'wij_match_signup' },
    });
    const row = page.getByRole('row').filter({ hasText: `#${handoff.number}` });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('aanmelding WIJ match');
    await page.screenshot({ path: `${screenshots}/inbox.png`, fullPage: true });

    await page.getByRole('link', { name: `#${handoff.number}` }).click();
    await page.getByRole('button', { name: 'Ik pak dit op' }).click();
    expect(await page.getByRole('status').textContent()).toContain(
      `Je hebt #${handoff.number} opgepakt.`,
    );
    await messageTo(app, 'offer', (m) => m.text.startsWith('Goed nieuws: verbinder Anna'));

    await page.getByLabel(/Korte notitie/).fill('Gebeld, komt dinsdag langs.');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    expect(
      await page.getByRole('listitem').filter({ hasText: 'Gebeld, komt dinsdag langs.' }).count(),
    ).toBe(1);

    await page.getByRole('button', { name: 'Afsluiten' }).click();
    expect(await page.getByRole('status').textContent()).toContain(
      `#${handoff.number} is afgesloten.`,
    );
    const closed = await app.prisma.handoff.findUniqueOrThrow({
      where: { id: handoff.id },
      include: { claimedBy: true, notes: true },
    });
    expect(closed).toMatchObject({
      status: 'closed',
      claimedBy: { name: 'Anna' },
      notes: [{ text: 'Gebeld, komt dinsdag langs.' }],
    });
    const told = app.channel.sent.filter((m) => m.userId === 'offer').map((m) => m.text);
    expect(told.filter((t) => t.startsWith('Goed nieuws: verbinder Anna'))).toHaveLength(1);
    await page.context().close();
  });

  it('suggests the offer and the request as a pair and matches them with one button', async () => {
    const page = await signIn('anna');
    await page.getByRole('link', { name: 'WIJ match' }).click();
    expect(await page.getByText('Ik help graag in de tuin.').count()).toBeGreaterThan(0);
    expect(await page.getByText('Iemand die mijn heg knipt.').count()).toBeGreaterThan(0);
    // Same wijk, same subject, both in the morning: one suggested pair that says why.
    const pair = page.locator('li.pair');
    expect(await pair.count()).toBe(1);
    expect(await pair.locator('ul.why li').allTextContents()).toContain('Zelfde wijk en onderwerp');
    await page.screenshot({ path: `${screenshots}/match-board.png`, fullPage: true });

    await pair.getByRole('button', { name: 'Match deze twee' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Match vastgelegd.');
    const matched = await app.prisma.signUp.findMany({ orderBy: { kind: 'asc' } });
    expect(matched.map((s) => [s.kind, s.status, s.matchKind])).toEqual([
      ['offer', 'matched', 'inwoner-inwoner'],
      ['request', 'matched', 'inwoner-inwoner'],
    ]);
    // Matched sign-ups leave the board and the suggestions.
    expect(await page.locator('li.pair').count()).toBe(0);
    await page.screenshot({ path: `${screenshots}/match-board-matched.png`, fullPage: true });
    await page.getByRole('button', { name: 'Ja, loopt nog' }).click();
    expect(await app.prisma.match.findFirstOrThrow()).toMatchObject({
      lasting: true,
      wijk: 'stratum',
    });
    await page.context().close();
  });

  it('shows indicators computed from the check-ins and downloads them as CSV', async () => {
    const page = await signIn('anna');
    await page.getByRole('link', { name: 'Indicatoren' }).click();
    const row = (name: string) =>
      page.locator('#table-subgoals tr').filter({ hasText: name }).locator('td');
    // "Kent meer mensen": 4 and 2 → mean 3, half agrees; "Voelt zich gesteund": 4 and 2 too;
    // "Doet actiever mee": 5 and 3 → mean 4, half agrees.
    expect(await row('Kent meer mensen in de buurt').allTextContents()).toEqual([
      'Ontmoeting',
      'Kent meer mensen in de buurt',
      '2',
      '3',
      '50',
    ]);
    expect(await row('Is actiever in de buurt').allTextContents()).toEqual([
      'Meedoen',
      'Is actiever in de buurt',
      '2',
      '4',
      '50',
    ]);
    expect(await row('Matches die duurzaam bleken').allTextContents()).toEqual([
      'Duurzame verbinding',
      'Matches die duurzaam bleken',
      '1',
      '–',
      '100',
    ]);
    const counts = page
      .locator('#table-counts tr')
      .filter({ hasText: 'Check-ins gedaan' })
      .locator('td');
    expect(await counts.allTextContents()).toEqual(['Check-ins gedaan', '2']);
    // DWW: (1+2+2)/3 = 1,7 before, (3+4+2)/3 = 3 after; KtB: 3 → 5.
    // The ladder's numbers are the table under its chart.
    const ladder = page.locator('#table-ladder tbody tr');
    expect(await ladder.nth(0).locator('th, td').allTextContents()).toEqual([
      'DWW voorjaar 2025',
      'De Wijk Werkt!',
      '3',
      '1,7',
      '3',
    ]);
    expect(await ladder.nth(1).locator('th, td').allTextContents()).toEqual([
      'KtB 2025',
      'Kom tot Bloei!',
      '1',
      '3',
      '5',
    ]);
    // On a 412 px phone: every chart is an SVG with a title and a description, drawn inside
    // the screen, with its numbers in a table next to it.
    const charts = page.locator('figure svg[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const id of ['trend', 'wijken', 'ladder']) {
      const chart = page.locator(`svg[aria-labelledby^="${id}-chart-title"]`);
      expect(await chart.count(), id).toBe(1);
      expect(await chart.locator(':scope > title').textContent(), id).toBeTruthy();
      expect(await chart.locator(':scope > desc').textContent(), id).toBeTruthy();
      const box = (await chart.boundingBox())!;
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, id).toBeLessThanOrEqual(412);
      expect(box.height, id).toBeGreaterThan(50);
    }
    expect(await page.locator('#table-trend tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${screenshots}/indicators-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${screenshots}/indicators.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[href^="/indicators.csv?table=subgoals"]').click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFSubdoel,Indicator,Aantal,Gemiddeld (1-5),Eens of duurzaam (%)',
    );
    expect(csv).toContain('Ontmoeting,Kent meer mensen in de buurt,2,3,50\r\n');
    await page.context().close();
  });

  it('downloads all five exports for Wijs as CSV, logs each, and keeps a verbinder to her wijk', async () => {
    const page = await signIn('anna');
    await page.getByRole('link', { name: 'Exports' }).click();
    expect(
      await page.getByText('Je exporteert alleen gegevens uit je eigen wijk: Stratum.').count(),
    ).toBe(1);
    await page.screenshot({ path: `${screenshots}/exports.png`, fullPage: true });
    const links = page.locator('ul.downloads a[download]');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.map((h) => h.split('?')[0])).toEqual(
      ['scans', 'signups', 'matches', 'handoffs', 'checkins'].map((k) => `/export/${k}.csv`),
    );
    for (const href of hrefs) {
      const response = await page.request.get(`${web.url}${href}`);
      expect(response.status(), href).toBe(200);
      expect(response.headers()['content-type'], href).toBe('text/csv; charset=utf-8');
      expect(response.headers()['content-disposition'], href).toMatch(
        /^attachment; filename="bloei-[a-z]+-stratum-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect((await response.text()).startsWith('\uFEFF'), href).toBe(true);
    }
    // A real download from the page, as a verbinder does it: the match recorded above.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      links.filter({ hasText: 'Matches' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = csv.split('\r\n').filter(Boolean);
    expect(header!.startsWith('\uFEFFId,Soort match,')).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Inwoner met inwoner');

    const log = await app.prisma.exportLog.findMany({ orderBy: { at: 'asc' } });
    expect(log.map((e) => [e.staffName, e.kind])).toEqual([
      ...['scans', 'signups', 'matches', 'handoffs', 'checkins'].map((k) => ['Anna', k]),
      ['Anna', 'matches'],
    ]);
    expect(log.every((e) => (e.filters as { wijk: string }).wijk === 'stratum')).toBe(true);
    // The export log is the privacy officer's: not for a verbinder.
    expect((await page.goto(`${web.url}/export/log`))?.status()).toBe(403);
    await page.context().close();

    // Another wijk's verbinder asking for Stratum's records is refused, not narrowed.
    const bert = await signIn('bert');
    const refused = await bert.request.get(`${web.url}/export/signups.csv?wijk=stratum`);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain('Ik help graag in de tuin.');
    await bert.context().close();

    const carla = await signIn('carla');
    await carla.goto(`${web.url}/export/log`);
    expect(await carla.locator('tbody tr').count()).toBe(6);
    await carla.screenshot({ path: `${screenshots}/export-log.png`, fullPage: true });
    await carla.context().close();
  });

  it('labels every form control and fits a phone screen on every page', async () => {
    const page = await signIn('anna');
    for (const path of ['/inbox', '/inbox/1', '/matches', '/talents', '/indicators', '/export']) {
      await page.goto(`${web.url}${path}`);
      const unlabelled = await page.$$eval(
        'input:not([type=hidden]), select, textarea, button',
        (controls) =>
          controls
            .filter(
              (c) =>
                !(c as unknown as { labels?: { length: number } | null }).labels?.length &&
                !c.getAttribute('aria-label') &&
                !(c.tagName === 'BUTTON' && c.textContent?.trim()),
            )
            .map((c) => c.outerHTML),
      );
      expect(unlabelled, path).toEqual([]);
      // A string: these tests are type-checked without the DOM library.
      const overflow = Number(
        await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      expect(await page.getAttribute('html', 'lang')).toBe('nl');
    }
    await page.context().close();
  });

  it("refuses a verbinder of another wijk that resident's hand-off (403)", async () => {
    const page = await signIn('bert');
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: { reason: 'wij_match_signup' },
    });
    expect(await page.getByRole('link', { name: `#${handoff.number}` }).count()).toBe(0);
    const response = await page.goto(`${web.url}/inbox/${handoff.number}`);
    expect(response?.status()).toBe(403);
    expect(await page.content()).not.toContain('Ik help graag in de tuin.');
    await page.context().close();
  });
});
