/**
 * A conversation is keyed by a keyed hash (HMAC-SHA-256) of channel and user id, so a
 * conversation row can exist before consent without storing who the person is, and a key in a
 * log or a table cannot be turned back into a phone number without the secret. The secret is
 * set once per process at start (`useIdentitySecret`, from `createApp`), before any key is made.
 */
import { createHash, createHmac } from 'node:crypto';
import type { ChatAddress } from './outbox-ports.js';
import { BloeiError } from '../errors/bloei-error.js';

/** A key was asked for before the process was given its identity secret. */
export class IdentitySecretMissingError extends BloeiError {
  override readonly name = 'IdentitySecretMissingError';
  readonly code = 'ID_SECRET_MISSING';
  constructor() {
    super('identity keys: no secret set; createApp sets it from BLOEI_ID_SECRET or the data dir');
  }
}

/** Fewest characters of a secret given in the environment: short ones can be guessed. */
export const minimumSecretLength = 32;

let secret: Buffer | null = null;

/** Sets the secret every identity key of this process is made with. */
export function useIdentitySecret(value: string): void {
  if (value.length < minimumSecretLength) {
    throw new RangeError(`identity secret: at least ${minimumSecretLength} characters`);
  }
  secret = Buffer.from(value, 'utf8');
}

export function identityKey(channel: string, userId: string): string {
  if (!secret) throw new IdentitySecretMissingError();
  return keyWith(secret, channel, userId);
}

/** The key of channel and user id under a given secret (the rekey at start). */
export function keyWith(key: Buffer | string, channel: string, userId: string): string {
  return createHmac('sha256', key).update(`${channel}\u0000${userId}`).digest('hex');
}

/**
 * The unkeyed SHA-256 that keyed rows before there was a secret: only the one-time rekey of
 * an older database computes it, to find the rows it must carry over.
 */
export function legacyIdentityKey(channel: string, userId: string): string {
  return createHash('sha256').update(`${channel}\u0000${userId}`).digest('hex');
}

/** The chat of a person on a channel, for the outbox: keyed like their conversation. */
export function chatOf(channel: string, userId: string): ChatAddress {
  return { key: identityKey(channel, userId), channel, address: userId };
}
