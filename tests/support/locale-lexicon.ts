/** The real locale files as a Lexicon, for engine tests that need no i18next. */
import type { Lexicon } from '../../src/flows/lexicon.js';
import { flattenLocales, loadLocales } from '../../src/i18n/load-locales.js';

export const localeTable = flattenLocales(loadLocales());

export const localeLexicon: Lexicon = {
  text: (key, language) => localeTable[language]?.[key],
};
