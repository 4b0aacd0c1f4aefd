/**
 * Every state-changing request proves it came from a page of this site.
 *
 * Forms carry the session's CSRF token: a random 256-bit value kept with the session row in
 * the database (OWASP's synchronizer token), compared in constant time. This is kept instead
 * of @fastify/csrf-protection on purpose: with our own database sessions that plugin would
 * be a double-submit cookie, a second secret in a second cookie, which a sibling host of the
 * same site can overwrite (cookie tossing) unless it is signed and bound to the user with yet
 * another key to manage. A server-side token cannot be planted from outside, needs no key,
 * and ends with the session: at sign-out, a password change and deactivation.
 *
 * Routes marked `csrf: 'preflight'` (the queue board's JSON API) are exempt for requests a
 * browser cannot send cross-site without a CORS preflight, which this server never grants:
 * anything but a POST, or a POST of JSON.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length || expected === '') {
    return false;
  }
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Whether `request` may change something, judged on its route's declaration. */
export function passesCsrfCheck(request: FastifyRequest, expectedToken: string): boolean {
  if (safeMethods.has(request.method)) return true;
  if (request.routeOptions.config.csrf === 'preflight') {
    const json = request.headers['content-type']?.startsWith('application/json') ?? false;
    if (request.method !== 'POST' || json) return true;
  }
  const body = request.body as Record<string, unknown> | null | undefined;
  const query = request.query as Record<string, unknown> | undefined;
  return sameToken(body?.['_csrf'] ?? query?.['_csrf'], expectedToken);
}
