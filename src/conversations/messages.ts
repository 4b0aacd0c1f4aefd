/**
 * The two shapes every channel translates to and from. Platform types never get past the
 * adapter: what Bloei sees of a message is this, and what it says back is an OutboundMessage.
 */

export type InboundContent =
  | { type: 'text'; text: string }
  /** A tapped button: the choice id and question ref the adapter put in it. */
  | { type: 'choice'; id: string; ref?: string }
  /**
   * Anything that is not text: photo, voice, sticker, location, document. `ref` is the
   * platform's handle to its content (Telegram's file id, WhatsApp's message id), so it can
   * be fetched when it is passed on; absent when there is nothing to fetch.
   */
  | { type: 'media'; kind: string; ref?: string };

export interface InboundMessage {
  channel: string;
  /** The platform's id for the person (Telegram user id, WhatsApp number, …). */
  userId: string;
  /** The platform's id for this delivery; a second delivery with the same id is ignored. */
  messageId: string;
  receivedAt: Date;
  /** When the person sent it, as the platform says (absent when it does not say). */
  sentAt?: Date;
  /**
   * Sent long before Bloei could handle it (Bloei was down): not taken as an answer to a
   * question the resident may no longer see; safety words and keywords still count.
   */
  late?: boolean;
  content: InboundContent;
  /** The platform's guess of the person's language, used at first contact only. */
  languageHint?: string;
  /** The name the platform shows; kept only after consent. */
  displayName?: string;
  /**
   * The person's public handle on the platform (Telegram @username, without the @), kept as
   * a way to reach them only when they ask for a person.
   */
  username?: string;
  /** The platform's id of a message Bloei sent that this one replies to (Telegram's reply). */
  replyTo?: string;
}

export interface OutboundChoice {
  id: string;
  label: string;
}

export interface OutboundMessage {
  channel: string;
  userId: string;
  text: string;
  /** Choices of a question, in order; channels show them as buttons or numbered lines. */
  choices: OutboundChoice[];
  /** The question the choices belong to; adapters echo it back with a tapped button. */
  ref?: string;
  /** A voice note, photo or file passed on as it is; `text` is then its caption. */
  media?: OutboundMedia;
}

/**
 * Media a message carries: the platform's handle to it on the channel it came from, which the
 * adapter of that channel sends again as it is; on another channel the router fetches it
 * first (`file`), at send time, so its bytes are never kept or logged.
 */
export interface OutboundMedia {
  /** `voice`, `audio`, `photo`, `video`, `document`. */
  kind: string;
  /** The channel the media came from. */
  from: string;
  /** That channel's handle to it (see `InboundContent`). */
  ref: string;
  /** The content, fetched from `from` when it goes to another channel. */
  file?: MediaFile;
}

/** The content of a voice note, photo or file, fetched from its channel to be sent on. */
export interface MediaFile {
  data: Buffer;
  mimeType: string;
  fileName?: string;
}
