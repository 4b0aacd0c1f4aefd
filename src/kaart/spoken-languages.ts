/**
 * Languages spoken at an offer, as ISO 639 codes. Any language a person may speak there counts
 * (Somali, Dari…), not only the six Bloei talks in, so codes are checked against the names
 * the runtime's ICU data knows, which also gives each code a name in the reader's language.
 */
const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** True for a lower-case two- or three-letter language code with a known name. */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2,3}$/.test(code) && englishNames.of(code) !== undefined;
}

/** The name of language `code` in language `inLanguage` ("Arabisch" for ar in nl). */
export function languageName(code: string, inLanguage: string): string {
  return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
}
