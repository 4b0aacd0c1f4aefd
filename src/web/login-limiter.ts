/**
 * How many times someone may try to sign in. Every attempt is counted *before* the password
 * is checked, with one atomic increment in the database (an upsert that PostgreSQL runs as
 * INSERT … ON CONFLICT DO UPDATE), so parallel guesses cannot slip past the limit, and every
 * web replica sees the same counts (rate-limiter-flexible's Prisma store: it works on
 * PostgreSQL and on the embedded PGlite alike, where a Redis store would not exist).
 *
 * Three counters, because a lock on a login name alone lets anyone lock a colleague out by
 * typing her name with wrong passwords:
 * - login + client (10 per 15 minutes), counted first: the everyday "too many wrong
 *   passwords". It only ever locks the pair the guesses came from; an attempt it refuses
 *   counts nowhere else.
 * - client (100 per hour, whatever the login): one address trying many names.
 * - login (30 per minute, from all clients together): one name guessed from many addresses.
 *   One address alone cannot reach it (10 tries per 15 minutes); keeping someone out takes
 *   three fresh addresses every minute, and she is free again a minute after it stops. It
 *   holds such a guesser to 30 passwords a minute.
 * A correct password does not count: it clears its login + client count and gives back its
 * point on the other two. The client is the address Fastify reports, which behind a reverse
 * proxy is the real one only with `WEB_TRUST_PROXY` set. Rows hold a login name and an
 * address until an hour after their window (the store prunes them).
 */
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { PrismaClient } from '../store/prisma-client.js';

export interface Limit {
  points: number;
  seconds: number;
}

export interface LoginLimits {
  perLoginAndClient: Limit;
  perClient: Limit;
  perLogin: Limit;
}

export const defaultLoginLimits: LoginLimits = {
  perLoginAndClient: { points: 10, seconds: 15 * 60 },
  perClient: { points: 100, seconds: 60 * 60 },
  perLogin: { points: 30, seconds: 60 },
};

export type Attempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The same spelling of a login name whatever the case or spaces typed. */
const normalise = (login: string) => login.trim().toLowerCase();

export class LoginLimiter {
  private readonly perLoginAndClient: RateLimiterPrisma;
  private readonly perClient: RateLimiterPrisma;
  private readonly perLogin: RateLimiterPrisma;

  constructor(prisma: PrismaClient, limits: LoginLimits = defaultLoginLimits) {
    const limiter = (keyPrefix: string, limit: Limit, prune: boolean) =>
      new RateLimiterPrisma({
        storeClient: prisma,
        tableName: 'loginLimit',
        keyPrefix,
        points: limit.points,
        duration: limit.seconds,
        // One table: one of the three prunes expired rows for all.
        clearExpiredByTimeout: prune,
      });
    this.perLoginAndClient = limiter('login+client', limits.perLoginAndClient, true);
    this.perClient = limiter('client', limits.perClient, false);
    this.perLogin = limiter('login', limits.perLogin, false);
  }

  /** Counts one attempt; refused when a counter is over its limit. */
  async attempt(login: string, client: string): Promise<Attempt> {
    const name = normalise(login);
    const first = await consume(this.perLoginAndClient, `${name}|${client}`);
    const refused = first
      ? [first]
      : (await Promise.all([consume(this.perClient, client), consume(this.perLogin, name)])).filter(
          (r) => r !== null,
        );
    if (refused.length === 0) return { allowed: true };
    const waitMs = Math.max(...refused.map((r) => r.msBeforeNext));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** A correct password: its attempt counts nowhere, and that client starts afresh. */
  async succeeded(login: string, client: string): Promise<void> {
    const name = normalise(login);
    await Promise.all([
      this.perLoginAndClient.delete(`${name}|${client}`),
      this.perClient.reward(client, 1),
      this.perLogin.reward(name, 1),
    ]);
  }
}

/** Null when the point was granted; the rejection when the limit is reached. */
async function consume(limiter: RateLimiterPrisma, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}
