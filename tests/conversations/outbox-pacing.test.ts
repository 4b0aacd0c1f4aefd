import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatOf } from '../../src/conversations/identity-key.js';
import { messageEntry, OutboxKinds } from '../../src/conversations/outbox-kinds.js';
import { OutboxSender } from '../../src/conversations/outbox-sender.js';
import {
  SendPacer,
  type PaceBucket,
  type SendPriority,
} from '../../src/conversations/send-pacer.js';
import { createTestApp, silentLogger, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A budget that lets a message through only when the test opens it, noting who asked. */
class Turnstile implements PaceBucket {
  open = 0;
  readonly asked = new Set<SendPriority>();
  async take(_channel: string, priority: SendPriority): Promise<number> {
    this.asked.add(priority);
    if (this.open === 0) return 5;
    this.open -= 1;
    return 0;
  }
}

async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const cap = Date.now() + 120_000;
  while (!(await done())) {
    if (Date.now() > cap) throw new Error(`hang guard: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the outbox sender on a paced channel', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    // The app's own sender (unpaced) would sweep these chats too: only the paced one sends.
    await app.sender.close();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it("sends a live reply before scheduled messages that were waiting for the channel's budget", async () => {
    const turnstile = new Turnstile();
    const pacer = new SendPacer({ pacing: { simulator: { perSecond: 1 } }, bucket: turnstile });
    const sender = new OutboxSender({
      store: app.outbox,
      outbound: app.router,
      kinds: new OutboxKinds(),
      logger: silentLogger,
      channels: () => ['simulator'],
      unreachable: async () => {},
      leaseMs: 10_000,
      pacer,
    });
    const scheduled = [1, 2, 3].map((i) => chatOf('simulator', `paced-scheduled-${i}`));
    for (const chat of scheduled) {
      const entry = {
        ...messageEntry({ text: `check-up ${chat.address}`, choices: [] }),
        once: true,
      };
      await app.outbox.enqueue(chat, [entry], null, app.clock.now());
    }
    const sending = [sender.kick(scheduled)];
    await until(() => pacer.waiting('simulator').background === 3, 'scheduled sends waiting');

    const live = chatOf('simulator', 'paced-live');
    await app.outbox.enqueue(
      live,
      [messageEntry({ text: 'reply', choices: [] })],
      null,
      app.clock.now(),
    );
    sending.push(sender.kick([live]));
    await until(() => pacer.waiting('simulator').live === 1, 'the reply waiting');

    turnstile.open = 1;
    await until(() => app.channel.sent.length === 1, 'one message through');
    expect(app.channel.sent[0]!.text).toBe('reply');

    turnstile.open = 3;
    await Promise.all(sending);
    expect(
      app.channel.sent
        .map((m) => m.text)
        .slice(1)
        .sort(),
    ).toEqual(scheduled.map((c) => `check-up ${c.address}`).sort());
    expect([...turnstile.asked].sort()).toEqual(['background', 'live']);
    await sender.close();
  });
});
