/**
 * The web chat ("try Bloei") in headless Chromium (Debian's, driven by playwright-core): a
 * verbinder chats with Bloei as her test resident, typing and tapping Bloei's buttons, through
 * the same engine and outbox as a resident on Telegram, and does a whole check-in. Her answers
 * are kept like a resident's, yet the indicators count only the real resident. A reply that
 * comes later shows up without reloading; without JavaScript the page works all the same.
 * Starting over erases the test resident and leaves no count behind. Screenshots go to
 * artifacts/screenshots/ (not committed).
 */
import { mkdir } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webchatChannel } from '../../src/bots/webchat/webchat-channel.js';
import { identityKey } from '../../src/conversations/identity-key.js';
import { computeIndicators } from '../../src/monitoring/indicators.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, type TestWeb } from '../support/test-web.js';
import { launchBrowser, signInAs } from '../support/staff-browser.js';

const screenshots = 'artifacts/screenshots';
/** `text` matched literally in a regular expression. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A safety cap against hanging only; conditions decide, not the clock. */
const cap = { timeout: 280_000 };
const agree = ['Een beetje mee eens', 'Helemaal mee eens', 'Een beetje mee eens'];
const period = { wijk: null, from: '2026-01', to: '2026-12' };

describe('trying Bloei in the web chat, in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let browser: Browser;
  let annaId: string;
  let bertId: string;

  const signIn = (login: string, javaScriptEnabled = true): Promise<Page> =>
    signInAs(browser, web.url, login, {
      javaScriptEnabled,
      viewport: { width: 412, height: 900 },
    });

  const bubbles = (page: Page) => page.locator('ol.chat > li');

  /** Sends what the page's form sends, then waits for the line after it: Bloei's answer. */
  async function answer(page: Page, act: () => Promise<void>) {
    const before = await bubbles(page).count();
    await act();
    await bubbles(page)
      .nth(before + 1)
      .waitFor(cap);
  }
  const type = (page: Page, text: string) =>
    answer(page, async () => {
      await page.getByLabel('Je bericht').fill(text);
      await page.getByRole('button', { name: 'Versturen' }).click();
    });
  /** Taps the button of Bloei's open question that shows `label`. */
  const tap = (page: Page, label: string) =>
    answer(page, () =>
      page
        .locator('form.choices button', { hasText: new RegExp(`^\\d+\\. ${escaped(label)}$`) })
        .click(),
    );
  const lastBloei = (page: Page) =>
    page.locator('ol.chat > li.bloei p.lines-kept').last().textContent();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    annaId = await addStaff(app, 'anna', { wijk: 'stratum' });
    bertId = await addStaff(app, 'bert', { wijk: 'centrum' });
    // A real resident's check-in, through the simulator: the one the indicators should count.
    await say(app, 'neighbour', ...consentNl, '3', '4', '5', '4', '3', '2', '4', '5');
    await say(app, 'neighbour', 'Koffie met de buren.', 'Mijn buurvrouw.', 'ja');
    await mkdir(screenshots, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('runs a whole check-in through the engine and the outbox, counted for no one', async () => {
    const page = await signIn('anna');
    const problems: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.getByRole('navigation').getByRole('link', { name: 'Uitproberen' }).click();
    await page.waitForURL(`${web.url}/try`);
    expect(await page.locator('#chat-live p.notice').textContent()).toContain(
      'Nog geen berichten.',
    );

    await type(page, 'hallo');
    expect(await bubbles(page).nth(1).textContent()).toContain('Hoi! Ik ben Bloei');
    await tap(page, 'Nederlands');
    expect(await lastBloei(page)).toContain('mag ik je antwoorden bewaren?');
    await tap(page, 'Ja');
    // Yes to the anonymous indicators too: were she a resident, her answers would count.
    await tap(page, 'Ja');
    await tap(page, 'Pas op de plaats: wat heeft Buurt in Bloei je gebracht?');
    expect(await lastBloei(page)).toBe('Door Buurt in Bloei ken ik meer mensen in mijn buurt.');
    for (let i = 0; i < 7; i++) await tap(page, agree[i % agree.length]!);
    await type(page, 'Ik heb de buren leren kennen.');
    await type(page, 'Nog niet.');
    await tap(page, 'Ja');
    expect(await lastBloei(page)).toContain('Dank je wel voor je verhaal!');
    // Her own lines are hers; past buttons are plain text now, only an open question has them.
    expect(await page.locator('ol.chat > li.resident').count()).toBe(15);
    expect(await page.locator('form.choices').count()).toBe(0);
    await page.screenshot({ path: `${screenshots}/try-check-in.png`, fullPage: true });
    expect(problems).toEqual([]);

    // Every reply went through her chat's outbox and was marked sent.
    const chatKey = identityKey(webchatChannel, annaId);
    const outbox = await app.prisma.outboxMessage.findMany({ where: { chatKey } });
    const shown = await app.prisma.webchatMessage.count({
      where: { userId: annaId, author: 'bloei' },
    });
    expect(outbox.length).toBe(shown);
    expect(outbox.every((m) => m.outcome === 'sent')).toBe(true);

    // Her answers are kept as a resident's would be, but only the neighbour counts.
    const tester = await app.prisma.contact.findFirstOrThrow({
      where: { identities: { some: { channel: webchatChannel, externalId: annaId } } },
      include: { answers: { where: { flowId: 'checkIn', indicator: { not: null } } } },
    });
    expect(tester.answers).toHaveLength(9);
    const { counts, subgoals } = await computeIndicators(app.store, period);
    expect(counts.find((c) => c.metric === 'checkIns')?.count).toBe(1);
    expect(subgoals.find((r) => r.indicator === 'ontmoeting.kennen')).toMatchObject({
      n: 1,
      mean: 4,
    });
    await page.context().close();
  });

  it('shows a reply that comes in later without reloading the page', async () => {
    const page = await signIn('anna');
    await page.goto(`${web.url}/try`);
    // A mark on this document: gone if the page were loaded again.
    const marked = { loadedOnce: true };
    await page.evaluate((mark) => Object.assign(globalThis, mark), marked);
    // What the outbox sender hands the channel when a message reaches her chat later.
    await app.router.send({
      channel: webchatChannel,
      userId: annaId,
      text: 'Een bericht dat later kwam.',
      choices: [],
    });
    await page
      .locator('ol.chat p.lines-kept', { hasText: 'Een bericht dat later kwam.' })
      .waitFor(cap);
    expect(await page.evaluate(() => 'loadedOnce' in globalThis)).toBe(true);
    await page.context().close();
  });

  it('works without JavaScript', async () => {
    const page = await signIn('bert', false);
    await page.goto(`${web.url}/try`);
    await type(page, 'hallo');
    await tap(page, 'English');
    expect(await lastBloei(page)).toContain('Before we start: may I keep your answers?');
    await page.screenshot({ path: `${screenshots}/try-without-javascript.png`, fullPage: true });
    expect(await app.prisma.webchatMessage.count({ where: { userId: bertId } })).toBe(5);
    await page.context().close();
  });

  it('starts over as a new resident in another language, and leaves no count behind', async () => {
    const page = await signIn('anna');
    await page.goto(`${web.url}/try`);
    await page.getByLabel('Taal van je testinwoner').selectOption('en');
    await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'restarted', cap);
    expect(await page.getByRole('status').first().textContent()).toContain(
      'Je testinwoner is gewist.',
    );
    expect(await bubbles(page).count()).toBe(0);
    expect(
      await app.prisma.channelIdentity.count({
        where: { channel: webchatChannel, externalId: annaId },
      }),
    ).toBe(0);
    expect(
      await app.prisma.outboxChat.count({ where: { key: identityKey(webchatChannel, annaId) } }),
    ).toBe(0);
    expect(await app.prisma.erasure.count()).toBe(0);
    expect(await app.prisma.anonymousTally.count()).toBe(0);

    await type(page, 'hello');
    expect(await bubbles(page).nth(1).textContent()).toContain("Hi! I'm Bloei");
    const { counts } = await computeIndicators(app.store, period);
    expect(counts.find((c) => c.metric === 'checkIns')?.count).toBe(1);
    await page.context().close();
  });
});
