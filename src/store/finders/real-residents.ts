/**
 * Staff try Bloei out as a test resident in the dashboard's web chat; what such a resident
 * answers must never count as a resident's. A contact is a test resident when it is reached
 * on a test channel: identities are per channel, so a web chat contact is never anyone else.
 * Every read that counts, lists or exports residents narrows its contacts with
 * {@link realResident}; erasure keeps no anonymous counts of a test resident.
 */
import { webchatChannel } from '../../bots/webchat/webchat-channel.js';
import type { Prisma } from '../generated/client.js';

/** Channels whose contacts are staff trying Bloei out, not residents. */
export const testChannels: readonly string[] = [webchatChannel];

/** A `Contact` filter that leaves out test residents; add it wherever residents are counted. */
export const realResident = {
  identities: { none: { channel: { in: [...testChannels] } } },
} satisfies Prisma.ContactWhereInput;

/** Whether a contact reached on these channels is a test resident. */
export function isTestResident(identities: readonly { channel: string }[]): boolean {
  return identities.some((identity) => testChannels.includes(identity.channel));
}
