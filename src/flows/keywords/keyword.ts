/**
 * What a global keyword is: one file per keyword in this folder exports one `Keyword`,
 * listed once in `index.ts` in the order keywords are matched. A keyword's words are the
 * `keywords.<name>` text in every language (Telegram-style `/<word>` counts too).
 */
import type { TurnOps } from '../turn-ops.js';

export interface KeywordEntry<Name extends string = string> {
  /** The keyword's name; its words are the text `keywords.<name>`. */
  readonly name: Name;
  /** Also recognises the keyword inside a sentence, in any language. */
  inSentence?(text: string): boolean;
  /**
   * Does what the keyword asks, wherever the resident is; false when it means nothing here,
   * so the message is taken as an answer instead.
   */
  run(turn: TurnOps): boolean;
}

/** Declares a keyword; the identity, for type inference of its name. */
export function defineKeyword<Name extends string>(entry: KeywordEntry<Name>): KeywordEntry<Name> {
  return entry;
}
