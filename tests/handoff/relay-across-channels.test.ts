/**
 * A hand-off as a conversation across channels, over the real adapters: an Arabic-speaking
 * resident on Telegram (real grammY against the local fake Bot API) and a coordinator whose
 * chat is WhatsApp (whatsapp-web.js with only its Client replaced at the event boundary),
 * who also answers from the hand-off page in headless Chromium. Text goes both ways, the
 * resident's voice note reaches WhatsApp as a voice note, a saved reply arrives in Arabic
 * while the coordinator writes Dutch, and the open page shows a new message by itself.
 * Every wait is on a condition, with a cap that only guards against hanging.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInAs } from '../support/staff-browser.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff, createTestWeb, type TestWeb } from '../support/test-web.js';
import type { FakeUser } from '../support/fake-bot-api.js';
import { TelegramHarness } from '../bots/telegram/telegram-harness.js';
import { whatsAppOn } from '../bots/whatsapp/whatsapp-harness.js';
import { waitFor, within } from '../faults/support/wait-for.js';

/** A safety cap against hanging, not a deadline the test is judged by. */
const cap = () => within(Number(process.env.RELAY_TEST_CAP_MS ?? 240_000));

const samira: FakeUser = { id: 7_301, first_name: 'Samira', language_code: 'ar' };
const wilmaChat = '31611112222@c.us';
/** The voice note Samira records: its bytes, as Telegram keeps them for the bot. */
const voiceNote = Buffer.from('OggS fake opus voice note of Samira');

describe('a relay between a Telegram resident and a WhatsApp verbinder', () => {
  let db: TestDatabase;
  let telegram: TelegramHarness;
  let whatsapp: Awaited<ReturnType<typeof whatsAppOn>>;
  let web: TestWeb;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    telegram = await TelegramHarness.start('polling', db.url);
    const { app } = telegram;
    whatsapp = await whatsAppOn(app);
    whatsapp.factory.latest().emit('ready');
    // Wilma coordinates (she gets the alert of a hand-off without a wijk) and linked WhatsApp.
    const wilma = await addStaff(app, 'wilma', { role: 'coordinator' });
    await app.prisma.verbinder.update({
      where: { id: wilma },
      data: { channel: 'whatsapp', externalId: wilmaChat, linkedAt: app.clock.now() },
    });
    web = await createTestWeb(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await whatsapp?.channel.stop();
    await telegram?.close();
    await db?.drop();
  });

  /** What Samira read, without the direction marks Arabic text gets around its parts. */
  const toSamira = () =>
    telegram.api.sentTo(samira.id).map((m) => m.text.replace(/[\u200e\u200f\u2066-\u2069]/g, ''));
  const toWilma = () => whatsapp.sentTo(wilmaChat);
  const residentSays = (text: string) => telegram.turn(samira, telegram.api.text(samira, text));
  const until = (what: string, condition: () => boolean | Promise<boolean>) =>
    waitFor(condition, cap(), () => what);

  it('carries text, a voice note, a saved reply and a web reply both ways', async () => {
    const { app, api } = telegram;
    for (const line of ['مرحبا', '3', '1']) await residentSays(line);
    await residentSays('أريد التحدث مع شخص');
    const handoff = await app.prisma.handoff.findFirstOrThrow();
    const n = handoff.number;
    await until('the alert on WhatsApp', () => toWilma().some((t) => t.includes(`#${n}`)));

    await whatsapp.receive({ from: wilmaChat, body: `pak ${n}` });
    await until('the Arabic notice that Wilma takes it', () =>
      toSamira().some((t) => t.includes('خبر سار') && t.includes('Wilma')),
    );

    await residentSays('شكرا، أنا في البيت اليوم');
    await until('the resident’s words, marked, on WhatsApp', () =>
      toWilma().includes(`#${n} Samira: شكرا، أنا في البيت اليوم`),
    );

    await whatsapp.receive({
      from: wilmaChat,
      body: `antwoord ${n} Hoi Samira, ik bel je straks.`,
    });
    await until('Wilma’s words on Telegram', () =>
      toSamira().includes('Wilma (verbinder): Hoi Samira, ik bel je straks.'),
    );

    // A voice note: fetched from Telegram when it is sent, and a voice note on WhatsApp.
    api.putFile('v', 'voice/file_7.oga', voiceNote);
    await telegram.turn(samira, api.media(samira, 'voice'));
    const voiceTo = () =>
      whatsapp.factory.clients
        .flatMap((c) => c.sent)
        .find((s) => s.chatId === wilmaChat && s.media);
    await until('the voice note on WhatsApp', () => voiceTo() !== undefined);
    const voice = voiceTo()!;
    expect(voice.text).toBe(`#${n} Samira stuurt:`);
    expect(voice.options).toMatchObject({ sendAudioAsVoice: true });
    expect(voice.media?.mimetype).toMatch(/^audio\/ogg/);
    expect(Buffer.from(voice.media!.data, 'base64')).toEqual(voiceNote);

    // A saved reply, typed in Dutch, arrives in Samira's language.
    const belMorgen = app.translator
      .render({ key: 'relay.saved.bel-morgen', params: {} }, 'ar')
      .text.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
    await whatsapp.receive({ from: wilmaChat, body: `antwoord ${n} /bel-morgen` });
    await until('the saved reply in Arabic', () =>
      toSamira().includes(`Wilma (verbinder): ${belMorgen}`),
    );

    // The hand-off page: the reply box reaches Telegram, and a new message appears by itself.
    const page = await signInAs(browser, web.url, 'wilma');
    await page.goto(`${web.url}/inbox/${n}`);
    await page.getByLabel(/^Antwoord aan/).fill('Tot morgen, Samira!');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await until('the web reply on Telegram', () =>
      toSamira().includes('Wilma (verbinder): Tot morgen, Samira!'),
    );

    const lines = page.locator('#conversation-live ol.lines li');
    const shown = await lines.count();
    const box = page.getByLabel(/^Antwoord aan/);
    await box.fill('Ik kom ook');
    // A mark on this document: a reload would lose it.
    await page.locator('html').evaluate((html) => html.setAttribute('data-mark', 'kept'));
    await residentSays('إلى الغد');
    await until('the new message on the open page', async () =>
      (await lines.allTextContents()).some((t) => t.includes('إلى الغد')),
    );
    expect(await lines.count()).toBe(shown + 1);
    expect(await page.locator('html').getAttribute('data-mark')).toBe('kept');
    expect(await box.inputValue()).toBe('Ik kom ook');
    await page.close();

    const kept = await app.prisma.relayMessage.findMany({ orderBy: { seq: 'asc' } });
    expect(kept.map((m) => [m.direction, m.mediaKind])).toEqual([
      ['in', null],
      ['out', null],
      ['in', 'voice'],
      ['out', null],
      ['out', null],
      ['in', null],
    ]);
  });
});
