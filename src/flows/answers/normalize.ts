/**
 * Makes typed answers comparable across languages and keyboards: Unicode-normalised,
 * case- and accent-insensitive, Arabic-Indic and Persian digits as ASCII, invisible
 * direction marks and surrounding punctuation removed, whitespace collapsed.
 */
const invisible = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/g;
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g; // eslint-disable-line no-control-regex

export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Replaces lone surrogates and control characters so no parser or database sees them. */
export function sanitize(text: string): string {
  return text.toWellFormed().replace(controls, ' ');
}

export function normalize(text: string): string {
  return trimTrailing(
    toAsciiDigits(sanitize(text))
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(invisible, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/^(?:(?!-\d)[\s\p{P}\p{S}])+/u, ''),
  ).trim();
}

const edge = /[\s\p{P}\p{S}]/u;

/**
 * Drops trailing spaces, punctuation and symbols, walking back one code point at a time:
 * a regex anchored at the end would be quadratic on a long run of emoji between words.
 */
function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0) {
    const last = text.codePointAt(end - 1)!;
    const size = end >= 2 && last >= 0xdc00 && last <= 0xdfff ? 2 : 1;
    if (!edge.test(text.slice(end - size, end))) break;
    end -= size;
  }
  return text.slice(0, end);
}
