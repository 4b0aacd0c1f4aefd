/**
 * A small Telegram Bot API on 127.0.0.1 for tests: real grammY talks HTTP to it through
 * `client.apiRoot`. It keeps the updates a test queues (long polling: `getUpdates` waits up
 * to its `timeout` or until an update arrives, it never spins), posts them to the webhook
 * when one is set, records every call and every message sent, applies keyboard edits, and
 * lets a test script failures (429 with retry_after, 403 blocked). It checks Telegram's
 * limits too: 4096 characters per message, 64 bytes of callback data per button. Files a
 * resident sent can be fetched (`getFile`, then `/file/bot<token>/<path>`), and media the bot
 * sends (by file id, or uploaded as multipart form data) is recorded with its content.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CallbackQuery,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  Update,
} from 'grammy/types';

export interface FakeUser {
  id: number;
  first_name: string;
  language_code?: string;
}

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface SentMessage {
  chatId: string;
  messageId: number;
  text: string;
  /** The buttons as sent. */
  sentKeyboard: InlineKeyboardButton.CallbackButton[][] | undefined;
  /** The buttons now (edits can remove them). */
  keyboard: InlineKeyboardButton.CallbackButton[][] | undefined;
  at: number;
}

/** A voice note, photo or file the bot sent: by file id, or uploaded. */
export interface SentMedia {
  chatId: string;
  messageId: number;
  method: string;
  caption: string;
  /** The file id it was sent by, when it was not uploaded. */
  fileId?: string;
  /** The uploaded content and its file name. */
  upload?: { data: Buffer; fileName: string };
}

export interface Failure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

type NewUpdate = Omit<Update, 'update_id'> & { update_id?: number };
type IncomingText = NonNullable<Update['message']>;
export type MediaKind = 'photo' | 'sticker' | 'voice' | 'location';

