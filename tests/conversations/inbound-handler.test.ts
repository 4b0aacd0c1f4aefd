import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import { InboundHandler } from '../../src/conversations/inbound-handler.js';
import { say } from '../support/conversation-driver.js';
import { identityKey } from '../../src/conversations/identity-key.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { createTestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const untilTime = [
  'hallo',
  '1',
  'ja',
  'nee',
  '1',
  'Van koken',
  'Ik was kok',
  '1, 2',
  'Koken voor de buren',
  'Nederlands leren',
];

describe(InboundHandler.name, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('continues at the same question after a restart, with every earlier answer kept', async () => {
    const before = await createTestApp(db.url);
    const asked = await say(before, 'restart-1', ...untilTime);
    expect(asked.at(-1)?.text).toBe('Hoeveel tijd heb je ervoor?');
    await before.close();

    const after = await createTestApp(db.url);
    try {
      const next = await say(after, 'restart-1', '2');
      expect(next.map((m) => m.text)).toEqual(['Waar wil je het liefst iets doen?']);
      const conversation = await after.prisma.conversation.findUniqueOrThrow({
        where: { identityKey: identityKey('simulator', 'restart-1') },
        include: { contact: { include: { answers: { orderBy: { answeredAt: 'asc' } } } } },
      });
      const scan = conversation.contact!.answers.filter((a) => a.flowId === 'talentenscan');
      expect(scan.map((a) => [a.name, a.value])).toEqual([
        ['energy', 'Van koken'],
        ['skills', 'Ik was kok'],
        ['interests', ['cooking', 'garden']],
        ['forOthers', 'Koken voor de buren'],
        ['ownWish', 'Nederlands leren'],
        ['time', 'fewHours'],
      ]);
    } finally {
      await after.close();
    }
  });

  it('processes a redelivered message once', async () => {
    const app = await createTestApp(db.url);
    try {
      await say(app, 'dup-1', 'hallo', '1', 'ja', 'nee', '1');
      const message = lineToInbound('Van wandelen', 'dup-1');
      const first = await app.handler.handle(message);
      const again = await app.handler.handle({ ...message });
      expect(first.length).toBeGreaterThan(0);
      expect(again).toEqual([]);
      const answers = await app.prisma.answer.count({
        where: { name: 'energy', contact: { identities: { some: { externalId: 'dup-1' } } } },
      });
      expect(answers).toBe(1);
      const processed = await app.prisma.processedInbound.findMany();
      expect(processed.every((p) => /^[0-9a-f]{64}$/.test(p.messageId))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('keeps two processes handling the same resident from overwriting each other', async () => {
    const one = await createTestApp(db.url);
    const two = await createTestApp(db.url);
    try {
      await say(one, 'race-1', 'hallo', '1', 'ja', 'nee');
      const start = await one.prisma.conversation.findUniqueOrThrow({
        where: { identityKey: identityKey('simulator', 'race-1') },
      });
      const messages = Array.from({ length: 10 }, (_, i) =>
        lineToInbound(i % 2 ? 'help' : 'menu', 'race-1'),
      );
      await Promise.all(messages.map((m, i) => (i % 2 ? one : two).handler.handle(m)));
      const end = await one.prisma.conversation.findUniqueOrThrow({
        where: { identityKey: identityKey('simulator', 'race-1') },
      });
      expect(end.version - start.version).toBe(messages.length);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('keeps a 4,000-character answer up to the limit and tells the resident', async () => {
    const app = await createTestApp(db.url);
    try {
      await say(app, 'long-1', 'hallo', '1', 'ja', 'nee', '1');
      const replies = await say(app, 'long-1', 'muziek '.repeat(600));
      expect(replies[0]?.text).toBe(
        'Je bericht was erg lang. Ik heb de eerste 2000 tekens bewaard.',
      );
      const answer = await app.prisma.answer.findFirstOrThrow({
        where: { name: 'energy', contact: { identities: { some: { externalId: 'long-1' } } } },
      });
      expect((answer.value as string).length).toBe(2000);
    } finally {
      await app.close();
    }
  });

  it('marks a resident who says STOP as stopped, and active again when they write', async () => {
    const app = await createTestApp(db.url);
    try {
      await say(app, 'stop-1', 'hallo', '1', 'ja', 'nee');
      const bye = await say(app, 'stop-1', 'stop');
      expect(bye[0]?.text).toMatch(/geen berichten meer/);
      const where = { identities: { some: { externalId: 'stop-1' } } };
      expect(await app.prisma.contact.findFirst({ where })).toMatchObject({ status: 'stopped' });
      const back = await say(app, 'stop-1', 'hoi');
      expect(back.at(-1)?.text).toBe('Wat wil je doen?');
      expect(await app.prisma.contact.findFirst({ where })).toMatchObject({ status: 'active' });
    } finally {
      await app.close();
    }
  });

  it('keeps identities per channel: the same user id elsewhere is someone else', async () => {
    const app = await createTestApp(db.url);
    try {
      await say(app, 'same-id', 'hallo', '1', 'ja', 'nee', '1');
      app.router.add(new RecordingChannel('other'));
      const other = await app.handler.handle({
        ...lineToInbound('hallo', 'same-id'),
        channel: 'other',
      });
      expect(other[0]?.text).toMatch(/^Hoi! Ik ben Bloei/);
      const keys = await app.prisma.conversation.findMany({
        where: {
          identityKey: {
            in: [identityKey('simulator', 'same-id'), identityKey('other', 'same-id')],
          },
        },
      });
      expect(keys).toHaveLength(2);
      const fresh = keys.find((k) => k.identityKey === identityKey('other', 'same-id'))!;
      expect(fresh.contactId).toBeNull();
    } finally {
      await app.close();
    }
  });
});
