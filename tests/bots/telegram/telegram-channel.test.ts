import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InlineKeyboardButton } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineToInbound } from '../../../src/bots/simulator/to-inbound.js';
import { maxCallbackDataBytes } from '../../../src/bots/telegram/callback-data.js';
import { TelegramChannel } from '../../../src/bots/telegram/telegram-channel.js';
import { identityKey } from '../../../src/conversations/identity-key.js';
import { databaseExpectations } from '../../golden/expectations.js';
import { FakeBotApi, type FakeUser, type MediaKind } from '../../support/fake-bot-api.js';
import { linkCoordinator, playGolden, readGolden } from '../../support/golden.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import {
  asPlain,
  publicWebhookUrl,
  TelegramHarness,
  until,
  type Mode,
} from './telegram-harness.js';

const goldenDir = join(import.meta.dirname, '../../golden');
const happy = ['talentenscan-happy.nl.txt', 'talentenscan-happy.en.txt'];
const everyGolden = readdirSync(goldenDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

let nextUserId = 610_000_001;
function resident(language_code?: string): FakeUser {
  return { id: nextUserId++, first_name: 'Amina', ...(language_code ? { language_code } : {}) };
}

/**
 * Replays a golden conversation through Telegram: an answer that names a button of the
 * current question (its number or its label) is, every other time, a tap on that button
 * with the callback data the bot sent; everything else is typed ("2", "ja", labels, text).
 * Returns the transcript as the golden file prints it.
 */
async function playOverTelegram(h: TelegramHarness, file: string, user: FakeUser) {
  const script = readGolden(join(goldenDir, file));
  const out = [...script.header, ''];
  let tappables = 0;
  let taps = 0;
  for (const input of script.inputs) {
    out.push(input === '' ? '>' : `> ${input}`);
    h.app.clock.advance();
    const last = h.api.sentTo(user.id).at(-1);
    const buttons = last?.keyboard?.flat() ?? [];
    const media = /^<media(?::(\w+))?>$/.exec(input);
    const tapMarker = /^<tap:([\w-]+)>$/.exec(input);
    let update;
    if (media) {
      update = h.api.media(user, (media[1] ?? 'photo') as MediaKind);
    } else if (tapMarker) {
      const tapped = buttons.find((b) => b.callback_data.endsWith(`|${tapMarker[1]}`));
      update = h.api.tap(user, last!, tapped!.callback_data);
      taps++;
    } else if (button(input, buttons) && tappables++ % 2 === 0) {
      update = h.api.tap(user, last!, button(input, buttons)!.callback_data);
      taps++;
    } else {
      update = h.api.text(user, input);
    }
    const replies = await h.turn(user, update);
    replies.forEach((reply, i) => {
      if (i > 0) out.push('<');
      out.push(
        ...asPlain(reply)
          .split('\n')
          .map((l) => `< ${l}`),
      );
    });
    out.push('');
    // No stale keyboard stays active: only the newest message may still have buttons.
    const open = h.openKeyboards(user.id);
    expect(open.length).toBeLessThanOrEqual(1);
    if (open[0]) expect(open[0]).toBe(h.api.sentTo(user.id).at(-1));
  }
  return { transcript: out.join('\n'), taps, inputs: script.inputs.length };
}

function button(input: string, buttons: InlineKeyboardButton.CallbackButton[]) {
  if (/^\d+$/.test(input)) return buttons[Number(input) - 1];
  return buttons.find((b) => b.text.toLowerCase() === input.trim().toLowerCase());
}

/** The same script through the simulator: what every channel must show the resident. */
async function playOnSimulator(h: TelegramHarness, file: string, user: FakeUser) {
  const script = readGolden(join(goldenDir, file));
  return playGolden(script, h.app.handler, `simulator-${user.id}`, h.app.clock);
}

async function talentProfiles(h: TelegramHarness, user: FakeUser) {
  return h.app.prisma.talentProfile.count({
    where: {
      contact: { identities: { some: { channel: 'telegram', externalId: String(user.id) } } },
    },
  });
}

describe(TelegramChannel.name, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await linkCoordinator(db.prisma);
  });
  afterAll(async () => {
    await db?.drop();
  });

  describe.each<Mode>(['polling', 'webhook'])('in %s mode, over HTTP', (mode) => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await TelegramHarness.start(mode, db.url);
    });
    afterAll(async () => {
      await h?.close();
    });

    it.each(happy)(
      'runs a complete talentenscan (%s) with taps and typed answers',
      async (file) => {
        const hint = readGolden(join(goldenDir, file)).hint;
        const user = resident(hint);
        const tapsBefore = h.api.callsOf('answerCallbackQuery').length;
        const played = await playOverTelegram(h, file, user);
        expect(played.transcript).toBe(await playOnSimulator(h, file, user));
        const golden = readFileSync(join(goldenDir, file), 'utf8').trim().split('\n');
        const lines = played.transcript.trim().split('\n');
        expect(lines).toContain(golden.find((l) => l.startsWith('< ')));
        expect(lines).toContain('< • Wijk: Woensel-Zuidwest');
        expect(lines.at(-1)).toBe(golden.at(-1));
        expect(played.taps).toBeGreaterThanOrEqual(3);
        expect(played.inputs - played.taps).toBeGreaterThanOrEqual(10);
        expect(h.api.callsOf('answerCallbackQuery').length - tapsBefore).toBe(played.taps);
        await databaseExpectations[file]!(h.app.prisma, 'telegram', String(user.id));
        expect(await talentProfiles(h, user)).toBe(1);
      },
    );

    it('processes a redelivered update (same update_id) once', async () => {
      const user = resident('nl');
      const update = { ...h.api.text(user, 'hallo'), update_id: 9_000_000 + (user.id % 1000) };
      await Promise.all([h.api.push(update), h.api.push(update)]);
      await h.handledTimes(String(update.update_id), 2);
      expect(h.api.sentTo(user.id).map((m) => m.text.split('\n')[0])).toEqual([
        'Hoi! Ik ben Bloei, de chat van Buurt in Bloei van WIJeindhoven.',
        'In welke taal wil je chatten?',
      ]);
    });

    it('answers a sticker or a photo with "I can only read text", in the resident language', async () => {
      for (const [language, kind] of [
        ['nl', 'sticker'],
        ['en', 'photo'],
      ] as const) {
        const user = resident(language);
        await h.turn(user, h.api.text(user, 'hallo'));
        const replies = await h.turn(user, h.api.media(user, kind));
        expect(replies[0]?.text).toBe(h.app.translator.text('system.invalid.media', language));
        expect(
          replies
            .at(-1)
            ?.sentKeyboard?.flat()
            .map((b) => b.text),
        ).toEqual(['Nederlands', 'English', '\u200Eالعربية', 'Türkçe', 'Polski', 'Українська']);
      }
    });

    it('never sends a button with more than 64 bytes of callback data', () => {
      const buttons = h.api.sent.flatMap((m) => m.sentKeyboard?.flat() ?? []);
      expect(buttons.length).toBeGreaterThan(20);
      for (const button of buttons) {
        expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(maxCallbackDataBytes);
        expect(button.callback_data).toMatch(/^c\|[0-9a-f]{8}\.\d+\|[\w-]+$/);
      }
    });
  });

  describe('in polling mode', () => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await TelegramHarness.start('polling', db.url);
    });
    afterAll(async () => {
      await h?.close();
    });

    it('polls without a webhook, for messages and button taps only', async () => {
      expect(h.api.callsOf('deleteWebhook')).toHaveLength(1);
      await until(() => h.api.callsOf('getUpdates').length > 0);
      const poll = h.api.callsOf('getUpdates')[0]!.payload;
      expect(poll).toMatchObject({ timeout: 10, allowed_updates: ['message', 'callback_query'] });
    });

    it('publishes the command menu in every language, and Dutch by default', () => {
      const lists = h.api.callsOf('setMyCommands').map((c) => ({
        language: c.payload.language_code,
        commands: (c.payload.commands as { command: string; description: string }[]).map(
          (command) => command.command,
        ),
        help: (c.payload.commands as { command: string; description: string }[])[3]?.description,
      }));
      expect(lists.slice(0, 3)).toEqual([
        {
          language: undefined,
          commands: ['start', 'menu', 'taal', 'help', 'stop'],
          help: 'Uitleg over wat je kunt typen',
        },
        {
          language: 'ar',
          commands: ['start', 'menu', 'lugha', 'help', 'stop'],
          help: expect.stringMatching(/\p{Script=Arabic}/u),
        },
        {
          language: 'en',
          commands: ['start', 'menu', 'language', 'help', 'stop'],
          help: 'What you can type',
        },
      ]);
      expect(lists.map((l) => l.language)).toEqual([undefined, 'ar', 'en', 'nl', 'pl', 'tr', 'uk']);
      expect(lists.find((l) => l.language === 'nl')?.commands[2]).toBe('taal');
    });

    it.each(everyGolden.filter((f) => !happy.includes(f)))(
      'shows the golden conversation %s exactly as the simulator does',
      async (file) => {
        const user = resident(readGolden(join(goldenDir, file)).hint);
        const played = await playOverTelegram(h, file, user);
        expect(played.transcript).toBe(await playOnSimulator(h, file, user));
      },
    );

    it('passes /start on as text, without a deep-link payload', async () => {
      const user = resident('en');
      const replies = await h.turn(user, h.api.text(user, '/start campaign-2026'));
      expect(replies.length).toBeGreaterThan(0);
      expect(h.inbound.at(-1)?.content).toEqual({ type: 'text', text: '/start' });
    });

    it('refuses a tap on the buttons of an earlier question', async () => {
      const user = resident('nl');
      const [, languageQuestion] = await h.turn(user, h.api.text(user, 'hallo'));
      const dutch = languageQuestion!.keyboard![0]![0]!.callback_data;
      const [consent] = await h.turn(user, h.api.tap(user, languageQuestion!, dutch));
      expect(consent?.text).toMatch(/^Voordat we beginnen/);
      expect(languageQuestion!.keyboard).toBeUndefined();

      // An old phone that still shows the first keyboard taps it again.
      const stale = await h.turn(user, h.api.tap(user, languageQuestion!, dutch));
      expect(stale[0]?.text).toBe(h.app.translator.text('system.invalid.stale', 'nl'));
      expect(stale.at(-1)?.text).toMatch(/^Voordat we beginnen/);
      expect(consent!.keyboard).toBeUndefined();
      expect(h.openKeyboards(user.id)).toEqual([stale.at(-1)]);
      const identity = await h.app.prisma.channelIdentity.findUnique({
        where: { channel_externalId: { channel: 'telegram', externalId: String(user.id) } },
      });
      expect(identity).toBeNull();
    });

    it('marks a resident who blocked the bot (403) as blocked', async () => {
      const user = resident('nl');
      const [, languageQuestion] = await h.turn(user, h.api.text(user, 'hallo'));
      const dutch = languageQuestion!.keyboard![0]![0]!.callback_data;
      await h.turn(user, h.api.tap(user, languageQuestion!, dutch));
      await h.turn(user, h.api.text(user, 'ja'));
      const where = {
        identities: { some: { channel: 'telegram', externalId: String(user.id) } },
      };
      expect(await h.app.prisma.contact.findFirst({ where })).toMatchObject({ status: 'active' });

      h.api.failNext('sendMessage', FakeBotApi.blocked, { chatId: String(user.id) });
      const replies = await h.turn(user, h.api.text(user, 'menu'));
      expect(replies).toEqual([]);
      expect(await h.app.prisma.contact.findFirst({ where })).toMatchObject({ status: 'blocked' });
    });

    it('waits out a 429 (retry_after 1) and then delivers the message', async () => {
      const user = resident('en');
      h.api.failNext('sendMessage', FakeBotApi.tooManyRequests(1), { chatId: String(user.id) });
      const replies = await h.turn(user, h.api.text(user, 'hello'));
      expect(replies.map((m) => m.text.split('\n')[0])).toEqual([
        "Hi! I'm Bloei, the chat of Buurt in Bloei by WIJeindhoven.",
        'Which language would you like to chat in?',
      ]);
      const attempts = h.api
        .callsOf('sendMessage')
        .filter((c) => String(c.payload.chat_id) === String(user.id));
      expect(attempts).toHaveLength(3);
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(990);
      expect(attempts[1]!.payload.text).toBe(attempts[0]!.payload.text);
    });

    it('ignores groups and channels: only private chats reach Bloei', async () => {
      const user = resident('nl');
      const group = { id: -100_123, type: 'group', title: 'Buurtapp' } as const;
      const ignored = await h.api.push(h.api.text(user, 'hallo', group));
      await h.turn(user, h.api.text(user, 'hallo'));
      expect(h.inbound.some((m) => m.messageId === String(ignored))).toBe(false);
      expect(h.api.sentTo(group.id)).toEqual([]);
    });

    it('keeps the same numeric id on Telegram and on the simulator apart', async () => {
      const user = resident('nl');
      const id = String(user.id);
      const [, languageQuestion] = await h.turn(user, h.api.text(user, 'hallo'));
      await h.turn(
        user,
        h.api.tap(user, languageQuestion!, languageQuestion!.keyboard![0]![0]!.callback_data),
      );
      await h.turn(user, h.api.text(user, 'ja'));

      const simulated = await h.app.handler.handle(lineToInbound('hallo', id));
      expect(simulated[0]?.text).toMatch(/^Hoi! Ik ben Bloei/);

      const telegramKey = identityKey('telegram', id);
      const simulatorKey = identityKey('simulator', id);
      expect(telegramKey).not.toBe(simulatorKey);
      const conversations = await h.app.prisma.conversation.findMany({
        where: { identityKey: { in: [telegramKey, simulatorKey] } },
      });
      const byKey = new Map(conversations.map((c) => [c.identityKey, c]));
      expect(byKey.get(telegramKey)?.contactId).toBeTruthy();
      expect(byKey.get(simulatorKey)?.contactId).toBeNull();
      const identities = await h.app.prisma.channelIdentity.findMany({ where: { externalId: id } });
      expect(identities.map((i) => i.channel)).toEqual(['telegram']);
    });
  });

  describe('in webhook mode', () => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await TelegramHarness.start('webhook', db.url);
    });
    afterAll(async () => {
      await h?.close();
    });

    it('registers the webhook with its secret, for messages and button taps only', () => {
      expect(h.api.callsOf('setWebhook').map((c) => c.payload)).toEqual([
        {
          url: publicWebhookUrl,
          secret_token: h.config.webhook!.secret,
          allowed_updates: ['message', 'callback_query'],
        },
      ]);
      expect(h.api.callsOf('getUpdates')).toEqual([]);
      expect(h.channel.webhookPort).toBeGreaterThan(0);
    });

    it('refuses a post with a wrong or missing secret (401) and does not process it', async () => {
      const user = resident('nl');
      const update = { ...h.api.text(user, 'hallo'), update_id: 8_800_001 };
      const processed = await h.app.prisma.processedInbound.count();
      const secret = h.config.webhook!.secret;
      const wrong = [secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'), 'short', ''];
      for (const header of [...wrong, undefined]) {
        const response = await fetch(h.api.webhookTarget!, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(header === undefined ? {} : { 'x-telegram-bot-api-secret-token': header }),
          },
          body: JSON.stringify(update),
        });
        expect(response.status).toBe(401);
      }
      expect(h.inbound.some((m) => m.messageId === String(update.update_id))).toBe(false);
      expect(h.api.sentTo(user.id)).toEqual([]);
      expect(await h.app.prisma.processedInbound.count()).toBe(processed);
      const conversation = await h.app.prisma.conversation.findUnique({
        where: { identityKey: identityKey('telegram', String(user.id)) },
      });
      expect(conversation).toBeNull();
    });

    it('serves only its own path and only POST', async () => {
      const base = new URL(h.api.webhookTarget!);
      expect((await fetch(new URL('/elsewhere', base), { method: 'POST' })).status).toBe(404);
      expect((await fetch(base)).status).toBe(405);
    });
  });

  describe('logging', () => {
    it('never logs message text, names or chat ids, at any level', async () => {
      const entries: string[] = [];
      const capture = (level: string) => (fields: object, message: string) => {
        entries.push(JSON.stringify({ level, fields, message }));
      };
      const logger = {
        debug: capture('debug'),
        info: capture('info'),
        warn: capture('warn'),
        error: capture('error'),
      };
      const h = await TelegramHarness.start('polling', db.url, { logger });
      try {
        const user = { ...resident('nl'), first_name: 'Zeynep' };
        const [, languageQuestion] = await h.turn(user, h.api.text(user, 'hallo'));
        const dutch = languageQuestion!.keyboard![0]![0]!.callback_data;
        await h.turn(user, h.api.tap(user, languageQuestion!, dutch));
        await h.turn(user, h.api.tap(user, languageQuestion!, dutch));
        await h.turn(user, h.api.text(user, 'Geheime tekst over mijn buurvrouw'));
        h.api.failNext('sendMessage', FakeBotApi.blocked, { chatId: String(user.id) });
        await h.turn(user, h.api.text(user, 'ja'));
        expect(entries.length).toBeGreaterThan(5);
        const all = entries.join('\n');
        for (const secret of [String(user.id), 'Zeynep', 'Geheime', 'hallo', 'Voordat']) {
          expect(all).not.toContain(secret);
        }
      } finally {
        await h.close();
      }
    });
  });

  describe('pacing and shutdown', () => {
    it('paces messages to one chat and stops polling at once', async () => {
      const h = await TelegramHarness.start('polling', db.url, { perChatIntervalMs: 250 });
      try {
        const user = resident('nl');
        const replies = await h.turn(user, h.api.text(user, 'hallo'));
        expect(replies).toHaveLength(2);
        // Taken as the requests arrived. The first may reach the API later after its release
        // than the second (a new connection, a busy machine), so the gap can come out a little
        // under 250 ms; unpaced, the two arrive a few milliseconds apart.
        const [first, second] = h.api.callsOf('sendMessage').map((c) => c.at);
        expect(second! - first!).toBeGreaterThanOrEqual(200);
        // Long polling waits for updates: an idle bot does not spin on getUpdates.
        // (A spinning bot would call it dozens of times in 300 ms; a waiting one once or twice.)
        const idle = h.api.callsOf('getUpdates').length;
        await new Promise((r) => setTimeout(r, 300));
        expect(h.api.callsOf('getUpdates').length - idle).toBeLessThanOrEqual(2);
        // Stopping does not wait for the long poll (10 s) to end: it aborts it.
        const stopped = h.channel.stop();
        const longPollEnds = new Promise((r) => setTimeout(() => r('long poll'), 10_000));
        expect(await Promise.race([stopped.then(() => 'stopped'), longPollEnds])).toBe('stopped');
        const polls = h.api.callsOf('getUpdates').length;
        await new Promise((r) => setTimeout(r, 100));
        expect(h.api.callsOf('getUpdates').length).toBe(polls);
      } finally {
        await h.close();
      }
    });
  });
});
