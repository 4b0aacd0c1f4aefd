import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter, OutboundMessage } from '../../src/bots/channel.js';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import { chatOf } from '../../src/conversations/identity-key.js';
import { messageEntry } from '../../src/conversations/outbox-kinds.js';
import { OutboxSender } from '../../src/conversations/outbox-sender.js';
import { say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** The simulator channel, with sends that can be made to fail or to wait. */
class UnreliableChannel implements ChannelAdapter {
  readonly channel = 'simulator';
  readonly sent: OutboundMessage[] = [];
  /** The next send fails after this many more have gone out (undefined: none fails). */
  failAfter: number | undefined;
  private gate: Promise<void> | undefined;
  private opened: () => void = () => {};
  private sending: () => void = () => {};
  /** Resolves once a send is waiting at the closed gate. */
  waiting = new Promise<void>((resolve) => (this.sending = resolve));

  close(): void {
    this.gate = new Promise((resolve) => (this.opened = resolve));
  }

  open(): void {
    this.opened();
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(message: OutboundMessage): Promise<string> {
    if (this.failAfter !== undefined && this.failAfter-- === 0) {
      this.failAfter = undefined;
      throw new Error('network unreachable');
    }
    if (this.gate) {
      this.sending();
      await this.gate;
    }
    this.sent.push(message);
    return `m${this.sent.length}`;
  }
}

function withChannel(app: TestApp): UnreliableChannel {
  const channel = new UnreliableChannel();
  app.router.add(channel);
  return channel;
}

const energyAnswers = (app: TestApp, userId: string) =>
  app.prisma.answer.count({
    where: { name: 'energy', contact: { identities: { some: { externalId: userId } } } },
  });

/** Waits until `done()` holds, sweeping the outbox meanwhile; the cap only guards a hang. */
async function until(app: TestApp, done: () => Promise<boolean> | boolean): Promise<void> {
  const cap = Date.now() + 280_000;
  while (!(await done())) {
    if (Date.now() > cap) throw new Error('condition not met');
    await app.sender.sweep();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const firstLines = (messages: OutboundMessage[]) => messages.map((m) => m.text.split('\n')[0]);

describe(`${OutboxSender.name}: every reply sent once, in order, with nothing held`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps a reply that could not be sent and sends it once later; a redelivery adds nothing', async () => {
    const app = await createTestApp(db.url);
    try {
      await say(app, 'outbox-1', 'hallo', '1', 'ja', 'nee', '1');
      const channel = withChannel(app);
      const message = lineToInbound('Van wandelen', 'outbox-1');

      channel.failAfter = 0;
      const replies = await app.handler.handle(message);
      expect(firstLines(replies)).toEqual([
        'Waar ben je goed in? Denk ook aan werk dat je vroeger deed, of dingen die anderen vaak aan jou vragen.',
      ]);
      expect(channel.sent).toEqual([]);
      expect(await energyAnswers(app, 'outbox-1')).toBe(1);
      expect(await app.outbox.backlog()).toBe(1);

      // A redelivery answers once the reply it is owed went out (after the retry's pause).
      await app.handler.handle({ ...message });
      await until(app, () => channel.sent.length > 0);
      expect(channel.sent).toEqual(replies);
      expect(await app.outbox.backlog()).toBe(0);
      expect(await energyAnswers(app, 'outbox-1')).toBe(1);

      expect(await app.handler.handle({ ...message })).toEqual([]);
      expect(channel.sent).toHaveLength(1);
      const stored = await app.prisma.outboxMessage.findFirstOrThrow({
        where: { chatKey: chatOf('simulator', 'outbox-1').key, platformId: 'm1' },
      });
      expect(stored).toMatchObject({ outcome: 'sent', body: null, attempts: 1 });
    } finally {
      await app.close();
    }
  });

  it('goes on with the replies still to send, not from the first', async () => {
    const app = await createTestApp(db.url);
    try {
      await say(app, 'outbox-2', 'hallo', '1', 'ja', 'nee');
      const channel = withChannel(app);
      channel.failAfter = 1;
      const replies = await app.handler.handle(lineToInbound('1', 'outbox-2'));
      expect(replies).toHaveLength(2);
      expect(channel.sent).toEqual(replies.slice(0, 1));
      await until(app, () => channel.sent.length === 2);
      expect(channel.sent).toEqual(replies);
    } finally {
      await app.close();
    }
  });

  it('answers a redelivery in another process once the first sent the reply, holding nothing meanwhile', async () => {
    const one = await createTestApp(db.url);
    const two = await createTestApp(db.url);
    try {
      await say(one, 'outbox-3', 'hallo', '1', 'ja', 'nee', '1');
      const slow = withChannel(one);
      const other = withChannel(two);
      const message = lineToInbound('Van wandelen', 'outbox-3');

      slow.close();
      const first = one.handler.handle(message);
      await slow.waiting;
      const second = two.handler.handle({ ...message });
      // Nothing is locked while the first waits on the network: others chat on.
      expect((await say(two, 'outbox-3b', 'hallo'))[0]?.text).toMatch(/^Hoi! Ik ben Bloei/);
      slow.open();
      expect(await first).toHaveLength(1);
      expect(await second).toEqual([]);
      expect(slow.sent).toHaveLength(1);
      expect(other.sent.filter((m) => m.userId === 'outbox-3')).toEqual([]);
      expect(await energyAnswers(one, 'outbox-3')).toBe(1);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('sends what a sender that died left, once its lease ran out: the one in flight again, then the rest', async () => {
    const app = await createTestApp(db.url, { outbox: { leaseSeconds: 1 } });
    try {
      const channel = withChannel(app);
      const chat = chatOf('simulator', 'outbox-4');
      const texts = ['een', 'twee', 'drie'];
      // What a process leaves when it dies mid-send: messages written, its lease on the chat.
      await app.outbox.enqueue(
        chat,
        texts.map((text) => messageEntry({ text, choices: [] })),
        'a-sender-that-died',
        app.clock.now(),
      );
      expect(await app.sender.resume(chat.key)).toEqual([]);
      await until(app, () => channel.sent.length === 3);
      expect(channel.sent.map((m) => [m.userId, m.text])).toEqual(
        texts.map((text) => ['outbox-4', text]),
      );
    } finally {
      await app.close();
    }
  });

  it('never sends twice what goes out once: in flight when its sender died, it is recorded as uncertain', async () => {
    const app = await createTestApp(db.url, { outbox: { leaseSeconds: 1 } });
    try {
      const channel = withChannel(app);
      const chat = chatOf('simulator', 'outbox-6');
      const once = (text: string) => ({ ...messageEntry({ text, choices: [] }), once: true });
      const lease = await app.outbox.enqueue(
        chat,
        [once('follow-up intro'), once('follow-up question')],
        'a-sender-that-died',
        app.clock.now(),
      );
      // It died after noting the first as begun, before marking it sent.
      expect(await app.outbox.begin(chat.key, lease!.next!.seq, 'a-sender-that-died')).toBe(true);
      await until(app, async () => (await app.outbox.backlog()) === 0);
      expect(channel.sent.map((m) => m.text)).toEqual(['follow-up question']);
      const outcomes = await app.prisma.outboxMessage.findMany({
        where: { chatKey: chat.key },
        orderBy: { seq: 'asc' },
        select: { outcome: true },
      });
      expect(outcomes.map((o) => o.outcome)).toEqual(['uncertain', 'sent']);
    } finally {
      await app.close();
    }
  });

  it('keeps the order of one chat when another writer adds to it while it is being sent', async () => {
    const app = await createTestApp(db.url);
    try {
      const channel = withChannel(app);
      const chat = chatOf('simulator', 'outbox-5');
      channel.close();
      const entries = (words: string[]) => words.map((text) => messageEntry({ text, choices: [] }));
      const first = await app.outbox.enqueue(chat, entries(['1', '2']), 'writer-1', new Date());
      const sending = app.sender.send(first!);
      await channel.waiting;
      expect(
        await app.outbox.enqueue(chat, entries(['3', '4']), 'writer-2', new Date()),
      ).toBeNull();
      channel.open();
      await sending;
      await app.sender.idle();
      expect(channel.sent.map((m) => m.text)).toEqual(['1', '2', '3', '4']);
      expect(await app.outbox.backlog()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
