/**
 * The engine's view of one conversation. Plain JSON, stored as-is in the conversation row,
 * so a process restart continues at the same question with every earlier answer.
 */

/** A parsed answer: a choice id, several choice ids, a number, or free text. */
export type AnswerValue = string | number | string[];

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
}

export function initialState(language: string): ConversationState {
  return { schema: 1, language, consented: false, run: null, stack: [], paused: [] };
}
