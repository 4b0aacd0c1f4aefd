/**
 * The one-time rekey of a database whose rows an older Bloei keyed with a plain SHA-256 of
 * channel and user id: on the first start with keyed ids the conversation, its outbox and its
 * waiting messages continue under the keyed id; a start with another secret is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/bots/channel.js';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import { identityKey, legacyIdentityKey } from '../../src/conversations/identity-key.js';
import { PrismaInboundSpool } from '../../src/store/prisma-inbound-spool.js';
import { IdentitySecretMismatchError, rekeyIdentities } from '../../src/store/rekey-identities.js';
import { createTestApp } from '../support/test-app.js';
import { testIdSecret } from '../support/test-id-secret.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const user = 'rekey-1';
const waiting = (channel: string): InboundMessage => ({
  channel,
  userId: user,
  messageId: 'waiting-1',
  receivedAt: new Date(Date.UTC(2026, 2, 2, 10)),
  content: { type: 'text', text: 'nog een vraag' },
});

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** Turns the database back into one an older Bloei left: every key of `user` unkeyed. */
async function asOlderBloeiLeftIt(channel: string): Promise<void> {
  const keyed = identityKey(channel, user);
  const legacy = legacyIdentityKey(channel, user);
  const message = waiting(channel);
  await db.prisma.$transaction([
    db.prisma.conversation.updateMany({
      where: { identityKey: keyed },
      data: { identityKey: legacy },
    }),
    db.prisma.outboxChat.updateMany({ where: { key: keyed }, data: { key: legacy } }),
    db.prisma.linkAttempt.create({ data: { identityKey: legacy } }),
    db.prisma.spooledInbound.create({
      data: {
        channel,
        chatKey: legacy,
        messageKey: legacyIdentityKey(channel, `message:${message.messageId}`),
        content: JSON.parse(JSON.stringify(message)) as object,
        sentAt: message.receivedAt,
      },
    }),
    db.prisma.identityKeyCheck.deleteMany({}),
  ]);
}

describe(rekeyIdentities.name, () => {
  it('carries a conversation, its outbox and its waiting messages over to the keyed id', async () => {
    const first = await createTestApp(db.url);
    const channel = first.channel.channel;
    try {
      await first.handler.handle(lineToInbound('hallo', user));
      await first.handler.handle(lineToInbound('1', user));
    } finally {
      await first.close();
    }
    const before = await db.prisma.conversation.findFirstOrThrow({});
    const sent = await db.prisma.outboxMessage.count();
    expect(sent).toBeGreaterThan(0);
    await asOlderBloeiLeftIt(channel);
    expect(await db.prisma.conversation.count({ where: { identityKey: before.identityKey } })).toBe(
      0,
    );

    const second = await createTestApp(db.url);
    try {
      const key = identityKey(channel, user);
      const check = await db.prisma.identityKeyCheck.findUniqueOrThrow({ where: { id: 1 } });
      expect(check.rekeyed).toBe(5); // conversation, outbox chat, link attempt, spool chat + message
      expect(await db.prisma.outboxMessage.count({ where: { chatKey: key } })).toBe(sent);
      expect(await db.prisma.linkAttempt.count({ where: { identityKey: key } })).toBe(1);
      const spool = new PrismaInboundSpool(db.prisma);
      expect(await spool.known(channel, ['waiting-1'])).toEqual(new Set(['waiting-1']));
      expect((await spool.claim(key))?.message).toMatchObject({ messageId: 'waiting-1' });

      // The conversation goes on where it was: the same row, one version further.
      await second.handler.handle(lineToInbound('ja', user));
      const after = await db.prisma.conversation.findMany({});
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ id: before.id, identityKey: key });
      expect(after[0]!.version).toBeGreaterThan(before.version);
    } finally {
      await second.close();
    }
    // Keyed once: a second start finds the check value and rekeys nothing.
    expect(await rekeyIdentities(db.prisma, testIdSecret)).toBeNull();
  });

  it('refuses to start with another secret than the database was keyed with', async () => {
    expect(await rekeyIdentities(db.prisma, testIdSecret)).toMatchObject({ conversations: 0 });
    const other = 'another-secret-that-is-long-enough-to-be-accepted';
    await expect(rekeyIdentities(db.prisma, other)).rejects.toBeInstanceOf(
      IdentitySecretMismatchError,
    );
    await expect(createTestApp(db.url, { idSecret: other })).rejects.toMatchObject({
      code: 'ID_SECRET_MISMATCH',
    });
    // Nothing changed: the right secret still starts.
    expect(await rekeyIdentities(db.prisma, testIdSecret)).toBeNull();
  });
});
