/**
 * How many times someone may try to sign in. Every attempt is counted *before* the password
 * is checked, with one atomic increment in the database (an upsert that PostgreSQL runs as
 * INSERT … ON CONFLICT DO UPDATE), so parallel guesses cannot slip past the limit, and every
 * web replica sees the same counts (rate-limiter-flexible's Prisma store: it works on
 * PostgreSQL and on the embedded PGlite alike, where a Redis store would not exist).
 *
 * Three counters, because a lock on a login name alone lets anyone lock a colleague out by
 * typing her name with wrong passwords:
 * - login + client (10 per 15 minutes): the everyday "too many wrong passwords". It only ever
 *   locks the pair the guesses came from, and a correct password from that client clears it.
 * - client (100 per hour, whatever the login): one address trying many names.
 * - login (30 per minute, from all clients together): guesses at one name spread over many
 *   addresses. Its window is short on purpose: keeping someone out takes fresh addresses
 *   every minute (each is held to 10 tries per 15 minutes), and she is free again within a
 *   minute after the attack stops. It bounds such a guesser to 30 passwords a minute.
 * The client is the address Fastify reports, which behind a reverse proxy is only the real
 * one with `WEB_TRUST_PROXY` set. Rows hold a login name and an address for at most an hour
 * past their window (the store prunes them).
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

  /** Counts one attempt on every counter; refused when any of them is over its limit. */
  async attempt(login: string, client: string): Promise<Attempt> {
    const name = normalise(login);
    const results = await Promise.all([
      consume(this.perLoginAndClient, `${name}|${client}`),
      consume(this.perClient, client),
      consume(this.perLogin, name),
    ]);
    const refused = results.filter((r) => r !== null);
    if (refused.length === 0) return { allowed: true };
    const waitMs = Math.max(...refused.map((r) => r.msBeforeNext));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** A correct password clears that client's count for that login (not the others). */
  async succeeded(login: string, client: string): Promise<void> {
    await this.perLoginAndClient.delete(`${normalise(login)}|${client}`);
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