const blocked: Failure = { error_code: 403, description: 'Forbidden: bot was blocked by the user' };

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly sentMedia: SentMedia[] = [];
  /** Files residents sent, by file id: their path and content. */
  private readonly files = new Map<string, { path: string; data: Buffer }>();
  /** HTTP status of each webhook delivery, in order. */
  readonly deliveries: number[] = [];
  webhook: { url: string; secret: string | undefined } | undefined;
  /** Where webhook deliveries really go (a test's stand-in for a reverse proxy). */
  webhookTarget: string | undefined;
  private readonly pending: Update[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly failures: { method: string; chatId?: string; failure: Failure }[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  static async start(token = '123456:TEST-token'): Promise<FakeBotApi> {
    const server = createServer();
    const api = new FakeBotApi(server, token);
    server.on('request', (req, res) => void api.route(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  static readonly blocked = blocked;

  static tooManyRequests(retryAfter: number): Failure {
    return {
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      parameters: { retry_after: retryAfter },
    };
  }

  /** The next `times` calls of `method` (for `chatId`, when given) fail with `failure`. */
  failNext(method: string, failure: Failure, options: { chatId?: string; times?: number } = {}) {
    for (let i = 0; i < (options.times ?? 1); i++) {
      this.failures.push({
        method,
        failure,
        ...(options.chatId ? { chatId: options.chatId } : {}),
      });
    }
  }

  /** A file Telegram holds for the bot (what a resident sent), for `getFile` and download. */
  putFile(fileId: string, path: string, data: Buffer): void {
    this.files.set(fileId, { path, data });
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  sentTo(chatId: number | string): SentMessage[] {
    return this.sent.filter((m) => m.chatId === String(chatId));
  }

  /** Queues an update for getUpdates, or posts it to the webhook; returns its update_id. */
  async push(update: NewUpdate): Promise<number> {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ } as Update;
    if (this.webhook) {
      const target = this.webhookTarget ?? this.webhook.url;
      const response = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.webhook.secret
            ? { 'x-telegram-bot-api-secret-token': this.webhook.secret }
            : {}),
        },
        body: JSON.stringify(full),
      });
      await response.arrayBuffer();
      this.deliveries.push(response.status);
    } else {
      this.pending.push(full);
      for (const wake of [...this.waiters]) wake();
    }
    return full.update_id;
  }

  text(user: FakeUser, text: string, chat: Message['chat'] = privateChat(user)): NewUpdate {
    const entities = /^\/\w+/.exec(text)
      ? [{ type: 'bot_command' as const, offset: 0, length: /^\/\S+/.exec(text)![0].length }]
      : undefined;
    const message = { ...this.envelope(user, chat), text, ...(entities ? { entities } : {}) };
    return { message: message as IncomingText };
  }

  media(user: FakeUser, kind: MediaKind): NewUpdate {
    const envelope = this.envelope(user, privateChat(user));
    const content = {
      photo: { photo: [{ file_id: 'p', file_unique_id: 'p', width: 90, height: 90 }] },
      sticker: {
        sticker: {
          file_id: 's',
          file_unique_id: 's',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      },
      voice: { voice: { file_id: 'v', file_unique_id: 'v', duration: 3 } },
      location: { location: { latitude: 51.44, longitude: 5.47 } },
    }[kind];
    return { message: { ...envelope, ...content } as IncomingText };
  }

  /** A tap on a button of a message the bot sent, as Telegram reports it. */
  tap(user: FakeUser, message: SentMessage, callbackData: string): NewUpdate {
    const query: CallbackQuery = {
      id: `cq-${this.nextMessageId++}`,
      from: { ...user, is_bot: false },
      chat_instance: `ci-${user.id}`,
      data: callbackData,
      message: {
        message_id: message.messageId,
        date: Math.floor(message.at / 1000),
        chat: privateChat(user),
        text: message.text,
        ...(message.keyboard
          ? { reply_markup: { inline_keyboard: message.keyboard } as InlineKeyboardMarkup }
          : {}),
      } as Message,
    };
    return { callback_query: query };
  }

  async close(): Promise<void> {
    for (const wake of [...this.waiters]) wake();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private envelope(user: FakeUser, chat: Message['chat']) {
    return {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { ...user, is_bot: false },
    };
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // When the request arrived, before its body was read: what Telegram would count.
    const arrived = Date.now();
    const path = new URL(req.url ?? '/', this.apiRoot).pathname;
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
    if (download) return this.download(download[1]!, download[2]!, res);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(path);
    const payload = await readPayload(req);
    if (!match || match[1] !== this.token) {
      return reply(res, { error_code: 401, description: 'Unauthorized' });
    }
    const method = match[2]!;
    this.calls.push({ method, payload, at: arrived });
    const chatId = payload.chat_id === undefined ? undefined : String(payload.chat_id);
    const scripted = this.failures.findIndex(
      (f) => f.method === method && (f.chatId === undefined || f.chatId === chatId),
    );
    if (scripted >= 0) return reply(res, this.failures.splice(scripted, 1)[0]!.failure);
    const result = await this.answer(method, payload, chatId, res);
    if (res.writableEnded || res.destroyed) return;
    reply(res, result);
  }

  private async answer(
    method: string,
    payload: Record<string, unknown>,
    chatId: string | undefined,
    res: ServerResponse,
  ): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return ok({
          id: Number(this.token.split(':')[0]),
          is_bot: true,
          first_name: 'Bloei',
          username: 'BloeiTestBot',
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        });
      case 'getUpdates':
        return this.getUpdates(payload, res);
      case 'sendMessage':
        return this.sendMessage(payload, chatId!);
      case 'sendVoice':
      case 'sendAudio':
      case 'sendPhoto':
      case 'sendVideo':
      case 'sendDocument':
        return this.sendMedia(method, payload, chatId!);
      case 'getFile': {
        const fileId = String(payload.file_id);
        const file = this.files.get(fileId);
        if (!file) return fail(400, 'Bad Request: invalid file_id');
        return ok({
          file_id: fileId,
          file_unique_id: `u-${fileId}`,
          file_size: file.data.length,
          file_path: file.path,
        });
      }
      case 'editMessageReplyMarkup': {
        const message = this.sent.find(
          (m) => m.chatId === chatId && m.messageId === Number(payload.message_id),
        );
        if (!message) return fail(400, 'Bad Request: message to edit not found');
        const markup = payload.reply_markup as InlineKeyboardMarkup | undefined;
        const next = markup?.inline_keyboard.length ? markup.inline_keyboard : undefined;
        if (!next && !message.keyboard) {
          return fail(
            400,
            'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
          );
        }
        message.keyboard = next as SentMessage['keyboard'];
        return ok(this.asMessage(message));
      }
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'close':
        return ok(true);
      case 'setWebhook':
        this.webhook = {
          url: String(payload.url),
          secret: payload.secret_token === undefined ? undefined : String(payload.secret_token),
        };
        return ok(true);
      case 'deleteWebhook':
        this.webhook = undefined;
        return ok(true);
      case 'getWebhookInfo':
        return ok({
          url: this.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: this.pending.length,
        });
      default:
        return fail(404, 'Not Found: method not found');
    }
  }

  /** Long polling: answers at once when updates are queued, else waits for one or `timeout`. */
  private async getUpdates(payload: Record<string, unknown>, res: ServerResponse) {
    if (this.webhook) {
      return fail(409, "Conflict: can't use getUpdates method while webhook is active");
    }
    const offset = Number(payload.offset ?? 0);
    const limit = Number(payload.limit ?? 100);
    const timeout = Number(payload.timeout ?? 0);
    const confirmed = this.pending.filter((u) => u.update_id < offset).length;
    if (offset > 0) this.pending.splice(0, confirmed);
    if (this.pending.length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          res.off('close', done);
          resolve();
        };
        const timer = setTimeout(done, timeout * 1000);
        this.waiters.add(done);
        res.once('close', done);
      });
    }
    return ok(this.pending.slice(0, limit));
  }

  private sendMessage(payload: Record<string, unknown>, chatId: string) {
    const text = String(payload.text ?? '');
    if (text.length === 0) return fail(400, 'Bad Request: message text is empty');
    if (text.length > 4096) return fail(400, 'Bad Request: message is too long');
    const markup = payload.reply_markup as InlineKeyboardMarkup | undefined;
    const keyboard = markup?.inline_keyboard as SentMessage['keyboard'];
    for (const button of keyboard?.flat() ?? []) {
      if (Buffer.byteLength(button.callback_data, 'utf8') > 64) {
        return fail(400, 'Bad Request: BUTTON_DATA_INVALID');
      }
    }
    const message: SentMessage = {
      chatId,
      messageId: this.nextMessageId++,
      text,
      sentKeyboard: keyboard,
      keyboard,
      at: Date.now(),
    };
    this.sent.push(message);
    return ok(this.asMessage(message));
  }

  /** Media by file id (JSON) or uploaded (multipart: the content is a `Blob` field). */
  private sendMedia(method: string, payload: Record<string, unknown>, chatId: string) {
    const field = method.replace(/^send/, '').toLowerCase();
    const value = payload[field];
    const caption = String(payload.caption ?? '');
    if (caption.length > 1024) return fail(400, 'Bad Request: message caption is too long');
    const media: SentMedia = { chatId, messageId: this.nextMessageId++, method, caption };
    if (typeof value === 'string') {
      if (!this.files.has(value)) return fail(400, 'Bad Request: wrong file identifier');
      media.fileId = value;
    } else if (value instanceof Uploaded) {
      media.upload = { data: value.data, fileName: value.fileName };
    } else {
      return fail(400, `Bad Request: there is no ${field} in the request`);
    }
    this.sentMedia.push(media);
    return ok({
      message_id: media.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(chatId), type: 'private', first_name: 'Resident' },
      ...(caption ? { caption } : {}),
    });
  }

  private download(token: string, path: string, res: ServerResponse): void {
    const file = [...this.files.values()].find((f) => f.path === path);
    if (token !== this.token || !file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.data);
  }

  private asMessage(message: SentMessage): Message {
    return {
      message_id: message.messageId,
      date: Math.floor(message.at / 1000),
      chat: { id: Number(message.chatId), type: 'private', first_name: 'Resident' },
      from: { id: Number(this.token.split(':')[0]), is_bot: true, first_name: 'Bloei' },
      text: message.text,
      ...(message.keyboard ? { reply_markup: { inline_keyboard: message.keyboard } } : {}),
    } as Message;
  }
}

