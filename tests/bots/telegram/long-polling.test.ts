import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/bots/channel.js';
import { UpdateOffsets } from '../../../src/bots/telegram/long-polling.js';
import {
  TelegramChannel,
  type TelegramChannelOptions,
} from '../../../src/bots/telegram/telegram-channel.js';
import type { TelegramConfig } from '../../../src/bots/telegram/telegram-settings.js';
import { loadLocales } from '../../../src/i18n/load-locales.js';
import { createTranslator } from '../../../src/i18n/translator.js';
import { identityKey } from '../../../src/conversations/identity-key.js';
import { PrismaInboundSpool } from '../../../src/store/prisma-inbound-spool.js';
import { waitFor, within } from '../../faults/support/wait-for.js';
import { FakeBotApi, type FakeUser } from '../../support/fake-bot-api.js';
import { silentLogger } from '../../support/test-app.js';
import { createTestDatabase } from '../../support/test-database.js';
import { publicWebhookUrl, until } from './telegram-harness.js';

const updates = (...ids: number[]) => ids.map((id) => ({ update_id: id }) as Update);

describe(UpdateOffsets.name, () => {
  it('confirms an update to Telegram only once it and every older one are handled', () => {
    const offsets = new UpdateOffsets();
    const ids = (fresh: Update[]) => fresh.map((u) => u.update_id);
    expect(ids(offsets.take(updates(5, 6, 7), 0))).toEqual([5, 6, 7]);
    expect(offsets.offset).toBe(5);
    offsets.done(6);
    offsets.done(7);
    expect(offsets.offset).toBe(5);
    expect(offsets.busy).toBe(true);
    // Telegram returns what it was not told to forget: only the new one is handed out.
    expect(ids(offsets.take(updates(5, 6, 7, 8), 5))).toEqual([8]);
    offsets.done(5);
    expect(offsets.offset).toBe(8);
    // An answer to a call made before 5 was done still holds it: it is not handed out again.
    expect(ids(offsets.take(updates(5, 6, 7, 8), 5))).toEqual([]);
    offsets.done(8);
    expect(offsets.offset).toBe(9);
    expect(offsets.busy).toBe(false);
    expect(ids(offsets.take(updates(9), 9))).toEqual([9]);
  });
});

