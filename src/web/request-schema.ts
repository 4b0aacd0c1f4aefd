/**
 * The shapes of what a browser may send, as JSON schema (TypeBox, so a route's handler gets
 * the matching types). Fastify validates each request against its route's schema before the
 * handler runs: a repeated field (`?wijk=a&wijk=b`), a NUL or another control character, or a
 * value longer than allowed is a 400 page, never an error deeper down. Fields a route does
 * not name are dropped.
 */
import { Type, type TProperties } from 'typebox';

/** No control characters at all. */
const singleLine = '^[^\\x00-\\x1f\\x7f]*$';
/** Free text from a textarea: newlines and tabs, but no other control characters. */
const multiLine = '^[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]*$';

/** One value on one line, at most `max` characters. */
export const line = (max: number) => Type.String({ maxLength: max, pattern: singleLine });

/** One value of free text (newlines allowed), at most `max` characters. */
export const text = (max: number) => Type.String({ maxLength: max, pattern: multiLine });

/** A number as digits in a path: `/inbox/12`. */
export const digits = Type.String({ pattern: '^[0-9]{1,9}$' });

/** A row id (a UUID) in a path. */
export const rowId = Type.String({ pattern: '^[0-9a-fA-F-]{1,64}$' });

/** Optional single-line fields: query strings are mostly filters that may be left out. */
export function query<P extends TProperties>(properties: P) {
  return Type.Object(properties, { additionalProperties: false });
}

/** A form post: its fields plus the CSRF token every form carries. */
export function form<P extends TProperties>(properties: P) {
  return Type.Object(
    { ...properties, _csrf: Type.Optional(line(200)) },
    { additionalProperties: false },
  );
}

/** For routes that take no query string: whatever is sent is dropped. */
export const noQuery = query({});
