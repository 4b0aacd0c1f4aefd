/**
 * Where the web chat keeps a test conversation for the page: what the test resident wrote and
 * what Bloei answered. On the database (`src/store/prisma-webchat-transcript.ts`), so a reply
 * reaches the page whichever process sends it and whichever web replica shows it.
 */
import type { OutboundChoice } from '../../conversations/messages.js';

/** `resident`: typed or tapped on the page; `bloei`: a reply. */
export type WebchatAuthor = 'resident' | 'bloei';

export interface WebchatLine {
  author: WebchatAuthor;
  text: string;
  /** The buttons of a question, in order; empty for other messages. */
  choices: OutboundChoice[];
  /** The question the buttons belong to, sent back with a tapped one. */
  ref: string | null;
  at: Date;
}

export interface WebchatTranscript {
  /** Adds a line to `userId`'s conversation. */
  append(userId: string, line: WebchatLine): Promise<void>;
  /**
   * Erases the test resident of `userId`: the contact the way "forget me" erases one (no
   * anonymous counts are kept of a test resident), the conversation state and the lines.
   */
  forget(userId: string, at: Date): Promise<void>;
}