export function privateChat(user: FakeUser): Message['chat'] {
  return { id: user.id, type: 'private', first_name: user.first_name } as Message['chat'];
}

function ok(result: unknown) {
  return { ok: true, result };
}

function fail(error_code: number, description: string): Failure {
  return { error_code, description };
}

function reply(res: ServerResponse, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const failure = body as Partial<Failure> & { ok?: boolean };
  const status = failure.ok === true ? 200 : (failure.error_code ?? 200);
  const json = failure.ok === true ? body : { ok: false, ...failure };
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}

/** A file uploaded in a multipart request. */
class Uploaded {
  constructor(
    readonly data: Buffer,
    readonly fileName: string,
  ) {}
}

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // grammY uploads a file as multipart form data: parsed by the platform's own Request.
    const form = await new Request('http://x', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    }).formData();
    const fields: Record<string, unknown> = { ...query };
    for (const [name, value] of form) {
      fields[name] =
        typeof value === 'string'
          ? value
          : new Uploaded(Buffer.from(await value.arrayBuffer()), value.name);
    }
    // A file is attached by name: the field says `attach://<name>`.
    for (const [name, value] of Object.entries(fields)) {
      const attached = typeof value === 'string' ? /^attach:\/\/(.+)$/.exec(value) : null;
      if (attached && fields[attached[1]!] instanceof Uploaded) fields[name] = fields[attached[1]!];
    }
    return fields;
  }
  const body = raw.toString('utf8');
  if (!body) return query;
  return { ...query, ...(JSON.parse(body) as Record<string, unknown>) };
}
