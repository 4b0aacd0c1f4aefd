/**
 * `locales/.source-hashes.json`: for every shipped translation, a hash of the Dutch text it
 * was written from and a hash of the translation itself. When the Dutch text changes and the
 * translation does not, the translation is outdated: `flows:check` says so, and the texts
 * editor marks it. `npm run texts:stamp` records a rewritten translation as following the
 * Dutch text of now, and `--accept KEY` does so for one whose Dutch change did not matter
 * (a typo). Kept in the repository, next to the texts, so a review sees both move together.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pluralForms } from '../flows/locale-rules.js';
import { sourceTextOf, textHash } from '../texts/source-hash.js';
import { sourceLanguage, type ShippedSources, type TextTable } from '../texts/text-catalog.js';
import { defaultLocalesDir } from './load-locales.js';

/**
 * language → key → [hash of the Dutch text it follows, hash of the translation]; in the file
 * one string `"<from> <text>"` per key, which stays on one line whatever the key's length.
 */
export type SourceHashFile = Record<string, Record<string, [from: string, text: string]>>;
type StoredFile = Record<string, Record<string, string>>;

export const sourceHashesFile = '.source-hashes.json';

export function readSourceHashes(dir: string = defaultLocalesDir): SourceHashFile {
  const file = join(dir, sourceHashesFile);
  if (!existsSync(file)) return {};
  const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredFile;
  return Object.fromEntries(
    Object.entries(stored).map(([language, entries]) => [
      language,
      Object.fromEntries(
        Object.entries(entries).map(([key, pair]) => [key, pair.split(' ') as [string, string]]),
      ),
    ]),
  );
}

/** One line per key, keys and languages sorted, as prettier leaves it: small diffs. */
export function writeSourceHashes(hashes: SourceHashFile, dir: string = defaultLocalesDir): void {
  const languages = Object.keys(hashes).sort();
  const body = languages.map((language) => {
    const entries = Object.entries(hashes[language]!).sort(([a], [b]) => a.localeCompare(b));
    const lines = entries.map(
      ([key, [from, text]]) => `    ${JSON.stringify(key)}: "${from} ${text}"`,
    );
    return `  ${JSON.stringify(language)}: {\n${lines.join(',\n')}\n  }`;
  });
  writeFileSync(join(dir, sourceHashesFile), `{\n${body.join(',\n')}\n}\n`);
}

/** The Dutch text each shipped translation follows: what the editor compares with. */
export function shippedSources(hashes: SourceHashFile): ShippedSources {
  return Object.fromEntries(
    Object.entries(hashes).map(([language, entries]) => [
      language,
      Object.fromEntries(Object.entries(entries).map(([key, [from]]) => [key, from])),
    ]),
  );
}

/** What a translation follows now: [hash of the Dutch source, hash of the translation]. */
function hashesNow(table: TextTable, key: string, text: string): [string, string] | undefined {
  const source = sourceTextOf(key, (k) => table[sourceLanguage]?.[k], pluralForms(sourceLanguage));
  return source === undefined ? undefined : [textHash(source), textHash(text)];
}

function* translations(table: TextTable) {
  for (const [language, texts] of Object.entries(table)) {
    if (language === sourceLanguage) continue;
    for (const [key, text] of Object.entries(texts)) yield { language, key, text };
  }
}

/**
 * The `flows:check` problems: a translation not stamped (new, or changed since), an entry for
 * a text that is gone, and a translation outdated by a change to the Dutch text.
 */
export function checkSourceHashes(table: TextTable, hashes: SourceHashFile): string[] {
  const unstamped = new Map<string, string[]>();
  const outdated = new Map<string, string[]>();
  const note = (map: Map<string, string[]>, key: string, language: string) =>
    map.set(key, [...(map.get(key) ?? []), language]);
  for (const { language, key, text } of translations(table)) {
    const now = hashesNow(table, key, text);
    if (!now) continue;
    const entry = hashes[language]?.[key];
    if (!entry || entry[1] !== now[1]) note(unstamped, key, language);
    else if (entry[0] !== now[0]) note(outdated, key, language);
  }
  const problems: string[] = [];
  for (const [key, languages] of [...outdated].sort()) {
    problems.push(
      `key ${key}: the Dutch text changed after the ${languages.join(', ')} translation was ` +
        `written: update it and run npm run texts:stamp, or run npm run texts:stamp -- ` +
        `--accept ${key} if it still fits`,
    );
  }
  const stamped = [...unstamped.keys()].sort();
  if (stamped.length > 0) {
    problems.push(
      `${sourceHashesFile}: ${stamped.length} translation(s) new or changed since the last ` +
        `stamp (${stamped.slice(0, 5).join(', ')}${stamped.length > 5 ? ', …' : ''}): run npm run texts:stamp`,
    );
  }
  const gone = Object.entries(hashes).flatMap(([language, entries]) =>
    Object.keys(entries).filter((key) => table[language]?.[key] === undefined),
  );
  if (gone.length > 0) {
    problems.push(
      `${sourceHashesFile}: ${gone.length} entry(ies) for texts that are gone: run npm run texts:stamp`,
    );
  }
  return problems;
}

/**
 * The file after a stamp: a new or rewritten translation follows the Dutch text of now; an
 * accepted key too; an unchanged translation of a changed Dutch text stays outdated.
 */
export function stampSourceHashes(
  table: TextTable,
  hashes: SourceHashFile,
  accept: readonly string[] = [],
): SourceHashFile {
  const stamped: SourceHashFile = {};
  for (const { language, key, text } of translations(table)) {
    const now = hashesNow(table, key, text);
    if (!now) continue;
    const entry = hashes[language]?.[key];
    const keep = entry && entry[1] === now[1] && !accept.includes(key);
    (stamped[language] ??= {})[key] = keep ? entry : now;
  }
  return stamped;
}
