/**
 * The slice of whatsapp-web.js that Bloei uses, as an interface: the real `Client`
 * satisfies it, and tests drive the adapter with a fake that emits the same events, so no
 * test ever starts a browser.
 */
import { accessSync, chmodSync, constants, mkdirSync } from 'node:fs';
// whatsapp-web.js is CommonJS and its named exports are not all visible to ESM: take the
// default export (module.exports) and read the classes from it.
import wwebjs from 'whatsapp-web.js';
import type { WhatsAppConfig } from './whatsapp-settings.js';

/** The fields Bloei reads of a wwebjs `Message`. */
export interface WhatsAppMessage {
  id: { id: string; _serialized: string };
  /** The chat: `31612345678@c.us` (or `…@lid`) for a person, `…@g.us` for a group. */
  from: string;
  fromMe: boolean;
  isStatus?: boolean;
  /** `chat` for text; `image`, `ptt`, `sticker`, `location`, … otherwise. */
  type: string;
  body: string;
  /** Seconds since the epoch. */
  timestamp: number;
  /** A voice note, photo or file whose content `downloadMedia` gives. */
  hasMedia?: boolean;
}

/** A wwebjs `MessageMedia`: content as base64, as the library sends and downloads it. */
export interface WhatsAppMedia {
  mimetype: string;
  data: string;
  filename?: string | null;
}

/** The options Bloei passes with media. */
export interface WhatsAppSendOptions {
  caption?: string;
  /** A voice note shows as one (with a waveform), not as an audio file. */
  sendAudioAsVoice?: boolean;
}

/** What Bloei does with a message it looks up again: download its media. */
export interface WhatsAppStoredMessage {
  downloadMedia(): Promise<WhatsAppMedia | undefined>;
}

/** The fields and calls Bloei uses of a wwebjs `Chat`, to read what arrived while it was away. */
export interface WhatsAppChat {
  /** `31612345678@c.us` (or `…@lid`) for a person. */
  id: { _serialized: string };
  isGroup: boolean;
  /** Received messages nobody has read (Bloei marks a chat read once it handled a message). */
  unreadCount: number;
  /** The newest message the chat received, when WhatsApp Web has it loaded. */
  lastMessage?: WhatsAppMessage;
  /** The chat's newest `limit` messages, oldest first (wwebjs loads earlier ones as needed). */
  fetchMessages(options: { limit: number }): Promise<WhatsAppMessage[]>;
}

export interface WhatsAppClient {
  on(event: 'qr', listener: (qr: string) => void): unknown;
  on(event: 'authenticated' | 'ready', listener: () => void): unknown;
  on(event: 'loading_screen', listener: (percent: number, message: string) => void): unknown;
  on(event: 'message', listener: (message: WhatsAppMessage) => void): unknown;
  on(event: 'auth_failure' | 'disconnected', listener: (reason: string) => void): unknown;
  initialize(): Promise<void>;
  sendMessage(
    chatId: string,
    content: string | WhatsAppMedia,
    options?: WhatsAppSendOptions,
  ): Promise<unknown>;
  /** A message by its serialized id (null when WhatsApp Web no longer has it). */
  getMessageById(messageId: string): Promise<WhatsAppStoredMessage | null>;
  getChats(): Promise<WhatsAppChat[]>;
  /** Marks the chat as read (the resident sees blue ticks). */
  sendSeen(chatId: string): Promise<boolean>;
  destroy(): Promise<void>;
}

/** Media for `sendMessage`: a wwebjs `MessageMedia`, the class the library expects. */
export function whatsAppMedia(media: WhatsAppMedia): WhatsAppMedia {
  return new wwebjs.MessageMedia(media.mimetype, media.data, media.filename ?? null);
}

/** Headless Chromium without the background traffic a server has no use for. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A wwebjs client on the installed Chromium (puppeteer never downloads one) with its session
 * kept by LocalAuth in `dataDir`, created readable by the owner only: it holds the login.
 * Nothing starts until `initialize()`.
 */
export function createWhatsAppClient(config: WhatsAppConfig): WhatsAppClient {
  try {
    accessSync(config.chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      `no Chromium at CHROMIUM_PATH=${config.chromiumPath} (Debian: apt-get install -y chromium)`,
    );
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  return new wwebjs.Client({
    authStrategy: new wwebjs.LocalAuth({ dataPath: config.dataDir }),
    puppeteer: { executablePath: config.chromiumPath, headless: true, args: chromiumArgs },
  });
}
