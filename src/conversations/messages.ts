/**
 * The two shapes every channel translates to and from. Platform types never get past the
 * adapter: what Bloei sees of a message is this, and what it says back is an OutboundMessage.
 */

export type InboundContent =
  | { type: 'text'; text: string }
  /** A tapped button: the choice id and question ref the adapter put in it. */
  | { type: 'choice'; id: string; ref?: string }
  /** Anything that is not text: photo, voice, sticker, location, document. */
  | { type: 'media'; kind: string };

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
}
