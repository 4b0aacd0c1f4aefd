/**
 * Answering a resident from the hand-off page in headless Chromium: the verbinder claims,
 * reads what the resident wrote since, replies in the box and with a saved reply; both reach
 * the resident through the outbox, in the resident's language, and the page shows them as
 * delivered.
 */
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentNl, messageTo, say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, type TestWeb } from '../support/test-web.js';
import { launchBrowser, signInAs } from '../support/staff-browser.js';

describe('replying to a resident from the web inbox (Chromium)', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let browser: Browser;

  const signIn = (login: string): Promise<Page> => signInAs(browser, web.url, login);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    // A coordinator sees every wijk: the resident did not say where they live.
    await addStaff(app, 'cora', { role: 'coordinator' });
    await say(app, 'res-web', ...consentNl, 'ik wil iemand spreken');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('claims, reads the resident and answers them in the box and with a saved reply', async () => {
    const handoff = await app.prisma.handoff.findFirstOrThrow();
    const n = handoff.number;
    const page = await signIn('cora');
    await page.goto(`${web.url}/inbox/${n}`);
    expect(await page.getByText('Pak de hand-off op om de inwoner te antwoorden.').count()).toBe(1);
    await page.getByRole('button', { name: 'Ik pak dit op' }).click();
    await messageTo(app, 'res-web', (m) => m.text.startsWith('Goed nieuws: verbinder'));

    expect(await say(app, 'res-web', 'Ik ben overdag thuis')).toEqual([]);
    await page.getByRole('link', { name: 'Nieuwe berichten? Ververs het gesprek' }).click();
    expect(await page.locator('ol.lines li').first().textContent()).toContain(
      'Ik ben overdag thuis',
    );

    await page.getByLabel(/^Antwoord aan/).fill('Dank je! Ik kom woensdag langs.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    expect(await page.getByRole('status').textContent()).toContain(`Verstuurd aan`);
    await messageTo(app, 'res-web', (m) => m.text.endsWith(': Dank je! Ik kom woensdag langs.'));

    await page.getByLabel(/vast antwoord/).selectOption('bel-morgen');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await messageTo(app, 'res-web', (m) => m.text.includes('Ik bel je morgen tussen 10 en 12 uur'));

    // Delivered, as the page shows once the sender recorded it.
    await expect
      .poll(async () => {
        await page.goto(`${web.url}/inbox/${n}`);
        return page.locator('ol.lines li').allTextContents();
      })
      .toEqual([
        // Cora has no linked chat: she reads the resident here.
        expect.stringMatching(/Ik ben overdag thuis.*alleen in het dashboard/),
        expect.stringMatching(/Dank je! Ik kom woensdag langs\..*afgeleverd/),
        expect.stringMatching(/Ik bel je morgen.*afgeleverd/),
      ]);
    await page.close();
  });
});
