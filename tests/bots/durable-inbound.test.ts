import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/bots/channel.js';
import { DurableInbound } from '../../src/bots/durable-inbound.js';
import { InboundStoppedError } from '../../src/errors/inbound-stopped-error.js';
import { identityKey } from '../../src/conversations/identity-key.js';
import { PrismaInboundSpool } from '../../src/store/prisma-inbound-spool.js';
import { waitFor, within } from '../faults/support/wait-for.js';
import { silentLogger } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const now = new Date('2026-03-02T10:00:00Z');
let ids = 0;

function message(userId: string, text: string, minutesAgo = 0): InboundMessage {
  return {
    channel: 'whatsapp',
    userId,
    messageId: `m${++ids}`,
    receivedAt: now,
    sentAt: new Date(now.getTime() - minutesAgo * 60_000),
    content: { type: 'text', text },
  };
}

const textOf = (m: InboundMessage) => (m.content.type === 'text' ? m.content.text : '');
const cap = () => within(300_000);

describe(DurableInbound.name, () => {
  let db: TestDatabase;
  let spool: PrismaInboundSpool;
  const runs: DurableInbound[] = [];
  beforeEach(async () => {
    db = await createTestDatabase();
    spool = new PrismaInboundSpool(db.prisma, () => now);
  });
  afterEach(async () => {
    await Promise.all(runs.splice(0).map((run) => run.stop()));
    await db.drop();
  });

  function durable(options: ConstructorParameters<typeof DurableInbound>[3] = {}) {
    const run = new DurableInbound('whatsapp', spool, silentLogger, {
      clock: () => now,
      retryDelaysMs: [10, 10],
      ...options,
    });
    runs.push(run);
    return run;
  }

  it('handles each chat in order and the chats side by side', async () => {
    const seen: string[] = [];
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const run = durable();
    await run.start(async (m) => {
      if (textOf(m) === 'a1') await blocked;
      seen.push(textOf(m));
    });
    await run.accept([message('a', 'a1'), message('a', 'a2'), message('b', 'b1')]);
    await run.accept([message('b', 'b2')]);
    await waitFor(
      () => seen.length === 2,
      cap(),
      () => 'chat b handled while a waits',
    );
    expect(seen).toEqual(['b1', 'b2']);
    expect(run.owns(message('a', 'x'))).toBe(true);
    release();
    await waitFor(
      () => seen.length === 4,
      cap(),
      () => 'chat a handled',
    );
    expect(seen.slice(2)).toEqual(['a1', 'a2']);
  });

  it('marks a message late when it was sent more than the limit before it is handled', async () => {
    const seen: InboundMessage[] = [];
    const run = durable({ lateAfterMs: 5 * 60_000 });
    await run.start(async (m) => void seen.push(m));
    await run.accept([message('c', 'recent', 4), message('c', 'stale', 6)]);
    await waitFor(
      () => seen.length === 2,
      cap(),
      () => 'both handled',
    );
    expect(seen.map((m) => [textOf(m), m.late ?? false])).toEqual([
      ['stale', true],
      ['recent', false],
    ]);
  });

  it('keeps messages while held, and waits for a message still in hand elsewhere', async () => {
    const seen: string[] = [];
    const run = durable();
    run.hold();
    await run.start(async (m) => void seen.push(textOf(m)));
    let finish: () => void = () => {};
    const inHand = new Promise<void>((resolve) => (finish = resolve));
    await run.accept([message('d', 'd1')], inHand);
    run.release();
    await run.accept([message('e', 'e1')]);
    await waitFor(
      () => seen.includes('e1'),
      cap(),
      () => 'the other chat handled',
    );
    expect(seen).toEqual(['e1']);
    finish();
    await waitFor(
      () => seen.includes('d1'),
      cap(),
      () => 'd1 handled',
    );
  });

  it('parks a message the process died on every time, and goes on with the chat', async () => {
    const run = durable();
    const poison = message('f', 'poison');
    await spool.add([poison, message('f', 'next', -1)]);
    // Earlier runs started it as often as it may be tried, and died each time.
    for (let i = 0; i < run.maxAttempts; i++) await spool.claim(identityKey('whatsapp', 'f'));
    const seen: string[] = [];
    await run.start(async (m) => void seen.push(textOf(m)));
    await waitFor(
      () => seen.length === 1,
      cap(),
      () => 'the next message handled',
    );
    expect(seen).toEqual(['next']);
    expect(await spool.listParked()).toMatchObject([
      { attempts: run.maxAttempts + 1, errorName: 'InboundInterrupted' },
    ]);
  });

  it('refuses messages once stopped, so nothing is written behind a closing database', async () => {
    const run = durable();
    await run.start(async () => {});
    await run.stop();
    await expect(run.accept([message('g', 'late')])).rejects.toBeInstanceOf(InboundStoppedError);
    expect(await db.prisma.spooledInbound.count()).toBe(0);
  });
});
