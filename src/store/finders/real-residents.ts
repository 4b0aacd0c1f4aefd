/**
 * Which residents count: everyone except test residents, whom staff play in the browser to see
 * a changed text in place. A test resident is known by the channel she chats on: every finder
 * that counts or exports residents goes through this file, in Prisma's words (`realResident`)
 * or in SQL (`realResidentSql`), so a new test channel is one entry in `testChannels`.
 */
import { webchatChannel } from '../../bots/webchat/webchat-channel.js';
import { Prisma } from '../generated/client.js';

/** Channels whose residents are staff trying Bloei out: never counted, never exported. */
export const testChannels: readonly string[] = [webchatChannel];

/** A contact who is a real resident, as a Prisma `where` on Contact. */
export const realResident = {
  identities: { none: { channel: { in: [...testChannels] } } },
} satisfies Prisma.ContactWhereInput;

/** A match none of whose sign-ups is a test resident's, as a Prisma `where` on Match. */
export const realMatch = {
  NOT: [
    { first: { contact: { NOT: realResident } } },
    { second: { contact: { NOT: realResident } } },
  ],
} satisfies Prisma.MatchWhereInput;

/**
 * The same rule in SQL, for the contact whose id is in `contactId` (a column such as
 * `Prisma.sql\`c."id"\``): true for a real resident.
 */
export function realResidentSql(contactId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "ChannelIdentity" test_identity
    WHERE test_identity."contactId" = ${contactId}
      AND test_identity."channel" = ANY(${[...testChannels]}::text[]))`;
}

/** Whether a contact reached on these channels is a test resident. */
export function isTestResident(identities: readonly { channel: string }[]): boolean {
  return identities.some((identity) => testChannels.includes(identity.channel));
}
