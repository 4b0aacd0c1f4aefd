/**
 * One-time codes a verbinder sends to the bot to link their own chat. Random (40 bits from
 * the OS), readable (Crockford base32: no I, L, O, U), stored only as a hash, single-use and
 * expiring; wrong guesses are rate-limited by the staff desk.
 */
import { createHash, randomInt } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const linkCodePattern = /^bloei-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/i;

export function newLinkCode(): string {
  const part = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `BLOEI-${part()}-${part()}`;
}

export function hashLinkCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}
