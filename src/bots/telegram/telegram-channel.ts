/**
 * Bloei on Telegram, through grammY. Long polling by default (one chat at a time in order,
 * many chats at once); a webhook server when a webhook URL is configured. Sending is paced
 * per chat (transformer-throttler) and retried on 429 and 5xx (auto-retry). The adapter only
 * translates: updates → inbound messages, outbound messages → sendMessage.
 *
 * An update counts as delivered only once Bloei has handled it or written it to the durable
 * inbound spool: a webhook answers 200 after that (an error gives a 500, and Telegram
 * delivers the update again), and long polling confirms an update only then (see
 * long-polling.ts). A polled update that fails goes to the spool, which tries it again and
 * parks it for a coordinator if it keeps failing; the chat's next updates queue behind it
 * there. So a crash or a database outage delays messages instead of losing them.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Api, Bot, BotError, GrammyError, type Context } from 'grammy';
import type { CallbackQuery, Update } from 'grammy/types';
import type { TelegramConfig } from './telegram-settings.js';
import { identityKey } from '../../conversations/identity-key.js';
import {
  RecipientUnreachableError,
  type Logger,
  type Translator,
} from '../../conversations/ports.js';
import type {
  ChannelAdapter,
  InboundMessage,
  InboundSink,
  MediaFile,
  OutboundMessage,
} from '../channel.js';
import { DurableInbound } from '../durable-inbound.js';
import type { InboundSpool } from '../inbound-spool.js';
import { defaultLateAfterMs, markLate } from '../mark-late.js';
import { botCommands } from './bot-commands.js';
import { KeyboardTracker } from './keyboard-tracker.js';
import { LongPolling } from './long-polling.js';
import { renderForTelegram } from './render.js';
import { fetchTelegramFile, maxCaptionLength, sendMedia } from './telegram-media.js';
import { telegramChannel, toInbound } from './to-inbound.js';
import { WebhookServer } from './webhook-server.js';

/** The only updates Bloei asks Telegram for. */
const allowedUpdates = ['message', 'callback_query'] as const satisfies (keyof Update)[];

export interface TelegramChannelOptions {
  /** Least time between two calls for one chat; Telegram asks for about one message a second. */
  perChatIntervalMs?: number;
  /** A 429 asking to wait longer than this fails the send instead. */
  maxRetryDelaySeconds?: number;
  maxRetryAttempts?: number;
  /** How long one getUpdates call may wait for updates (long polling). */
  pollTimeoutSeconds?: number;
  /**
   * Pauses before each new attempt at an update that failed (long polling): in the spool
   * (then it is parked), or in place while the spool cannot be written.
   */
  pollingRetryDelaysMs?: readonly number[];
  /** Where updates wait durably when they failed or held up other chats (long polling). */
  spool?: InboundSpool;
  /** How long an update may hold up a full polling window before its chat is set aside. */
  setAsideAfterMs?: number;
  /** A message sent longer ago than this when it is handled is late (see mark-late.ts). */
  lateAfterMs?: number;
  /** The language of the command list for residents whose app language has none. */
  defaultLanguage?: string;
  clock?: () => Date;
}

export class TelegramChannel implements ChannelAdapter {
  readonly channel = telegramChannel;
  private readonly bot: Bot;
  /** For taking old buttons away: best effort, so never paced behind or retried before a reply. */
  private readonly keyboardApi: Api;
  private readonly keyboards = new KeyboardTracker();
  private readonly clock: () => Date;
  private readonly lateAfterMs: number;
  private polling: LongPolling | undefined;
  private webhook: WebhookServer | undefined;
  private sink: InboundSink | undefined;
  /** The spool run of this start (long polling with a spool). */
  private inbound: DurableInbound | undefined;

