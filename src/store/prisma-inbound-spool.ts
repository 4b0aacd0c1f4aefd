/**
 * The inbound spool on the database (`SpooledInbound`): messages wait here until they are
 * handled, so a crash between receiving and handling delays a message instead of losing it.
 * Chats and messages are stored as identity-key hashes; the message itself (personal data)
 * only while it is pending or parked. A handled message leaves a hash-only marker, pruned
 * after a while, so a redelivery or a re-read backlog is recognised. Coordinators list, retry
 * and dismiss parked messages here.
 */
import type { InboundMessage } from '../bots/channel.js';
import type { InboundSpool, SpoolError, SpooledMessage } from '../bots/inbound-spool.js';
import { identityKey } from '../conversations/identity-key.js';
import type { Db } from './db.js';
import { Prisma, type PrismaClient } from './generated/client.js';

/** A parked message as a coordinator sees it: when, on which channel, why; never its text. */
export interface ParkedInbound {
  id: string;
  channel: string;
  /** The first 12 characters of the conversation key, as in the logs. */
  conversation: string;
  sentAt: Date;
  parkedAt: Date | null;
  attempts: number;
  errorName: string | null;
  errorCode: string | null;
}

const chatKeyOf = (m: { channel: string; userId: string }) => identityKey(m.channel, m.userId);
/** A message id can quote the chat (WhatsApp's does): it is hashed like the chat. */
const messageKeyOf = (m: { channel: string; messageId: string }) =>
  identityKey(m.channel, `message:${m.messageId}`);

export class PrismaInboundSpool implements InboundSpool {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async add(messages: readonly InboundMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const { count } = await this.prisma.spooledInbound.createMany({
      data: messages.map((m) => ({
        channel: m.channel,
        messageKey: messageKeyOf(m),
        chatKey: chatKeyOf(m),
        content: toJson(m),
        sentAt: m.sentAt ?? m.receivedAt,
        spooledAt: this.clock(),
      })),
      skipDuplicates: true,
    });
    return count;
  }

  async claim(chatKey: string): Promise<SpooledMessage | null> {
    const rows = await this.prisma.$queryRaw<{ id: string; content: unknown; attempts: number }[]>`
      UPDATE "SpooledInbound" SET "attempts" = "attempts" + 1
      WHERE "id" = (
        SELECT "id" FROM "SpooledInbound"
        WHERE "chatKey" = ${chatKey} AND "status" = 'pending'
        ORDER BY "sentAt", "id" LIMIT 1)
      RETURNING "id"::text AS "id", "content", "attempts"`;
    const row = rows[0];
    if (!row) return null;
    return { id: row.id, message: fromJson(row.content), attempts: row.attempts };
  }

  async handled(id: string): Promise<void> {
    await this.prisma.spooledInbound.updateMany({
      where: { id: BigInt(id), status: 'pending' },
      data: {
        status: 'handled',
        content: Prisma.DbNull,
        settledAt: this.clock(),
        errorName: null,
        errorCode: null,
      },
    });
  }

  async failed(id: string, error: SpoolError, park: boolean): Promise<void> {
    await this.prisma.spooledInbound.updateMany({
      where: { id: BigInt(id), status: 'pending' },
      data: {
        errorName: error.name,
        errorCode: error.code ?? null,
        ...(park ? { status: 'parked', settledAt: this.clock() } : {}),
      },
    });
  }

  async pendingChats(channel: string): Promise<string[]> {
    const rows = await this.prisma.spooledInbound.findMany({
      where: { channel, status: 'pending' },
      distinct: ['chatKey'],
      select: { chatKey: true },
    });
    return rows.map((r) => r.chatKey);
  }

  async known(channel: string, messageIds: readonly string[]): Promise<Set<string>> {
    const byKey = new Map(messageIds.map((id) => [messageKeyOf({ channel, messageId: id }), id]));
    const rows = await this.prisma.spooledInbound.findMany({
      where: { messageKey: { in: [...byKey.keys()] } },
      select: { messageKey: true },
    });
    return new Set(rows.map((r) => byKey.get(r.messageKey)!));
  }

  async lastHandled(channel: string, userIds: readonly string[]): Promise<Map<string, Date>> {
    const byKey = new Map(userIds.map((userId) => [chatKeyOf({ channel, userId }), userId]));
    const rows = await this.prisma.spooledInbound.groupBy({
      by: ['chatKey'],
      where: { chatKey: { in: [...byKey.keys()] }, status: 'handled' },
      _max: { sentAt: true },
    });
    return new Map(rows.map((r) => [byKey.get(r.chatKey)!, r._max.sentAt!]));
  }

  async prune(before: Date): Promise<number> {
    const { count } = await this.prisma.spooledInbound.deleteMany({
      where: { status: 'handled', settledAt: { lt: before } },
    });
    return count;
  }

  /** Parked messages, oldest first, for the coordinator's overview. */
  async listParked(limit = 100): Promise<ParkedInbound[]> {
    const rows = await this.prisma.spooledInbound.findMany({
      where: { status: 'parked' },
      orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: {
        id: true,
        channel: true,
        chatKey: true,
        sentAt: true,
        settledAt: true,
        attempts: true,
        errorName: true,
        errorCode: true,
      },
    });
    return rows.map(({ id, chatKey, settledAt, ...rest }) => ({
      id: id.toString(),
      conversation: chatKey.slice(0, 12),
      parkedAt: settledAt,
      ...rest,
    }));
  }

  async countParked(): Promise<number> {
    return this.prisma.spooledInbound.count({ where: { status: 'parked' } });
  }

  /**
   * Hands parked messages (the given ones, or all) back to be handled, with fresh attempts;
   * the process running their channel picks them up within its sweep interval.
   */
  async retryParked(ids?: readonly string[]): Promise<number> {
    const { count } = await this.prisma.spooledInbound.updateMany({
      where: { status: 'parked', ...(ids ? { id: { in: ids.map((id) => BigInt(id)) } } : {}) },
      data: { status: 'pending', attempts: 0, settledAt: null },
    });
    return count;
  }

  /** A coordinator gives up on a parked message: its content is dropped as if handled. */
  async dismissParked(id: string): Promise<boolean> {
    const { count } = await this.prisma.spooledInbound.updateMany({
      where: { id: BigInt(id), status: 'parked' },
      data: { status: 'handled', content: Prisma.DbNull, settledAt: this.clock() },
    });
    return count === 1;
  }
}

/**
 * Erasure of a resident: their parked messages and handled markers go. Pending ones stay to
 * be handled (sent after the request, they are new contact) and lose their content then.
 */
export async function eraseSpooledInbound(
  tx: Db,
  identities: readonly { channel: string; externalId: string }[],
): Promise<number> {
  const chatKeys = identities.map((i) => identityKey(i.channel, i.externalId));
  const { count } = await tx.spooledInbound.deleteMany({
    where: { chatKey: { in: chatKeys }, status: { not: 'pending' } },
  });
  return count;
}

function toJson(message: InboundMessage): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(message)) as Prisma.InputJsonValue;
}

function fromJson(json: unknown): InboundMessage {
  const { receivedAt, sentAt, ...stored } = json as Omit<
    InboundMessage,
    'receivedAt' | 'sentAt'
  > & {
    receivedAt: string;
    sentAt?: string;
  };
  return {
    ...stored,
    receivedAt: new Date(receivedAt),
    ...(sentAt ? { sentAt: new Date(sentAt) } : {}),
  };
}
