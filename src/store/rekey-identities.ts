/**
 * Makes sure this database's identity keys are made with this process's secret, once, at
 * start. The first start with keyed ids carries the rows an older Bloei keyed with an unkeyed
 * SHA-256 over to the keyed ones, in one transaction: each key is recomputed from a channel
 * and user id the database still knows (a resident's or verbinder's identity, an outbox chat's
 * address, a waiting message), and the secret's check value is recorded. A later start with
 * another secret is refused: it would split every conversation from its history.
 * Rows whose person the database no longer knows keep their old key and age out by retention.
 */
import { keyWith, legacyIdentityKey } from '../conversations/identity-key.js';
import type { PrismaClient } from './prisma-client.js';
import { BloeiError } from '../errors/bloei-error.js';

/** The process was started with another identity secret than the database's keys use. */
export class IdentitySecretMismatchError extends BloeiError {
  override readonly name = 'IdentitySecretMismatchError';
  readonly code = 'ID_SECRET_MISMATCH';
  constructor() {
    super(
      'identity keys: this database was keyed with another BLOEI_ID_SECRET (or another ' +
        'data directory id-secret); start every process with the secret it was first ' +
        'started with, or conversations would lose their history',
    );
  }
}

/** The check value of a secret: a keyed hash of a fixed text, which does not reveal it. */
export const secretCheck = (secret: string) => keyWith(secret, 'bloei', 'identity-key-check');

/** How many rows the rekey carried over per table (none when the database was keyed already). */
export type RekeyReport = Record<
  'conversations' | 'linkAttempts' | 'outboxChats' | 'spooledChats' | 'spooledMessages',
  number
>;

type Pairs = { channel: string; userId: string }[];

export async function rekeyIdentities(
  prisma: PrismaClient,
  secret: string,
): Promise<RekeyReport | null> {
  const check = secretCheck(secret);
  return prisma.$transaction(
    async (tx) => {
      // A second process starting at once waits here for the first one's commit.
      const inserted = await tx.$executeRaw`
        INSERT INTO "IdentityKeyCheck" ("id", "check") VALUES (1, ${check})
        ON CONFLICT ("id") DO NOTHING`;
      if (inserted === 0) {
        const [row] = await tx.$queryRaw<{ check: string }[]>`
          SELECT "check" FROM "IdentityKeyCheck" WHERE "id" = 1`;
        if (row?.check !== check) throw new IdentitySecretMismatchError();
        return null;
      }
      const people: Pairs = [
        ...(await tx.$queryRaw<Pairs>`
          SELECT "channel", "externalId" AS "userId" FROM "ChannelIdentity"`),
        ...(await tx.$queryRaw<Pairs>`
          SELECT "channel", "externalId" AS "userId" FROM "Verbinder"
          WHERE "channel" IS NOT NULL AND "externalId" IS NOT NULL`),
        ...(await tx.$queryRaw<Pairs>`SELECT "channel", "address" AS "userId" FROM "OutboxChat"`),
        ...(await tx.$queryRaw<Pairs>`
          SELECT "content"->>'channel' AS "channel", "content"->>'userId' AS "userId"
          FROM "SpooledInbound" WHERE "content" IS NOT NULL`),
      ];
      const messages = await tx.$queryRaw<{ channel: string; messageId: string }[]>`
        SELECT "channel", "content"->>'messageId' AS "messageId"
        FROM "SpooledInbound" WHERE "content" IS NOT NULL`;
      const chats = JSON.stringify(mapping(people.filter((p) => p.channel && p.userId)));
      const spooled = JSON.stringify(
        mapping(
          messages
            .filter((m) => m.messageId)
            .map((m) => ({ channel: m.channel, userId: `message:${m.messageId}` })),
        ),
      );
      // OutboxMessage follows its chat's key by ON UPDATE CASCADE.
      const report: RekeyReport = {
        conversations: await tx.$executeRaw`
          UPDATE "Conversation" t SET "identityKey" = m.value
          FROM jsonb_each_text(${chats}::jsonb) m WHERE t."identityKey" = m.key`,
        linkAttempts: await tx.$executeRaw`
          UPDATE "LinkAttempt" t SET "identityKey" = m.value
          FROM jsonb_each_text(${chats}::jsonb) m WHERE t."identityKey" = m.key`,
        outboxChats: await tx.$executeRaw`
          UPDATE "OutboxChat" t SET "key" = m.value
          FROM jsonb_each_text(${chats}::jsonb) m WHERE t."key" = m.key`,
        spooledChats: await tx.$executeRaw`
          UPDATE "SpooledInbound" t SET "chatKey" = m.value
          FROM jsonb_each_text(${chats}::jsonb) m WHERE t."chatKey" = m.key`,
        spooledMessages: await tx.$executeRaw`
          UPDATE "SpooledInbound" t SET "messageKey" = m.value
          FROM jsonb_each_text(${spooled}::jsonb) m WHERE t."messageKey" = m.key`,
      };
      const rekeyed = Object.values(report).reduce((sum, n) => sum + n, 0);
      await tx.$executeRaw`UPDATE "IdentityKeyCheck" SET "rekeyed" = ${rekeyed} WHERE "id" = 1`;
      return report;
    },
    // A large database takes a while; nothing else runs before this has finished.
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );

  function mapping(pairs: Pairs): Record<string, string> {
    return Object.fromEntries(
      pairs.map(({ channel, userId }) => [
        legacyIdentityKey(channel, userId),
        keyWith(secret, channel, userId),
      ]),
    );
  }
}
