/**
 * A stand-in for the wwebjs `Client` at its event boundary: tests emit `qr`, `ready`,
 * `message` and `disconnected` the way WhatsApp Web would, and read what Bloei sent. Behind
 * the clients is the account (the phone's chats), which outlives a client and a process:
 * messages wait in it unread while Bloei is away, as they do on WhatsApp, and `getChats`,
 * `Chat.fetchMessages` and `sendSeen` read and mark them the way wwebjs 1.34 does.
 * No browser, no network.
 */
import { EventEmitter } from 'node:events';
import type {
  WhatsAppChat,
  WhatsAppClient,
  WhatsAppMedia,
  WhatsAppMessage,
  WhatsAppSendOptions,
  WhatsAppStoredMessage,
} from '../../../src/bots/whatsapp/whatsapp-client.js';

/** A received message's media, as `downloadMedia` gives it (tests set `media` on the message). */
export type FakeMediaMessage = WhatsAppMessage & { media?: WhatsAppMedia };

/** What Bloei sent: the text (a media's caption), and the media with its send options. */
export interface FakeSent {
  chatId: string;
  text: string;
  media?: WhatsAppMedia;
  options?: WhatsAppSendOptions;
}

interface FakeChat {
  messages: WhatsAppMessage[];
  unreadCount: number;
}

/** The phone's chats: what any client of this account sees. */
export class FakeWhatsAppAccount {
  readonly chats = new Map<string, FakeChat>();
  readonly seen: string[] = [];
  readonly fetched: { chatId: string; limit: number }[] = [];

  /** A resident's message reaches the phone: it waits in its chat, unread. */
  receive(message: WhatsAppMessage): void {
    const chat = this.chat(message.from);
    chat.messages.push(message);
    if (!message.fromMe) chat.unreadCount++;
  }

  /** What Bloei sent ends up in the chat too, as its own message. */
  record(chatId: string, body: string): void {
    const last = this.chats.get(chatId)?.messages.at(-1)?.timestamp ?? 0;
    this.chat(chatId).messages.push(
      wwebjsMessage({ from: chatId, fromMe: true, body, timestamp: last }),
    );
  }

  /** A message of any chat by its serialized id, as `Client.getMessageById` finds it. */
  byId(messageId: string): FakeMediaMessage | undefined {
    for (const chat of this.chats.values()) {
      const found = chat.messages.find((m) => m.id._serialized === messageId);
      if (found) return found;
    }
    return undefined;
  }

  unread(chatId: string): number {
    return this.chats.get(chatId)?.unreadCount ?? 0;
  }

  /** The chats as wwebjs' `getChats` gives them. */
  asChats(): WhatsAppChat[] {
    return [...this.chats].map(([chatId, chat]) => {
      const received = chat.messages.filter((m) => !m.fromMe);
      return {
        id: { _serialized: chatId },
        isGroup: chatId.endsWith('@g.us'),
        unreadCount: chat.unreadCount,
        // wwebjs reads it from `chat.lastReceivedKey`: the newest message received.
        ...(received.length ? { lastMessage: received.at(-1)! } : {}),
        fetchMessages: async ({ limit }) => {
          this.fetched.push({ chatId, limit });
          const sorted = [...chat.messages].sort((a, b) => a.timestamp - b.timestamp);
          return sorted.slice(Math.max(0, sorted.length - limit));
        },
      };
    });
  }

  markSeen(chatId: string): boolean {
    this.seen.push(chatId);
    const chat = this.chats.get(chatId);
    if (chat) chat.unreadCount = 0;
    return chat !== undefined;
  }

  private chat(chatId: string): FakeChat {
    let chat = this.chats.get(chatId);
    if (!chat) this.chats.set(chatId, (chat = { messages: [], unreadCount: 0 }));
    return chat;
  }
}

export class FakeWhatsAppClient extends EventEmitter implements WhatsAppClient {
  readonly sent: FakeSent[] = [];
  initializeCalls = 0;
  destroyed = false;

  /** `initialize` resolves by default; pass a rejecting or never-settling one to fail. */
  constructor(
    private readonly initializeWith: () => Promise<void> = async () => {},
    readonly account = new FakeWhatsAppAccount(),
  ) {
    super();
  }

  initialize(): Promise<void> {
    this.initializeCalls++;
    return this.initializeWith();
  }

  async sendMessage(
    chatId: string,
    content: string | WhatsAppMedia,
    options?: WhatsAppSendOptions,
  ): Promise<unknown> {
    const text = typeof content === 'string' ? content : (options?.caption ?? '');
    this.sent.push({
      chatId,
      text,
      ...(typeof content === 'string' ? {} : { media: content, options: options ?? {} }),
    });
    this.account.record(chatId, text);
    return { id: { _serialized: `true_${chatId}_${this.sent.length}` } };
  }

  async getMessageById(messageId: string): Promise<WhatsAppStoredMessage | null> {
    const message = this.account.byId(messageId);
    if (!message) return null;
    return { downloadMedia: async () => (message.hasMedia ? message.media : undefined) };
  }

  async getChats(): Promise<WhatsAppChat[]> {
    return this.account.asChats();
  }

  async sendSeen(chatId: string): Promise<boolean> {
    return this.account.markSeen(chatId);
  }

  /** A message arrives while this client is connected: in the chat, and as an event. */
  deliver(message: WhatsAppMessage): void {
    this.account.receive(message);
    this.emit('message', message);
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }
}

/** Builds fresh fake clients of one account in order and keeps every one, like a reconnecting adapter. */
export function fakeClientFactory(...initializers: (() => Promise<void>)[]) {
  return fakeClientFactoryOn(new FakeWhatsAppAccount(), ...initializers);
}

/** Like `fakeClientFactory`, on an existing account (a restarted process, the same phone). */
export function fakeClientFactoryOn(
  account: FakeWhatsAppAccount,
  ...initializers: (() => Promise<void>)[]
) {
  const clients: FakeWhatsAppClient[] = [];
  return {
    account,
    clients,
    latest: () => clients.at(-1)!,
    create: () => {
      const client = new FakeWhatsAppClient(initializers[clients.length], account);
      clients.push(client);
      return client;
    },
  };
}

let counter = 0;

/** An object shaped like a wwebjs `Message` (the fields wwebjs fills for a received one). */
export function wwebjsMessage(
  fields: Partial<WhatsAppMessage> & { from: string; timestamp: number },
): WhatsAppMessage & Record<string, unknown> {
  const id = `3EB0${String(++counter).padStart(16, '0')}`;
  const fromMe = fields.fromMe ?? false;
  return {
    id: { fromMe, remote: fields.from, id, _serialized: `${fromMe}_${fields.from}_${id}` },
    ack: 1,
    hasMedia: false,
    body: '',
    type: 'chat',
    to: '31600000000@c.us',
    author: undefined,
    deviceType: 'android',
    isForwarded: false,
    broadcast: false,
    isStatus: false,
    fromMe,
    hasQuotedMsg: false,
    hasReaction: false,
    mentionedIds: [],
    ...fields,
  } as WhatsAppMessage & Record<string, unknown>;
}

/** Lets queued callbacks and promise chains run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
