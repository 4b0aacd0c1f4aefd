/**
 * A conversation is keyed by a hash of channel and user id, so a conversation row can exist
 * before consent without storing who the person is.
 */
import { createHash } from 'node:crypto';

export function identityKey(channel: string, userId: string): string {
  return createHash('sha256').update(`${channel}\u0000${userId}`).digest('hex');
}