describe(`${TelegramChannel.name}: an update counts only once handled`, () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function channel(api: FakeBotApi, webhook = false, options: TelegramChannelOptions = {}) {
    const config: TelegramConfig = {
      token: api.token,
      apiRoot: api.apiRoot,
      webhook: webhook
        ? { url: publicWebhookUrl, secret: 'a-secret-of-sixteen', host: '127.0.0.1', port: 0 }
        : undefined,
    };
    const translator = await createTranslator(loadLocales(), 'nl');
    const telegram = new TelegramChannel(config, silentLogger, translator, {
      perChatIntervalMs: 0,
      pollTimeoutSeconds: 1,
      pollingRetryDelaysMs: [20, 20],
      ...options,
    });
    closers.push(() => telegram.stop());
    return telegram;
  }

  async function spool() {
    const db = await createTestDatabase();
    closers.push(() => db.drop());
    return { db, spool: new PrismaInboundSpool(db.prisma) };
  }

  async function fakeApi() {
    const api = await FakeBotApi.start();
    closers.push(() => api.close());
    return api;
  }

  it('leaves an update a stopped poller had not handled for the next one', async () => {
    const api = await fakeApi();
    const user = { id: 4242, first_name: 'Amina' };
    const first = await channel(api);
    let started = false;
    await first.start(() => {
      started = true;
      return new Promise<never>(() => {}); // the process dies while handling it
    });
    const id = await api.push(api.text(user, 'hallo'));
    await until(() => started);
    // Polling goes on meanwhile, without telling Telegram to forget the update in hand.
    await until(() => api.callsOf('getUpdates').length >= 3);
    await first.stop();

    const seen: string[] = [];
    const second = await channel(api);
    await second.start(async (message) => {
      seen.push(message.messageId);
      return [];
    });
    await until(() => seen.length > 0);
    expect(seen).toEqual([String(id)]);
  });

  it('tries a polled update that failed again, before the same chat’s next message', async () => {
    const api = await fakeApi();
    const user = { id: 4343, first_name: 'Amina' };
    const telegram = await channel(api);
    const handled: string[] = [];
    let failures = 2;
    await telegram.start(async (message: InboundMessage) => {
      if (message.content.type === 'text' && message.content.text === 'een' && failures-- > 0) {
        throw new Error('database unavailable');
      }
      handled.push(message.content.type === 'text' ? message.content.text : '?');
      return [];
    });
    await api.push(api.text(user, 'een'));
    await api.push(api.text(user, 'twee'));
    await until(() => handled.length === 2);
    expect(handled).toEqual(['een', 'twee']);
  });

  it('answers a webhook post it could not handle with an error, so Telegram sends it again', async () => {
    const api = await fakeApi();
    const user = { id: 4444, first_name: 'Amina' };
    const telegram = await channel(api, true);
    let failures = 1;
    const handled: string[] = [];
    await telegram.start(async (message) => {
      if (failures-- > 0) throw new Error('database unavailable');
      handled.push(message.messageId);
      return [];
    });
    api.webhookTarget = `http://127.0.0.1:${telegram.webhookPort}${new URL(publicWebhookUrl).pathname}`;
    const update = { ...api.text(user, 'hallo'), update_id: 77 };
    await api.push(update);
    await api.push(update);
    expect(api.deliveries).toEqual([500, 200]);
    expect(handled).toEqual(['77']);
  });

  it('keeps other chats flowing while one chat is stuck, and confirms the stuck one only once it is in the spool', async () => {
    const api = await fakeApi();
    const { db, spool: store } = await spool();
    const stuck: FakeUser = { id: 5000, first_name: 'Amina' };
    const others: FakeUser[] = Array.from({ length: 25 }, (_, i) => ({
      id: 5001 + i,
      first_name: `Bewoner ${i}`,
    }));
    const handled = new Map<string, string[]>();
    const first = await channel(api, false, { spool: store, setAsideAfterMs: 200 });
    await first.start(async (message) => {
      const text = message.content.type === 'text' ? message.content.text : '?';
      // The stuck chat's handling never ends, as if its database row were locked forever.
      if (message.userId === String(stuck.id)) return new Promise<never>(() => {});
      handled.set(message.userId, [...(handled.get(message.userId) ?? []), text]);
      return [];
    });
    const stuckId = await api.push(api.text(stuck, 'een'));
    // More than Telegram's window of 100 updates behind it, from 25 other chats.
    for (let n = 1; n <= 10; n++) {
      for (const user of others) await api.push(api.text(user, `bericht ${n}`));
    }
    await api.push(api.text(stuck, 'twee'));
    const count = () => [...handled.values()].reduce((sum, texts) => sum + texts.length, 0);
    await waitFor(
      () => count() === 250,
      within(300_000),
      () => `250 updates of other chats handled (${count()} so far)`,
    );
    const expected = Array.from({ length: 10 }, (_, i) => `bericht ${i + 1}`);
    for (const user of others) expect(handled.get(String(user.id))).toEqual(expected);
    // Telegram was told to forget the stuck update only once the spool had it.
    expect(api.callsOf('getUpdates').some((c) => Number(c.payload.offset) > stuckId)).toBe(true);
    // Its next message queues behind it in the spool.
    const stuckChat = { chatKey: identityKey('telegram', String(stuck.id)), status: 'pending' };
    await waitFor(
      async () => (await db.prisma.spooledInbound.count({ where: stuckChat })) === 2,
      within(300_000),
      () => 'both messages of the stuck chat in the spool',
    );
    const waiting = await db.prisma.spooledInbound.findMany({
      where: stuckChat,
      orderBy: { id: 'asc' },
    });
    expect(waiting.map((row) => (row.content as { messageId: string }).messageId)).toEqual([
      String(stuckId),
      String(stuckId + 251),
    ]);

    // The process dies; the next one handles the stuck chat from the spool, in order, once.
    await first.stop();
    const seen: string[] = [];
    const second = await channel(api, false, { spool: store });
    await second.start(async (message) => {
      seen.push(message.content.type === 'text' ? message.content.text : '?');
      return [];
    });
    await waitFor(
      () => seen.length >= 2,
      within(300_000),
      () => 'the stuck chat handled',
    );
    await api.push(api.text(stuck, 'drie'));
    await waitFor(
      () => seen.length >= 3,
      within(300_000),
      () => 'the next message',
    );
    expect(seen).toEqual(['een', 'twee', 'drie']);
  });

  it('keeps a polled update that fails in the spool and tries it from there, the chat waiting behind it', async () => {
    const api = await fakeApi();
    const { db, spool: store } = await spool();
    const user = { id: 4545, first_name: 'Amina' };
    const telegram = await channel(api, false, { spool: store });
    const attempts: string[] = [];
    let failures = 2;
    await telegram.start(async (message: InboundMessage) => {
      const text = message.content.type === 'text' ? message.content.text : '?';
      attempts.push(text);
      if (text === 'een' && failures-- > 0) throw new Error('database unavailable');
      if (text === 'kapot') throw new Error('database unavailable');
      return [];
    });
    for (const text of ['een', 'twee', 'kapot', 'vier']) await api.push(api.text(user, text));
    await waitFor(
      () => attempts.includes('vier'),
      within(300_000),
      () => 'the last message handled',
    );
    // Tried in place once, then twice from the spool; the parked one does not hold up the chat.
    expect(attempts).toEqual(['een', 'een', 'een', 'twee', 'kapot', 'kapot', 'kapot', 'vier']);
    await waitFor(
      async () => (await store.countParked()) === 1,
      within(300_000),
      () => 'the failing message parked',
    );
    expect(await store.listParked()).toMatchObject([{ channel: 'telegram', attempts: 3 }]);
    expect(await db.prisma.spooledInbound.count({ where: { status: 'pending' } })).toBe(0);
  });

  it('marks a message sent long before Bloei could handle it as late', async () => {
    const api = await fakeApi();
    const user = { id: 4646, first_name: 'Amina' };
    const telegram = await channel(api, false, { lateAfterMs: 5 * 60_000 });
    const seen: InboundMessage[] = [];
    await telegram.start(async (message) => {
      seen.push(message);
      return [];
    });
    const stale = api.text(user, 'van vanochtend');
    stale.message!.date -= 60 * 60;
    await api.push(stale);
    await api.push(api.text(user, 'van nu'));
    await waitFor(
      () => seen.length === 2,
      within(300_000),
      () => 'both messages handled',
    );
    expect(seen.map((m) => m.late ?? false)).toEqual([true, false]);
  });
});
