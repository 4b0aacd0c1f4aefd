/**
 * The message pipeline's statements, on PostgreSQL and on the embedded PGlite alike: the one
 * read and one write of a turn, and the outbox's lease, mark and hand-over. The same tests run
 * against both, and the whole app then talks a resident through consent on PGlite.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { chatOf } from '../../src/conversations/identity-key.js';
import { messageEntry } from '../../src/conversations/outbox-kinds.js';
import {
  DuplicateDeliveryError,
  VersionConflictError,
  type TurnWrite,
} from '../../src/conversations/ports.js';
import { initialState } from '../../src/flows/state.js';
import { ConversationRepository } from '../../src/store/conversation-repository.js';
import { openDatabase, type OpenedDatabase as Database } from '../../src/store/open-database.js';
import { OutboxRepository } from '../../src/store/outbox-repository.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { consentNl } from '../support/conversation-driver.js';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import { silentLogger } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testIdSecret } from '../support/test-id-secret.js';

interface Backend {
  open(): Promise<{ database: Database; dataDir: string | null; drop(): Promise<void> }>;
}

const backends: Record<string, Backend> = {
  PostgreSQL: {
    async open() {
      const test: TestDatabase = await createTestDatabase();
      const database = await openDatabase({ databaseUrl: test.url, dataDir: os.tmpdir() });
      return {
        database,
        dataDir: null,
        async drop() {
          await database.close();
          await test.drop();
        },
      };
    },
  },
  PGlite: {
    async open() {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloei-pglite-'));
      const database = await openDatabase({ dataDir });
      return {
        database,
        dataDir,
        async drop() {
          await database.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
};

const at = new Date('2026-03-02T10:00:00Z');

describe.each(Object.keys(backends))('the pipeline store on %s', (name) => {
  let opened: Awaited<ReturnType<Backend['open']>>;
  let conversations: ConversationRepository;
  let outbox: OutboxRepository;
  beforeAll(async () => {
    opened = await backends[name]!.open();
    const { sql, prisma } = opened.database;
    conversations = new ConversationRepository(sql, prisma, { leaseSeconds: 1 });
    outbox = new OutboxRepository(sql, 1);
  }, 300_000);
  afterAll(async () => {
    await opened?.drop();
  });

  const turn = (userId: string, overrides: Partial<TurnWrite> = {}): TurnWrite => {
    const chat = chatOf('simulator', userId);
    return {
      identityKey: chat.key,
      contactId: null,
      state: initialState('nl'),
      expectedVersion: null,
      at,
      delivery: { channel: 'simulator', messageId: `m-${randomUUID()}` },
      contact: null,
      newContact: null,
      consents: [],
      answers: [],
      outbox: {
        chat,
        entries: [messageEntry({ text: 'Hoi', choices: [] })],
        lease: `lease-${randomUUID()}`,
      },
      ...overrides,
    };
  };
  const read = (userId: string, delivery: string | null = null) =>
    conversations.read({
      channel: 'simulator',
      userId,
      identityKey: chatOf('simulator', userId).key,
      delivery,
    });

  it('writes a turn in one statement and reads it back in one', async () => {
    expect(await read('store-1')).toMatchObject({ processed: false, conversation: null });
    const write = turn('store-1');
    const lease = await conversations.write(write);
    expect(lease).toMatchObject({
      token: write.outbox!.lease,
      next: { seq: 1, kind: 'message', body: { text: 'Hoi', choices: [] } },
    });
    const snapshot = await read('store-1', write.delivery!.messageId);
    expect(snapshot).toMatchObject({
      processed: true,
      conversation: { version: 0, contactId: null },
      contact: null,
      handoffOpen: false,
      staff: null,
    });
  });

  it('writes nothing at a stale version, and tells a message processed before', async () => {
    const first = turn('store-2');
    await conversations.write(first);
    await expect(conversations.write(turn('store-2', { expectedVersion: 5 }))).rejects.toThrow(
      VersionConflictError,
    );
    await expect(
      conversations.write(turn('store-2', { expectedVersion: 0, delivery: first.delivery })),
    ).rejects.toThrow(DuplicateDeliveryError);
    expect(await read('store-2')).toMatchObject({ conversation: { version: 0 } });
    expect(await outbox.backlog()).toBeGreaterThanOrEqual(1);
  });

  it('creates the contact, its identity and its consent with the turn that consents', async () => {
    const contactId = randomUUID();
    await conversations.write(
      turn('store-3', {
        contactId,
        newContact: {
          id: contactId,
          channel: 'simulator',
          externalId: 'store-3',
          language: 'nl',
          firstName: 'Amina',
          wijk: null,
        },
        consents: [{ purpose: 'registration', textVersion: 1 }],
        answers: [
          {
            runId: 'r',
            flowId: 'onboarding',
            flowVersion: 1,
            stepId: 'consent',
            name: 'consent',
            value: 'yes',
            indicator: null,
          },
        ],
      }),
    );
    expect(await read('store-3')).toMatchObject({
      contact: { id: contactId, status: 'active', language: 'nl', firstName: 'Amina' },
    });
    const { prisma } = opened.database;
    expect(await prisma.consentRecord.count({ where: { contactId } })).toBe(1);
    expect(await prisma.answer.count({ where: { contactId } })).toBe(1);
  });

  it('leases a chat to one sender at a time, hands over in order, and releases when drained', async () => {
    const chat = chatOf('simulator', 'store-4');
    const entries = ['1', '2'].map((text) => messageEntry({ text, choices: [] }));
    const lease = await outbox.enqueue(chat, entries, 'a', at);
    expect(lease?.next?.seq).toBe(1);
    expect(await outbox.acquire(chat.key, 'b')).toBeNull();
    expect(
      await outbox.enqueue(chat, [messageEntry({ text: '3', choices: [] })], 'c', at),
    ).toBeNull();
    expect(await outbox.markDone(chat.key, 1, 'b', 'sent', 'x')).toMatchObject({ held: false });
    const first = await outbox.markDone(chat.key, 1, 'a', 'sent', 'p1');
    expect(first).toMatchObject({ held: true, next: { seq: 2 } });
    expect(await outbox.renew(chat.key, 'a')).toBe(true);
    const second = await outbox.markDone(chat.key, 2, 'a', 'sent', 'p2');
    expect(second).toMatchObject({ held: true, next: { seq: 3, body: { text: '3' } } });
    const last = await outbox.markDone(chat.key, 3, 'a', 'sent', 'p3');
    expect(last).toMatchObject({ held: true, next: null, more: false });
    expect(await outbox.acquire(chat.key, 'b')).toBeNull();
    expect(await outbox.renew(chat.key, 'a')).toBe(false);
  });

  it('lets a failed send wait, and a lease that ran out be taken over', async () => {
    const chat = chatOf('simulator', 'store-5');
    await outbox.enqueue(chat, [messageEntry({ text: 'x', choices: [] })], 'a', at);
    expect(await outbox.waiting(['simulator'], 100)).not.toContain(chat.key);
    expect(await outbox.retryLater(chat.key, 1, 'a', 0.2)).toBe(1);
    expect(await outbox.acquire(chat.key, 'b')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(await outbox.waiting(['simulator'], 100)).toContain(chat.key);
    const taken = await outbox.acquire(chat.key, 'b');
    expect(taken).toMatchObject({ chat, next: { seq: 1, attempts: 1 } });
  });

  it('forgets a chat marked so once nothing waits in it', async () => {
    const chat = chatOf('simulator', 'store-6');
    await outbox.enqueue(chat, [messageEntry({ text: 'gewist', choices: [] })], 'a', at, {
      forget: true,
    });
    expect(await outbox.markDone(chat.key, 1, 'a', 'sent', null)).toMatchObject({ forget: true });
    await outbox.forget(chat.key);
    const { prisma } = opened.database;
    expect(await prisma.outboxChat.count({ where: { key: chat.key } })).toBe(0);
  });

  it('caches the wijken between reads', async () => {
    const first = await conversations.choiceSets();
    expect(first.wijken?.length).toBeGreaterThan(0);
    expect(await conversations.choiceSets()).toBe(first);
  });
});

describe('Bloei on the embedded PGlite database', () => {
  it('talks a resident through consent and into the menu, every reply sent from the outbox', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloei-embedded-'));
    const app = await createApp(
      { databaseUrl: undefined, dataDir, defaultLanguage: 'nl', idSecret: testIdSecret },
      silentLogger,
      {
        flood: false,
      },
    );
    const channel = new RecordingChannel('simulator');
    app.router.add(channel);
    try {
      let last: Awaited<ReturnType<typeof app.handler.handle>> = [];
      for (const line of consentNl) last = await app.handler.handle(lineToInbound(line, 'emb'));
      expect(last.at(-1)?.text).toBe('Wat wil je doen?');
      expect(channel.sent.map((m) => m.text)).toContain('Wat wil je doen?');
      expect(await app.outbox.backlog()).toBe(0);
      expect(await app.prisma.consentRecord.count()).toBeGreaterThan(0);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
