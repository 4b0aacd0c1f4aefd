/**
 * A translation is outdated when the Dutch text changed after it was written. To know, each
 * translation keeps a short hash of the Dutch text it was written from (in
 * `locales/.source-hashes.json` for the shipped files, with the override in the database for
 * a coordinator's wording), compared with the hash of the Dutch text residents get now.
 * A hash, not a revision number, so that going back to an earlier Dutch text makes the
 * translations written from it up to date again.
 */
import { createHash } from 'node:crypto';
import { keyParts } from './text-editability.js';

/** Twelve hex digits of SHA-256: plenty to tell a few hundred texts' versions apart. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/**
 * The Dutch text a translation of `key` is written from. A plural form is written from all
 * of the Dutch forms together: Arabic's `_few` has no Dutch `_few` to follow.
 */
export function sourceTextOf(
  key: string,
  dutch: (key: string) => string | undefined,
  dutchForms: readonly string[],
): string | undefined {
  const { base, form } = keyParts(key);
  if (!form) return dutch(key);
  const forms = dutchForms.map((f) => dutch(`${base}_${f}`));
  if (forms.every((text) => text === undefined)) return undefined;
  return forms.map((text) => text ?? '').join('\u0000');
}
