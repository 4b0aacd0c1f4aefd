/**
 * The engine's view of one conversation. Plain JSON, stored as-is in the conversation row,
 * so a process restart continues at the same question with every earlier answer.
 */

/**
 * A parsed answer: a choice id, several choice ids, a number, or free text. On a scale,
 * "don't know" is the string `dontKnow` (see `dontKnow`), never a score.
 */
export type AnswerValue = string | number | string[];

/** The answer on a scale when the resident says they don't know: not a number, not neutral. */
export const dontKnow = 'dontKnow';

/** A voice note, photo or other non-text message, as far as the host described it. */
export interface MediaRef {
  /** `voice`, `photo`, `video`, `document`, `sticker`, … when the host says; else null. */
  kind: string | null;
  /** The host's handle to the message (e.g. its channel message id); null when not given. */
  ref: string | null;
}

/** One run of one flow: where it waits and what was answered so far. */
export interface Run {
  id: string;
  flow: string;
  version: number;
  step: string;
  answers: Record<string, AnswerValue>;
  /** Wrong answers in a row at the current question. */
  invalid: number;
  startedAt: string;
  /**
   * An answer matched several choices: the ids shown to pick from (a typed number picks
   * among these), and for several-choice questions the parts already understood.
   */
  clarify?: { ids: string[]; keep?: string[] };
  /** Media the resident sent that an offer of a verbinder would pass on (see offers). */
  media?: MediaRef[];
}

export interface ConversationState {
  schema: 1;
  language: string;
  /** Whether the resident gave consent; before it nothing about them is stored. */
  consented: boolean;
  /** The version of the consent text they agreed to. */
  consentVersion?: number;
  /** The run that waits for an answer, if any. */
  run: Run | null;
  /** Runs interrupted by a keyword flow (e.g. changing language), resumed when it ends. */
  stack: Run[];
  /** Runs the resident paused with "later", resumed next time. */
  paused: Run[];
  /** After a safety signal, questions wait until the resident says to go on. */
  safetyHold?: boolean;
  /** When the resident last heard that Bloei was away and is back (ISO): said once per absence. */
  lateNotedAt?: string;
  /** When Bloei last offered a verbinder after a concern (ISO time): once a day at most. */
  concernOfferedAt?: string;
  /** When Bloei last offered to pass a voice note or photo on (ISO time). */
  mediaOfferedAt?: string;
}

export function initialState(language: string): ConversationState {
  return { schema: 1, language, consented: false, run: null, stack: [], paused: [] };
}
