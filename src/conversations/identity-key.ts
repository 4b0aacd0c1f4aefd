/**
 * A conversation is keyed by a hash of channel and user id, so a conversation row can exist
 * before consent without storing who the person is.
 */
import { createHash } from 'node:crypto';
import type { ChatAddress } from './outbox-ports.js';

export function identityKey(channel: string, userId: string): string {
  return createHash('sha256').update(`${channel}\u0000${userId}`).digest('hex');
}

/** The chat of a person on a channel, for the outbox: keyed like their conversation. */
export function chatOf(channel: string, userId: string): ChatAddress {
  return { key: identityKey(channel, userId), channel, address: userId };
}
