import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/bots/channel.js';
import { UpdateOffsets } from '../../../src/bots/telegram/long-polling.js';
import { TelegramChannel } from '../../../src/bots/telegram/telegram-channel.js';
import type { TelegramConfig } from '../../../src/config.js';
import { loadLocales } from '../../../src/i18n/load-locales.js';
import { createTranslator } from '../../../src/i18n/translator.js';
import { FakeBotApi } from '../../support/fake-bot-api.js';
import { silentLogger } from '../../support/test-app.js';
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

  async function channel(api: FakeBotApi, webhook = false) {
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
    });
    closers.push(() => telegram.stop());
    return telegram;
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
});
