/**
 * The queue board (bull-board) in headless Chromium under the policy it gets: it works, and
 * the only thing its policy blocks is the web font it would fetch from a third party.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/staff-browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, staffPassword, type TestWeb } from '../support/test-web.js';

describe('queue board in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { jobs: true });
    web = await createTestWeb(app, { jobs: true });
    await addStaff(app, 'carla', { role: 'coordinator' });
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('shows the queues to a coordinator, with nothing of its own blocked', async () => {
    const page = await browser.newPage();
    // Only a hang guard: a busy machine is slow, which is no failure.
    page.setDefaultTimeout(280_000);
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${web.url}/login`);
    await page.getByLabel('Inlognaam').fill('carla');
    await page.getByLabel('Wachtwoord').fill(staffPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${web.url}/inbox`);
    await page.getByRole('link', { name: 'Wachtrijen' }).click();
    await expect
      .poll(() => page.getByText('maintenance').count(), { timeout: 280_000 })
      .toBeGreaterThan(0);
    expect(blocked.filter((b) => !b.includes('https://fonts.googleapis.com/'))).toEqual([]);
    await page.close();
  }, 300_000);
});
