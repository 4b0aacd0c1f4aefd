/**
 * Bloei's real app with the real TelegramChannel, talking HTTP to the fake Bot API, in
 * polling or webhook mode. `turn` sends one update and resolves when the app has handled
 * it (and so sent its replies), returning what arrived in that chat meanwhile.
 */
import { randomBytes } from 'node:crypto';
import type { InboundMessage } from '../../../src/bots/channel.js';
import {
  TelegramChannel,
  type TelegramChannelOptions,
} from '../../../src/bots/telegram/telegram-channel.js';
import type { TelegramConfig } from '../../../src/bots/telegram/telegram-settings.js';
import type { Logger } from '../../../src/conversations/ports.js';
import { FakeBotApi, type FakeUser, type SentMessage } from '../../support/fake-bot-api.js';
import { createTestApp, silentLogger, type TestApp } from '../../support/test-app.js';

export type Mode = 'polling' | 'webhook';

export const publicWebhookUrl = 'https://bloei.example.org/telegram/webhook';

export class TelegramHarness {
  private readonly handled = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  /** Every inbound message the channel handed to the app, in order. */
  readonly inbound: InboundMessage[] = [];

  private constructor(
    readonly mode: Mode,
    readonly app: TestApp,
    readonly api: FakeBotApi,
    readonly channel: TelegramChannel,
    readonly config: TelegramConfig,
  ) {}

  static async start(
    mode: Mode,
    databaseUrl: string,
    options: TelegramChannelOptions & { logger?: Logger } = {},
  ): Promise<TelegramHarness> {
    const api = await FakeBotApi.start();
    const app = await createTestApp(databaseUrl);
    const config: TelegramConfig = {
      token: api.token,
      apiRoot: api.apiRoot,
      webhook:
        mode === 'webhook'
          ? {
              url: publicWebhookUrl,
              secret: randomBytes(24).toString('base64url'),
              host: '127.0.0.1',
              port: 0,
            }
          : undefined,
    };
    const { logger = silentLogger, ...channelOptions } = options;
    const channel = new TelegramChannel(config, logger, app.translator, {
      perChatIntervalMs: 0,
      pollTimeoutSeconds: 10,
      clock: app.clock.now,
      ...channelOptions,
    });
    const harness = new TelegramHarness(mode, app, api, channel, config);
    app.router.add(channel);
    await channel.start(async (message) => {
      harness.inbound.push(message);
      try {
        return await app.handler.handle(message);
      } finally {
        harness.handled.set(message.messageId, (harness.handled.get(message.messageId) ?? 0) + 1);
        for (const wake of [...harness.waiters]) wake();
      }
    });
    if (mode === 'webhook') {
      api.webhookTarget = `http://127.0.0.1:${channel.webhookPort}${new URL(publicWebhookUrl).pathname}`;
    }
    return harness;
  }

  /** Sends `update` and waits until the app handled it `times` times in all. */
  async turn(
    user: FakeUser,
    update: Parameters<FakeBotApi['push']>[0],
    times = 1,
  ): Promise<SentMessage[]> {
    const before = this.api.sentTo(user.id).length;
    const updateId = await this.api.push(update);
    await this.handledTimes(String(updateId), times);
    return this.api.sentTo(user.id).slice(before);
  }

  handledCount(updateId: number): number {
    return this.handled.get(String(updateId)) ?? 0;
  }

  async handledTimes(messageId: string, times: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.handled.get(messageId) ?? 0) < times) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`update ${messageId} was not handled ${times}×`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
  }

  /** The message in `chatId` whose buttons are still active, if any. */
  openKeyboards(chatId: number): SentMessage[] {
    return this.api.sentTo(chatId).filter((m) => m.keyboard);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.api.close();
  }
}

/** Resolves once `condition` holds (checked every 10 ms), or fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A bot message as the simulator prints it: the text, then the buttons as numbered lines. */
export function asPlain(message: SentMessage): string {
  const buttons = (message.sentKeyboard ?? []).flat();
  return [message.text, ...buttons.map((b, i) => `${i + 1}. ${b.text}`)].join('\n');
}
