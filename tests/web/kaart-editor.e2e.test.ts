/**
 * Keeping the sociale kaart from the dashboard, in headless Chromium (Debian's, driven by
 * playwright-core): a coordinator adds an offer (interests and languages ticked in words, an
 * Arabic translation, its owner chosen), edits it, sees it flagged once nobody checked it for
 * months, marks it still correct and hides it; the database is read after each step. The
 * verbinder who owns it edits it and shows it again; another verbinder of the same wijk can
 * only read it. Screenshots go to artifacts/screenshots/ (not committed).
 */
import { mkdir } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInAs } from '../support/staff-browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, type TestWeb } from '../support/test-web.js';

const screenshots = 'artifacts/screenshots';
/** A safety cap against hanging only; conditions decide, not the clock. */
const cap = { timeout: 280_000 };
const name = 'Kookclub De Pollepel (voorbeeld)';
const minute = 60_000;
const day = 24 * 60 * minute;

describe('the sociale kaart in Chromium', () => {
  let db: TestDatabase;
  let app: TestApp;
  let web: TestWeb;
  let browser: Browser;
  let annaId: string;

  const signIn = (login: string, width: number): Promise<Page> =>
    signInAs(browser, web.url, login, { viewport: { width, height: 900 } });
  /** Waits until the browser shows `path` (with its query, exactly). */
  const at = (page: Page, path: string) =>
    page.waitForURL((url) => url.href === `${web.url}${path}`, cap);
  const stored = () =>
    app.prisma.offer.findFirstOrThrow({ where: { name }, include: { translations: true } });
  const row = async (page: Page) => page.locator(`tr[data-offer="${(await stored()).id}"]`);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    web = await createTestWeb(app);
    await addStaff(app, 'carla', { role: 'coordinator' });
    annaId = await addStaff(app, 'anna', { wijk: 'stratum' });
    await addStaff(app, 'bert', { wijk: 'stratum' });
    await mkdir(screenshots, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await app?.close();
    await db?.drop();
  });

  // The clock moves a minute between changes (sessions expire on the same clock).
  it('lets a coordinator add, edit, confirm and hide an offer', async () => {
    const page = await signIn('carla', 1280);
    await page.getByRole('navigation').getByRole('link', { name: 'Sociale kaart' }).click();
    await at(page, '/kaart');
    await page.getByRole('link', { name: 'Aanbod toevoegen' }).click();
    await at(page, '/kaart/offer');

    await page.getByLabel('Naam', { exact: true }).fill(name);
    await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Stratum' });
    await page.getByRole('checkbox', { name: 'Koken of bakken' }).check();
    await page.getByRole('checkbox', { name: 'Zorgen voor anderen' }).check();
    await page.getByLabel('Beschrijving', { exact: true }).fill('Samen koken en eten met buren.');
    await page.getByLabel('Wanneer', { exact: true }).fill('Elke dinsdag 17:00');
    await page.getByLabel('Waar', { exact: true }).fill('Buurthuis De Kroon (voorbeeld)');
    await page.getByRole('checkbox', { name: 'Nederlands' }).check();
    await page.getByRole('checkbox', { name: 'Arabisch' }).check();
    await page
      .getByLabel('Kun je er met een rolstoel naar binnen?', { exact: true })
      .selectOption({ label: 'Ja' });
    await page.getByLabel('Beheerder (houdt het aanbod actueel)').selectOption({
      label: 'Anna (Stratum)',
    });
    await page.getByLabel('Beschrijving (Arabisch)').fill('نطبخ ونأكل معًا مع الجيران.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await at(page, '/kaart?done=added');
    expect(await page.getByRole('status').textContent()).toBe('Het aanbod staat op de kaart.');

    const added = await stored();
    expect(added).toMatchObject({
      wijk: 'stratum',
      kind: 'activity',
      interests: ['cooking', 'care'],
      languages: ['ar', 'nl'],
      schedule: 'Elke dinsdag 17:00',
      wheelchair: true,
      busStop: null,
      ownerId: annaId,
      active: true,
      checkedAt: app.clock.now(),
    });
    expect(added.translations.map((t) => [t.language, t.description])).toEqual([
      ['ar', 'نطبخ ونأكل معًا مع الجيران.'],
    ]);
    const added_row = await row(page);
    expect(await added_row.locator('td[data-label="Wijk"]').textContent()).toBe('Stratum');
    expect(await added_row.locator('td[data-label="Beheerder"]').textContent()).toBe('Anna');

    // Edit: the form holds what was stored; a changed day is saved and counts as a check.
    app.clock.advance(minute);
    await added_row.getByRole('link', { name }).click();
    await page.getByRole('heading', { name: 'Aanbod bewerken' }).waitFor(cap);
    expect(await page.getByRole('checkbox', { name: 'Koken of bakken' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Tuinieren' }).isChecked()).toBe(false);
    await page.getByLabel('Wanneer', { exact: true }).fill('Elke woensdag 17:00');
    await page.getByRole('checkbox', { name: 'Zorgen voor anderen' }).uncheck();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await at(page, '/kaart?done=saved');
    const edited = await stored();
    expect(edited).toMatchObject({
      schedule: 'Elke woensdag 17:00',
      interests: ['cooking'],
      ownerId: annaId,
      checkedAt: app.clock.now(),
    });
    expect(edited.translations).toHaveLength(1);

    // Seven months unchecked: flagged as words; "still correct" makes it current again.
    await app.prisma.offer.update({
      where: { id: edited.id },
      data: { checkedAt: new Date(app.clock.now().getTime() - 213 * day) },
    });
    await page.goto(`${web.url}/kaart?status=stale`);
    const staleRow = await row(page);
    expect(await staleRow.locator('td[data-label="Nagekeken"]').innerText()).toBe(
      '7 maanden geleden\nVerouderd: al een half jaar niet nagekeken',
    );
    await page.screenshot({ path: `${screenshots}/kaart-stale-desktop.png`, fullPage: true });
    app.clock.advance(minute);
    await staleRow.getByRole('button', { name: 'Klopt nog' }).click();
    await at(page, '/kaart?done=confirmed');
    expect((await stored()).checkedAt).toEqual(app.clock.now());
    expect(await (await row(page)).locator('td[data-label="Nagekeken"]').innerText()).toBe('nu');

    await (await row(page)).getByRole('button', { name: 'Verbergen' }).click();
    await at(page, '/kaart?done=deactivated');
    expect((await stored()).active).toBe(false);
    expect(await (await row(page)).count()).toBe(0);
    await page.context().close();
  });

  it('lets the owning verbinder edit and show her offer again; another verbinder only reads', async () => {
    const bert = await signIn('bert', 412);
    await bert.goto(`${web.url}/kaart?status=inactive`);
    await (await row(bert)).getByRole('link', { name }).click();
    await bert.getByRole('heading', { name: 'Aanbod bekijken' }).waitFor(cap);
    expect(await bert.getByLabel('Naam', { exact: true }).isDisabled()).toBe(true);
    expect(
      await bert
        .getByRole('button')
        .filter({ hasText: /Opslaan|Verbergen|Klopt nog/ })
        .count(),
    ).toBe(0);
    await bert.context().close();

    const anna = await signIn('anna', 412);
    await anna.getByRole('navigation').getByRole('link', { name: 'Sociale kaart' }).click();
    await at(anna, '/kaart');
    await anna.getByLabel('Laat zien').selectOption({ label: 'Verborgen' });
    await anna.getByRole('button', { name: 'Toon' }).click();
    await at(anna, '/kaart?wijk=&status=inactive');
    await (await row(anna)).getByRole('link', { name }).click();
    await anna.getByRole('heading', { name: 'Aanbod bewerken' }).waitFor(cap);
    // She does not hand her offer to someone else: no owner to choose.
    expect(await anna.getByLabel('Beheerder (houdt het aanbod actueel)').count()).toBe(0);
    app.clock.advance(minute);
    await anna
      .getByLabel('Wat doet een vrijwilliger er?', { exact: true })
      .fill('Je helpt met snijden en afwassen.');
    await anna.screenshot({ path: `${screenshots}/kaart-edit.png`, fullPage: true });
    await anna.getByRole('button', { name: 'Opslaan' }).click();
    await at(anna, '/kaart?done=saved');
    expect(await stored()).toMatchObject({
      volunteerTask: 'Je helpt met snijden en afwassen.',
      ownerId: annaId,
      active: false,
      checkedAt: app.clock.now(),
    });

    await anna.goto(`${web.url}/kaart?status=inactive`);
    await (await row(anna)).getByRole('button', { name: 'Weer tonen' }).click();
    await at(anna, '/kaart?done=reactivated');
    expect((await stored()).active).toBe(true);
    await (await row(anna)).waitFor(cap);
    await anna.screenshot({ path: `${screenshots}/kaart.png`, fullPage: true });
    await anna.context().close();
  });
});
