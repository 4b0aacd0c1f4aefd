import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter, OutboundMessage } from '../../src/bots/channel.js';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import { identityKey } from '../../src/conversations/identity-key.js';
import { InboundHandler } from '../../src/conversations/inbound-handler.js';
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
  async send(message: OutboundMessage): Promise<void> {
    if (this.failAfter !== undefined && this.failAfter-- === 0) {
      this.failAfter = undefined;
      throw new Error('network unreachable');
    }
    if (this.gate) {
      this.sending();
      await this.gate;
    }
    this.sent.push(message);
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

describe(`${InboundHandler.name}: replies kept until sent`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('sends the replies of a saved turn when its message comes again, and only then', async () => {
    const app = await createTestApp(db.url);
    try {
      await say(app, 'pending-1', 'hallo', '1', 'ja', 'nee', '1');
      const channel = withChannel(app);
      const message = lineToInbound('Van wandelen', 'pending-1');

      channel.failAfter = 0;
      await expect(app.handler.handle(message)).rejects.toThrow('network unreachable');
      expect(await energyAnswers(app, 'pending-1')).toBe(1);
      const key = identityKey('simulator', 'pending-1');
      const kept = await app.prisma.conversation.findUniqueOrThrow({ where: { identityKey: key } });
      expect(kept.pendingReplies).not.toBeNull();

      const again = await app.handler.handle({ ...message });
      expect(again.map((m) => m.text.split('\n')[0])).toEqual([
        'Waar ben je goed in? Denk ook aan werk dat je vroeger deed, of dingen die anderen vaak aan jou vragen.',
      ]);
      expect(channel.sent).toEqual(again);
      expect(await energyAnswers(app, 'pending-1')).toBe(1);
      const sent = await app.prisma.conversation.findUniqueOrThrow({ where: { identityKey: key } });
      expect(sent.pendingReplies).toBeNull();

      expect(await app.handler.handle({ ...message })).toEqual([]);
      expect(channel.sent).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('goes on with the replies still to send, not from the first', async () => {
    const app = await createTestApp(db.url);
    try {
      await say(app, 'pending-3', 'hallo', '1', 'ja', 'nee');
      const channel = withChannel(app);
      const message = lineToInbound('1', 'pending-3');

      channel.failAfter = 1;
      await expect(app.handler.handle(message)).rejects.toThrow('network unreachable');
      expect(channel.sent.map((m) => m.text.split('\n')[0])).toEqual([
        'Fijn dat je de talentenscan doet! Ik stel je een paar vragen over wat je leuk vindt en wat je goed kunt. Er zijn geen goede of foute antwoorden.',
      ]);
      const again = await app.handler.handle({ ...message });
      expect(again.map((m) => m.text)).toEqual([
        'Waar krijg je energie van? Waar word je blij van?',
      ]);
      expect(channel.sent).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  it('makes a redelivery in another process wait until the first has sent the replies', async () => {
    const one = await createTestApp(db.url);
    const two = await createTestApp(db.url);
    try {
      await say(one, 'pending-2', 'hallo', '1', 'ja', 'nee', '1');
      const slow = withChannel(one);
      const other = withChannel(two);
      const message = lineToInbound('Van wandelen', 'pending-2');

      slow.close();
      const first = one.handler.handle(message);
      await slow.waiting;
      let secondDone = false;
      const second = two.handler.handle({ ...message }).finally(() => (secondDone = true));
      // The first still holds the conversation while its reply waits to go out.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondDone).toBe(false);
      slow.open();

      expect(await first).toHaveLength(1);
      expect(await second).toEqual([]);
      expect(slow.sent).toHaveLength(1);
      expect(other.sent).toEqual([]);
      expect(await energyAnswers(one, 'pending-2')).toBe(1);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
