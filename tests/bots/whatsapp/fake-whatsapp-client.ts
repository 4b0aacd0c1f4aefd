/**
 * A stand-in for the wwebjs `Client` at its event boundary: tests emit `qr`, `ready`,
 * `message` and `disconnected` the way WhatsApp Web would, and read what Bloei sent.
 * No browser, no network.
 */
import { EventEmitter } from 'node:events';
import type {
  WhatsAppClient,
  WhatsAppMessage,
} from '../../../src/bots/whatsapp/whatsapp-client.js';

export class FakeWhatsAppClient extends EventEmitter implements WhatsAppClient {
  readonly sent: { chatId: string; text: string }[] = [];
  initializeCalls = 0;
  destroyed = false;

  /** `initialize` resolves by default; pass a rejecting or never-settling one to fail. */
  constructor(private readonly initializeWith: () => Promise<void> = async () => {}) {
    super();
  }

  initialize(): Promise<void> {
    this.initializeCalls++;
    return this.initializeWith();
  }

  async sendMessage(chatId: string, text: string): Promise<unknown> {
    this.sent.push({ chatId, text });
    return { id: { _serialized: `true_${chatId}_${this.sent.length}` } };
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }
}

/** Builds fresh fake clients in order and keeps every one, like a reconnecting adapter. */
export function fakeClientFactory(...initializers: (() => Promise<void>)[]) {
  const clients: FakeWhatsAppClient[] = [];
  return {
    clients,
    latest: () => clients.at(-1)!,
    create: () => {
      const client = new FakeWhatsAppClient(initializers[clients.length]);
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
