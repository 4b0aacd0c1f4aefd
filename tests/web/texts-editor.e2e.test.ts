/**
 * The texts editor in headless Chromium (Debian's, driven by playwright-core): a coordinator
 * finds the talentenscan's energy question by flow, saves a new Dutch wording, and sees it in
 * place at once in the web chat, as a new resident in the simulator does too. A wording that
 * drops a placeholder is refused with the reason, and nothing changes. A verbinder finds no
 * editor in the menu and is refused it, also when she posts the form. Screenshots go to
 * artifacts/screenshots/ (not committed).
 */
import { mkdir } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, type TestWeb } from '../support/test-web.js';
import { launchBrowser, signInAs } from '../support/staff-browser.js';

const screenshots = 'artifacts/screenshots';
const energy = 'talentenscan.energy';
const newEnergy = 'Waar word jij vrolijk van? Vertel het me in je eigen woorden.';
/** `text` matched literally in a regular expression. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A safety cap against hanging only; conditions decide, not the clock. */
const cap = { timeout: 280_000 };

describe('the texts editor in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let browser: Browser;

  const signIn = (login: string, width = 1280): Promise<Page> =>
    signInAs(browser, web.url, login, { viewport: { width, height: 900 } });

  /** Waits until the browser shows `path` (with its query, exactly). */
  const at = (page: Page, path: string) =>
    page.waitForURL((url) => url.href === `${web.url}${path}`, cap);

  /** Taps the button of Bloei's open question whose words start with `label`. */
  async function tap(page: Page, label: string) {
    const lines = await page.locator('ol.chat > li').count();
    await page
      .locator('form.choices button', { hasText: new RegExp(`^\\d+\\. ${escaped(label)}`) })
      .click();
    await page
      .locator('ol.chat > li')
      .nth(lines + 1)
      .waitFor(cap);
  }

  async function type(page: Page, text: string) {
    const lines = await page.locator('ol.chat > li').count();
    await page.getByLabel('Je bericht').fill(text);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page
      .locator('ol.chat > li')
      .nth(lines + 1)
      .waitFor(cap);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    await addStaff(app, 'carla', { role: 'coordinator' });
    await addStaff(app, 'anna', { wijk: 'stratum' });
    await mkdir(screenshots, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  it('lets a coordinator reword a question, which residents get at once', async () => {
    const page = await signIn('carla');
    await page.getByRole('navigation').getByRole('link', { name: 'Teksten' }).click();
    await page.waitForURL(`${web.url}/texts`);
    await page.screenshot({ path: `${screenshots}/texts-browse.png`, fullPage: true });
    await page.locator('ul.groups a', { hasText: /^Talentenscan$/ }).click();
    await at(page, `/texts?group=talentenscan`);
    const row = page.locator('tr', { has: page.locator('code', { hasText: energy }) });
    await row.locator('td[data-label="Nederlands"] a.edit').click();
    await at(page, `/texts?lang=nl&key=${energy}`);

    // Where the text is used, in words: the flow by its name, the step by its number.
    expect(await page.getByRole('link', { name: 'Terug naar Talentenscan' }).count()).toBe(1);
    expect(await page.locator('dd', { hasText: /^Talentenscan · Stap 2$/ }).count()).toBe(1);
    const area = page.getByLabel('Tekst in het Nederlands');
    expect(await area.inputValue()).toBe('Waar krijg je energie van? Waar word je blij van?');
    await area.fill(newEnergy);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await at(page, `/texts?lang=nl&key=${energy}&done=saved`);
    expect(await page.getByRole('status').textContent()).toContain(
      'Opgeslagen. Inwoners krijgen deze tekst vanaf nu.',
    );
    expect(await page.locator('#history tbody tr').count()).toBe(1);
    expect(await page.locator('#history tbody tr td:nth-child(2)').textContent()).toBe('Carla');
    await page.screenshot({ path: `${screenshots}/texts-saved.png`, fullPage: true });

    // In place: the web chat, as a new test resident, reaches the question in its new words.
    await page.getByRole('link', { name: 'Probeer het uit in de chat' }).click();
    await at(page, `/try?lang=nl`);
    await type(page, 'hallo');
    await tap(page, 'Nederlands');
    await tap(page, 'Ja');
    await tap(page, 'Nee');
    await tap(page, 'Talentenscan');
    await page.locator('ol.chat > li p.lines-kept', { hasText: newEnergy }).waitFor(cap);
    await page.screenshot({ path: `${screenshots}/texts-in-the-chat.png`, fullPage: true });

    // And a resident in the simulator, through the same pipeline.
    const replies = await say(app, 'newcomer', 'hallo', '1', 'ja', 'nee', '1');
    expect(replies.map((r) => r.text)).toContain(newEnergy);
    expect(replies.map((r) => r.text)).not.toContain(
      'Waar krijg je energie van? Waar word je blij van?',
    );
    await page.context().close();
  });

  it('refuses a wording that drops a placeholder, says why, and keeps what was typed', async () => {
    const page = await signIn('carla', 412);
    const key = 'talentenscan.summary';
    await page.goto(`${web.url}/texts?lang=nl&key=${key}`);
    const typed = 'Dit heb ik van je gehoord: {{energy}}';
    await page.getByLabel('Tekst in het Nederlands').fill(typed);
    const revisions = await app.prisma.textRevision.count();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Opslaan' }).click(),
    ]);
    expect(response.status()).toBe(422);
    const alert = page.getByRole('alert');
    expect(await alert.locator('p').first().textContent()).toBe(
      'Niet opgeslagen. Dit moet anders:',
    );
    expect(await alert.locator('li').allTextContents()).toContain(
      '{{skills}} ontbreekt. Zet het terug: Bloei vult daar zelf iets in. De Nederlandse tekst heeft: {{energy}} {{skills}} {{interests}} {{forOthers}} {{ownWish}} {{time}} {{mobility}} {{wijk}}.',
    );
    expect(await page.getByLabel('Tekst in het Nederlands').inputValue()).toBe(typed);
    await page.screenshot({ path: `${screenshots}/texts-refused.png`, fullPage: true });
    expect(await app.prisma.textRevision.count()).toBe(revisions);
    expect(app.texts.catalog.override('nl', key)).toBeUndefined();
    await page.context().close();
  });

  it('keeps a verbinder out of the editor, by the menu, the address and the form', async () => {
    const page = await signIn('anna', 412);
    const menu = page.getByRole('navigation');
    expect(await menu.getByRole('link', { name: 'Uitproberen' }).count()).toBe(1);
    expect(await menu.getByRole('link', { name: 'Teksten' }).count()).toBe(0);

    const shown = await page.goto(`${web.url}/texts?lang=nl&key=${energy}`);
    expect(shown?.status()).toBe(403);
    expect(await page.locator('textarea').count()).toBe(0);
    await page.screenshot({ path: `${screenshots}/texts-verbinder-refused.png`, fullPage: true });

    // Her own valid token, from a page she may see: still refused.
    await page.goto(`${web.url}/inbox`);
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const posted = await page.request.post(`${web.url}/texts`, {
      form: { lang: 'nl', key: energy, text: 'Hoi', _csrf: csrf },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    expect(app.texts.catalog.text('nl', energy)).toBe(newEnergy);
    await page.context().close();
  });
});
