/**
 * Understands a phone number a resident types so a verbinder can call them back, and keeps it
 * in one form (E.164, "+31612345678") whatever way it was written. A small validator of its
 * own: no phone library is installed, and Bloei only needs to tell a callable number from a
 * typo, not the numbering plan of every country.
 *
 * Accepted:
 * - Dutch numbers written nationally: ten digits starting with 0 and a non-zero digit —
 *   mobile `06 12345678`, Eindhoven `040-2123456`, `(040) 212 34 56`, any other area code;
 * - Dutch numbers written internationally: `+31 6 12345678`, `0031612345678`,
 *   `+31 (0)40 2123456` (the `(0)` is dropped) — nine digits after 31;
 * - other countries as `+CC…` or `00CC…`: E.164, 8 to 15 digits in all.
 *
 * Spaces, dashes, dots, slashes and brackets between the digits are ignored, Arabic-Indic and
 * Persian digits count as digits, and words around one number ("mijn nummer is …") are fine.
 * Not accepted: numbers without a country or trunk prefix (`612345678`), Dutch service and
 * premium numbers (0800/0900, which have other lengths), letters inside the number, two
 * numbers in one message.
 */
import { sanitize, toAsciiDigits } from './normalize.js';

const invisible = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/g;
/** One number as people type it: an optional +, then digits with separators between them. */
const written = /\+?\(?\d[\d\s().\-/]*\d/g;

/** The number in E.164 ("+31612345678"), or null when it is not a number Bloei can call. */
export function parsePhone(input: string): string | null {
  const text = toAsciiDigits(sanitize(input)).replace(invisible, '');
  const found = text.match(written) ?? [];
  if (found.length !== 1) return null;
  const [number] = found as [string];
  const international = number.startsWith('+') || number.startsWith('(+');
  const digits = number.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (international) return fromInternational(digits);
  if (digits.startsWith('00')) return fromInternational(digits.slice(2));
  if (/^0[1-9]\d{8}$/.test(digits)) return `+31${digits.slice(1)}`;
  return null;
}

function fromInternational(digits: string): string | null {
  if (digits.startsWith('31')) return /^31[1-9]\d{8}$/.test(digits) ? `+${digits}` : null;
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
}

/**
 * A number in E.164 as people read it: Dutch mobiles as `+31 6 12345678`, Dutch landlines
 * with a two-digit area code split after it (`+31 40 2123456`); other countries as stored.
 */
export function formatPhone(e164: string): string {
  const dutch = /^\+31(\d{9})$/.exec(e164)?.[1];
  if (!dutch) return e164;
  const area = dutch.startsWith('6')
    ? 1
    : /^(?:10|13|15|20|23|24|26|30|33|35|36|38|40|43|45|46|50|53|55|58|70|71|72|73|74|75|76|77|78|79)/.test(
          dutch,
        )
      ? 2
      : 3;
  return `+31 ${dutch.slice(0, area)} ${dutch.slice(area)}`;
}
