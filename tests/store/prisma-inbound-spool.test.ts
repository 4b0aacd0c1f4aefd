/**
 * The inbound spool on PostgreSQL and on the embedded PGlite database: the same behaviour,
 * since WhatsApp and Telegram rely on it for not losing a message with either.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/bots/channel.js';
import { identityKey } from '../../src/conversations/identity-key.js';
import { eraseContact } from '../../src/store/erase-contact.js';
import { applyMigrations } from '../../src/store/migrate.js';
import { createPrismaClient, type PrismaClient } from '../../src/store/prisma-client.js';
import { PrismaInboundSpool } from '../../src/store/prisma-inbound-spool.js';
import { createTestDatabase } from '../support/test-database.js';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute));

function message(
  userId: string,
  messageId: string,
  minute: number,
  text = 'hallo',
): InboundMessage {
  return {
    channel: 'whatsapp',
    userId,
    messageId,
    receivedAt: at(59),
    sentAt: at(minute),
    content: { type: 'text', text },
    languageHint: 'nl',
  };
}

const databases: [string, () => Promise<{ prisma: PrismaClient; close(): Promise<void> }>][] = [
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase();
      return { prisma: db.prisma, close: () => db.drop() };
    },
  ],
  [
    'PGlite',
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloei-spool-'));
      const handle = await createPrismaClient({ dataDir });
      await applyMigrations(handle.prisma);
      return {
        prisma: handle.prisma,
        async close() {
          await handle.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  ],
];

describe.each(databases)(`${PrismaInboundSpool.name} on %s`, (_, open) => {
  let prisma: PrismaClient;
  let close: () => Promise<void>;
  let now = at(59);
  let spool: PrismaInboundSpool;
  beforeAll(async () => {
    ({ prisma, close } = await open());
    spool = new PrismaInboundSpool(prisma, () => now);
  }, 300_000);
  afterAll(async () => {
    await close?.();
  });

  const chat = (userId: string) => identityKey('whatsapp', userId);

  it('keeps a message once, and hands a chat its messages in the order they were sent', async () => {
    const amina = '31611111111@c.us';
    const later = message(amina, 'm2', 5, 'twee');
    const earlier = message(amina, 'm1', 3, 'een');
    expect(await spool.add([later, earlier])).toBe(2);
    expect(await spool.add([earlier, message(amina, 'm3', 5, 'drie')])).toBe(1);
    expect(await spool.pendingChats('whatsapp')).toEqual([chat(amina)]);

    const first = await spool.claim(chat(amina));
    expect(first).toMatchObject({ message: earlier, attempts: 1 });
    // Not handled yet: the same message again, its attempts counted.
    expect(await spool.claim(chat(amina))).toMatchObject({ id: first!.id, attempts: 2 });
    await spool.handled(first!.id);
    const texts: string[] = [];
    for (let row = await spool.claim(chat(amina)); row; row = await spool.claim(chat(amina))) {
      texts.push(row.message.content.type === 'text' ? row.message.content.text : '');
      await spool.handled(row.id);
    }
    // Sent in the same minute: in the order they reached the spool.
    expect(texts).toEqual(['twee', 'drie']);
    expect(await spool.pendingChats('whatsapp')).toEqual([]);

    // Handled, the text is gone; the marker still knows the message and when it was sent.
    const stored = await prisma.spooledInbound.findMany({ where: { chatKey: chat(amina) } });
    expect(stored.map((row) => [row.status, row.content])).toEqual([
      ['handled', null],
      ['handled', null],
      ['handled', null],
    ]);
    const asText = JSON.stringify(stored, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v));
    expect(asText).not.toContain('31611111111');
    expect(await spool.known('whatsapp', ['m1', 'm3', 'm9'])).toEqual(new Set(['m1', 'm3']));
    expect(await spool.add([earlier])).toBe(0);
    expect(await spool.lastHandled('whatsapp', [amina, '31600000000@c.us'])).toEqual(
      new Map([[amina, at(5)]]),
    );
  });

  it('parks a message that keeps failing with its error, for a coordinator to retry or dismiss', async () => {
    const bram = '31622222222@c.us';
    await spool.add([message(bram, 'p1', 1, 'kapot'), message(bram, 'p2', 2, 'heel')]);
    const row = (await spool.claim(chat(bram)))!;
    await spool.failed(row.id, { name: 'PrismaClientKnownRequestError', code: 'P1001' }, false);
    expect(await spool.countParked()).toBe(0);
    await spool.failed(row.id, { name: 'PrismaClientKnownRequestError', code: 'P1001' }, true);
    expect(await spool.countParked()).toBe(1);
    // The chat goes on with its next message.
    expect((await spool.claim(chat(bram)))?.message.messageId).toBe('p2');

    const [parked] = await spool.listParked();
    expect(parked).toEqual({
      id: row.id,
      channel: 'whatsapp',
      conversation: chat(bram).slice(0, 12),
      sentAt: at(1),
      parkedAt: now,
      attempts: 1,
      errorName: 'PrismaClientKnownRequestError',
      errorCode: 'P1001',
    });
    expect(await spool.retryParked([row.id])).toBe(1);
    expect(await spool.claim(chat(bram))).toMatchObject({ id: row.id, attempts: 1 });
    await spool.failed(row.id, { name: 'Error' }, true);
    expect(await spool.dismissParked(row.id)).toBe(true);
    expect(await spool.countParked()).toBe(0);
    const dismissed = await prisma.spooledInbound.findUniqueOrThrow({
      where: { id: BigInt(row.id) },
    });
    expect(dismissed).toMatchObject({ status: 'handled', content: null });
  });

  it('forgets handled markers after a while, and a resident’s parked messages on erasure', async () => {
    const chris = '31633333333@c.us';
    await spool.add([message(chris, 'e1', 1), message(chris, 'e2', 2), message(chris, 'e3', 3)]);
    const handled = (await spool.claim(chat(chris)))!;
    await spool.handled(handled.id);
    const parked = (await spool.claim(chat(chris)))!;
    await spool.failed(parked.id, { name: 'Error' }, true);
    const contact = await prisma.contact.create({
      data: { identities: { create: { channel: 'whatsapp', externalId: chris } } },
    });
    await prisma.$transaction((tx) => eraseContact(tx, contact.id, now));
    // The pending one came after the request: it is still handled (and loses its text then).
    const left = await prisma.spooledInbound.findMany({ where: { chatKey: chat(chris) } });
    expect(left.map((row) => row.status)).toEqual(['pending']);

    now = new Date(now.getTime() + 40 * 24 * 3_600_000);
    const removed = await spool.prune(new Date(now.getTime() - 30 * 24 * 3_600_000));
    expect(removed).toBeGreaterThan(0);
    expect(await prisma.spooledInbound.count({ where: { status: 'handled' } })).toBe(0);
  });
});
