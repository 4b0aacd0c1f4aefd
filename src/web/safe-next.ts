/**
 * Where to go after signing in: only a path on this site, never an open redirect. The value
 * is resolved the way a browser would (`new URL`, which drops tabs and newlines and reads a
 * backslash as a slash) against a stand-in origin, and kept only when it stays on that
 * origin and its path cannot be read as another host (`//evil.example`).
 */
const home = '/inbox';
const origin = 'https://dashboard.bloei.invalid';

export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return home;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return home;
  }
  if (url.origin !== origin || !/^\/(?![/\\])/.test(url.pathname)) return home;
  return `${url.pathname}${url.search}${url.hash}`;
}
