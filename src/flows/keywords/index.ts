/**
 * The global keywords, one per file, in the order they are matched: what each does wherever
 * the resident is. Register a new keyword here and give its `keywords.<name>` text in every
 * locale (`flows:check` asks for it); `tests/flows/registries.test.ts` asks for its fixture.
 */
import { continueKeyword } from './continue.js';
import { forgetMe } from './forget-me.js';
import { help } from './help.js';
import type { KeywordEntry } from './keyword.js';
import { language } from './language.js';
import { later } from './later.js';
import { menu } from './menu.js';
import { myData } from './my-data.js';
import { nearby } from './nearby.js';
import { person } from './person.js';
import { preferredTime } from './preferred-time.js';
import { stop } from './stop.js';
import type { TurnOps } from '../turn-ops.js';

export const keywordEntries = [
  stop,
  menu,
  language,
  help,
  person,
  later,
  continueKeyword,
  myData,
  forgetMe,
  nearby,
  preferredTime,
] as const;

export type Keyword = (typeof keywordEntries)[number]['name'];

/** The keywords' names in the order they are matched. */
export const keywords: readonly Keyword[] = keywordEntries.map((entry) => entry.name);

const byName: ReadonlyMap<string, KeywordEntry> = new Map(keywordEntries.map((k) => [k.name, k]));

/** The entry of `keyword`. */
export function keywordEntry(keyword: Keyword): KeywordEntry {
  return byName.get(keyword)!;
}

/** Does what `keyword` asks; false when it means nothing here. */
export function runKeyword(turn: TurnOps, keyword: Keyword): boolean {
  return keywordEntry(keyword).run(turn);
}

export type { KeywordEntry } from './keyword.js';