  constructor(
    private readonly config: TelegramConfig,
    private readonly logger: Logger,
    private readonly translator: Translator,
    private readonly options: TelegramChannelOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.lateAfterMs = options.lateAfterMs ?? defaultLateAfterMs;
    const client = config.apiRoot ? { apiRoot: config.apiRoot } : {};
    this.bot = new Bot(config.token, { client });
    this.keyboardApi = new Api(config.token, client);
    // Innermost first: every polling attempt is seen by the failure log; retries happen
    // inside the chat's throttle slot, so a retried message cannot be overtaken by the next.
    this.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method !== 'getUpdates') return prev(method, payload, signal);
      try {
        const result = await prev(method, payload, signal);
        if (!result.ok) {
          const { error_code: code, description } = result;
          this.logger.warn({ code, description }, 'telegram: getUpdates failed');
        }
        return result;
      } catch (error) {
        if (!signal?.aborted) this.logger.warn(describe(error), 'telegram: getUpdates failed');
        throw error;
      }
    });
    this.bot.api.config.use(
      autoRetry({
        maxRetryAttempts: options.maxRetryAttempts ?? 5,
        maxDelaySeconds: options.maxRetryDelaySeconds ?? 300,
      }),
    );
    this.bot.api.config.use(
      apiThrottler({
        out: {
          maxConcurrent: 1,
          minTime: options.perChatIntervalMs ?? config.chatIntervalMs ?? 1000,
        },
      }),
    );
    // Telegram posts webhook updates side by side: one chat's wait for each other here. Long
    // polling has its own per-chat lanes, which can hand a stuck chat over to the spool.
    if (config.webhook) this.bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
    this.bot.use((ctx) => this.onUpdate(ctx.update));
  }

  /** The port the webhook server listens on (useful when port 0 was configured). */
  get webhookPort(): number | undefined {
    return this.webhook?.port;
  }

  async start(sink: InboundSink): Promise<void> {
    this.sink = sink;
    await this.bot.init();
    await this.publishCommands();
    const { spool, pollingRetryDelaysMs: retryDelaysMs, setAsideAfterMs } = this.options;
    if (spool) {
      this.inbound = new DurableInbound(telegramChannel, spool, this.logger, {
        clock: this.clock,
        lateAfterMs: this.lateAfterMs,
        ...(retryDelaysMs ? { retryDelaysMs } : {}),
      });
      // Before updates come in: a chat with messages left in the spool gets its new ones
      // behind them.
      await this.inbound.start(sink);
    }
    const { webhook } = this.config;
    if (webhook) {
      const server = new WebhookServer(
        {
          host: webhook.host,
          port: webhook.port,
          path: new URL(webhook.url).pathname,
          secret: webhook.secret,
          logger: this.logger,
        },
        // Past the server's timeout the update is not confirmed (500): Telegram delivers it again.
        (update) => this.bot.handleUpdate(update as Update),
      );
      await server.listen();
      this.webhook = server;
      await this.bot.api.setWebhook(webhook.url, {
        secret_token: webhook.secret,
        allowed_updates: allowedUpdates,
      });
      this.logger.info({ bot: this.bot.botInfo.username, port: server.port }, 'telegram: webhook');
      return;
    }
    await this.bot.api.deleteWebhook();
    const polling = new LongPolling(this.bot.api, {
      timeoutSeconds: this.options.pollTimeoutSeconds ?? 30,
      allowedUpdates,
      handle: (update) => this.bot.handleUpdate(update),
      ...(spool ? { setAside: (updates, after) => this.setAside(updates, after) } : {}),
      ...(setAsideAfterMs !== undefined ? { setAsideAfterMs } : {}),
      ...(retryDelaysMs ? { retryDelaysMs } : {}),
      onError: (error, { update_id: update }, retryInMs) => {
        const cause = error instanceof BotError ? error.error : error;
        this.logger.warn({ update, retryInMs, ...describe(cause) }, 'telegram: update not handled');
      },
    });
    polling.start();
    polling.task()?.catch((error: unknown) => {
      this.logger.error(describe(error), 'telegram: polling stopped');
    });
    this.polling = polling;
    this.logger.info({ bot: this.bot.botInfo.username }, 'telegram: long polling');
  }

  /**
   * Resolves with the message ids Telegram gave the parts, comma-separated. Media goes with
   * the text as its caption (a caption too long for Telegram goes as a text first).
   */
  async send(message: OutboundMessage): Promise<string> {
    const chatId = message.userId;
    const { media } = message;
    const caption = media && message.text.length <= maxCaptionLength ? message.text : '';
    const parts = media && caption ? [] : renderForTelegram(message);
    const ids: number[] = [];
    await this.removeKeyboard(chatId, this.keyboards.take(chatId));
    for (const part of parts) {
      const sent = await this.unreachableOn403(() =>
        this.bot.api.sendMessage(
          chatId,
          part.text,
          part.replyMarkup ? { reply_markup: part.replyMarkup } : {},
        ),
      );
      if (part.replyMarkup) this.keyboards.remember(chatId, sent.message_id);
      ids.push(sent.message_id);
    }
    if (media) {
      ids.push(await this.unreachableOn403(() => sendMedia(this.bot.api, chatId, media, caption)));
    }
    return ids.join(',');
  }

  /** A voice note, photo or file someone sent this bot, fetched through the Bot API. */
  fetchMedia(ref: string): Promise<MediaFile> {
    return fetchTelegramFile(this.bot.api, this.config.token, this.config.apiRoot, ref);
  }

  private async unreachableOn403<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) {
        throw new RecipientUnreachableError(`telegram: ${error.description}`);
      }
      throw error;
    }
  }

  async stop(): Promise<void> {
    const polling = this.polling;
    this.polling = undefined;
    if (polling?.isRunning()) await polling.stop();
    await this.inbound?.stop();
    this.inbound = undefined;
    await this.webhook?.close();
    this.webhook = undefined;
  }

  private async onUpdate(update: Update): Promise<void> {
    if (update.callback_query) await this.settleTap(update.callback_query);
    const received = toInbound(update, this.clock());
    if (!received) {
      this.logger.debug({ update: update.update_id }, 'telegram: update ignored');
      return;
    }
    const trace = {
      update: update.update_id,
      conversation: identityKey(received.channel, received.userId).slice(0, 12),
    };
    this.logger.debug({ ...trace, content: received.content.type }, 'telegram: inbound');
    const inbound = this.inbound;
    // Earlier messages of this chat wait in the spool: this one queues behind them.
    if (inbound?.owns(received)) return inbound.accept([received]);
    try {
      await this.sink?.(markLate(received, this.clock(), this.lateAfterMs));
    } catch (error) {
      this.logger.warn({ ...trace, ...describe(error) }, 'telegram: inbound not handled');
      // A webhook update that fails is delivered again by Telegram; a polled one is kept in
      // the spool and tried again from there (without a spool: in place, by the poller).
      if (this.config.webhook || !inbound) throw error;
      await inbound.accept([received]);
    }
  }

  /**
   * Writes a chat's polled updates to the spool so they can be confirmed before they are
   * handled; `after` is the first one's handling, still under way, which the spool waits for.
   */
  private async setAside(updates: Update[], after: Promise<unknown>): Promise<void> {
    const messages: InboundMessage[] = [];
    for (const update of updates) {
      if (update.callback_query && update !== updates[0]) {
        await this.settleTap(update.callback_query);
      }
      const message = toInbound(update, this.clock());
      if (message) messages.push(message);
    }
    await this.inbound?.accept(messages, after);
    this.logger.info({ updates: updates.length }, 'telegram: chat set aside in the spool');
  }

  /** Stops the tapped button's spinner and takes the buttons away: they have been used. */
  private async settleTap(query: CallbackQuery): Promise<void> {
    await this.bestEffort('answerCallbackQuery', () => this.bot.api.answerCallbackQuery(query.id));
    const message = query.message;
    if (message?.chat.type !== 'private') return;
    const chatId = String(message.chat.id);
    this.keyboards.forget(chatId, message.message_id);
    await this.removeKeyboard(chatId, message.message_id);
  }

  private async removeKeyboard(chatId: string, messageId: number | undefined): Promise<void> {
    if (messageId === undefined) return;
    await this.bestEffort('editMessageReplyMarkup', () =>
      this.keyboardApi.editMessageReplyMarkup(chatId, messageId),
    );
  }

  private async bestEffort(method: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.logger.debug({ method, ...describe(error) }, 'telegram: best-effort call failed');
    }
  }

  /** The command menu is a convenience: without it every keyword still works as text. */
  private async publishCommands(): Promise<void> {
    for (const list of botCommands(this.translator, this.options.defaultLanguage ?? 'nl')) {
      const scope = list.languageCode ? { language_code: list.languageCode } : {};
      try {
        await this.bot.api.setMyCommands(list.commands, scope);
      } catch (error) {
        this.logger.warn({ ...scope, ...describe(error) }, 'telegram: setMyCommands failed');
      }
    }
  }
}

/** What may be logged of an error: its kind, never the payload (which holds message text). */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) {
    return {
      err: error.name,
      method: error.method,
      code: error.error_code,
      description: error.description,
    };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { err: error.name, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { err: typeof error };
}
