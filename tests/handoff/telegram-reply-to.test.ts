/**
 * A verbinder on Telegram answers by replying (Telegram's reply) to the hand-off alert or to
 * a relayed message, over real grammY against the local fake Bot API: the reply answers that
 * hand-off, as "antwoord 12" would. A resident's voice note reaches them through the same bot
 * by its file id, nothing downloaded.
 */
import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentNl } from '../support/conversation-driver.js';
import type { FakeUser, SentMessage } from '../support/fake-bot-api.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { addStaff } from '../support/test-web.js';
import { TelegramHarness } from '../bots/telegram/telegram-harness.js';
import { waitFor, within } from '../faults/support/wait-for.js';

/** A safety cap against hanging, not a deadline the test is judged by. */
const cap = () => within(240_000);

const jan: FakeUser = { id: 8_101, first_name: 'Jan', language_code: 'nl' };
const sam: FakeUser = { id: 8_202, first_name: 'Sam', language_code: 'nl' };

describe('answering a hand-off by replying to a message on Telegram', () => {
  let db: TestDatabase;
  let telegram: TelegramHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    telegram = await TelegramHarness.start('polling', db.url);
    const { app } = telegram;
    const id = await addStaff(app, 'sam', { role: 'coordinator' });
    await app.prisma.verbinder.update({
      where: { id },
      data: { channel: 'telegram', externalId: String(sam.id), linkedAt: app.clock.now() },
    });
  });
  afterAll(async () => {
    await telegram?.close();
    await db?.drop();
  });

  const until = (what: string, condition: () => boolean | Promise<boolean>) =>
    waitFor(condition, cap(), () => what);
  const toJan = () => telegram.api.sentTo(jan.id).map((m) => m.text);
  const toSam = () => telegram.api.sentTo(sam.id);

  /** Sam's text as a reply to `message`, the way Telegram reports one. */
  const replyTo = (message: SentMessage, text: string) => {
    const update = telegram.api.text(sam, text);
    const quoted = {
      message_id: message.messageId,
      date: 0,
      chat: update.message!.chat,
    } as Message.TextMessage['reply_to_message'];
    return { message: { ...update.message!, reply_to_message: quoted } } as typeof update;
  };

  it('answers the hand-off of the alert or relayed message replied to', async () => {
    const { api } = telegram;
    for (const line of [...consentNl, 'ik wil iemand spreken']) {
      await telegram.turn(jan, api.text(jan, line));
    }
    const n = (await telegram.app.prisma.handoff.findFirstOrThrow()).number;
    await until('the alert', () => toSam().some((m) => m.text.includes(`#${n}`)));
    const alert = toSam().find((m) => m.text.includes(`#${n}`))!;

    // Replying before claiming is answered like "antwoord": claim it first.
    const early = await telegram.turn(sam, replyTo(alert, 'Hoi Jan'));
    expect(early.map((m) => m.text)).toEqual([
      `Pak #${n} eerst op met 'pak ${n}'. Daarna kun je Jan antwoorden.`,
    ]);

    await telegram.turn(sam, api.text(sam, `pak ${n}`));
    await telegram.turn(sam, replyTo(alert, 'Hoi Jan, ik ben Sam.'));
    await until('the answer to the alert', () =>
      toJan().includes('Sam (verbinder): Hoi Jan, ik ben Sam.'),
    );

    await telegram.turn(jan, api.text(jan, 'Fijn! Wanneer kun je?'));
    await until('the relayed message', () =>
      toSam().some((m) => m.text === `#${n} Jan: Fijn! Wanneer kun je?`),
    );
    const relayed = toSam().find((m) => m.text === `#${n} Jan: Fijn! Wanneer kun je?`)!;
    await telegram.turn(sam, replyTo(relayed, 'Morgen om tien uur.'));
    await until('the answer to the relayed message', () =>
      toJan().includes('Sam (verbinder): Morgen om tien uur.'),
    );

    // A voice note goes on through the same bot by its file id: nothing is downloaded.
    api.putFile('v', 'voice/file_3.oga', Buffer.from('voice'));
    await telegram.turn(jan, api.media(jan, 'voice'));
    await until('the voice note', () => api.sentMedia.some((m) => m.chatId === String(sam.id)));
    expect(api.sentMedia.find((m) => m.chatId === String(sam.id))).toMatchObject({
      method: 'sendVoice',
      fileId: 'v',
      caption: `#${n} Jan stuurt:`,
    });
    expect(api.callsOf('getFile')).toEqual([]);

    const keptAll = () => telegram.app.prisma.relayMessage.findMany({ orderBy: { seq: 'asc' } });
    await until('every message recorded as delivered', async () =>
      (await keptAll()).every((m) => m.outcome !== null),
    );
    const kept = await keptAll();
    expect(kept.map((m) => [m.direction, m.text ?? m.mediaKind, m.outcome])).toEqual([
      ['out', 'Hoi Jan, ik ben Sam.', 'sent'],
      ['in', 'Fijn! Wanneer kun je?', 'sent'],
      ['out', 'Morgen om tien uur.', 'sent'],
      ['in', 'voice', 'sent'],
    ]);
  });
});
