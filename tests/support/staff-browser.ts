/**
 * Headless Chromium for the dashboard's tests, and a member of staff signed in to it: one
 * place for the browser's flags and the sign-in every Chromium test starts with.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { staffPassword } from './test-web.js';

/** The Chromium Bloei's WhatsApp channel would drive: CHROMIUM_PATH, or Debian's. */
export function chromiumPath(): string {
  return loadConfig({ ...process.env, WHATSAPP_ENABLED: 'true' }).channels.whatsapp!.chromiumPath;
}

/** Chromium as the tests run it: headless, nothing fetched in the background. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page of its own (its own cookies) where `login` signed in and sees the inbox. */
export async function signInAs(
  browser: Browser,
  webUrl: string,
  login: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  // Only a hang guard: a busy machine is slow, which is no failure.
  page.setDefaultTimeout(280_000);
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('Inlognaam').fill(login);
  await page.getByLabel('Wachtwoord').fill(staffPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${webUrl}/inbox`);
  return page;
}
