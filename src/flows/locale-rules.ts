/**
 * Rules every translated text follows, shared by `flows:check` (over the locale files) and by
 * the texts editor (over one text when a coordinator saves it), so both refuse the same
 * things: i18next's plural suffixes, the plural forms a language needs, and which texts may
 * stay the same in every language. Pure.
 */

/** i18next's plural suffixes: `system.truncated_one`, `system.truncated_other`, … */
export const pluralSuffix = /_(zero|one|two|few|many|other)$/;

const formsByLanguage = new Map<string, readonly string[]>();

/** The plural forms a language needs (i18next's `_one`, `_other`, … suffixes). */
export function pluralForms(language: string): readonly string[] {
  let forms = formsByLanguage.get(language);
  if (!forms) {
    forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    formsByLanguage.set(language, forms);
  }
  return forms;
}

/**
 * Texts that may be the same in every language: the languages' own names, and format-only
 * strings. Anything else in a language other than nl and en that equals the Dutch or
 * English text was not translated.
 */
export const sameInEveryLanguage = [
  /^language\.names\./,
  /^staff\.summaryLine$/,
  /^staff\.relayed$/,
  /^relay\.fromVerbinder$/,
  /^privacy\.channelNames\.(telegram|whatsapp)$/,
  /^kaart\.(offerLine|offerCard)$/,
];

/**
 * Whether `text`, the translation of `key` in `language`, is still the Dutch or English text:
 * languages other than nl and en must say it in their own words.
 */
export function isUntranslated(
  key: string,
  language: string,
  text: string,
  source: { nl: string | undefined; en: string | undefined },
): boolean {
  if (language === 'nl' || language === 'en') return false;
  if (sameInEveryLanguage.some((pattern) => pattern.test(key))) return false;
  return text === source.en || text === source.nl;
}
