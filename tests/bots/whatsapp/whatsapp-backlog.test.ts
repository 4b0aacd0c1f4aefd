/**
 * WhatsApp Web never delivers a message twice, so what residents send while Bloei is down,
 * restarting or failing must come from the spool and from the chats themselves. Bloei's real
 * pipeline and database, fake wwebjs clients of one account (the phone's chats) behind it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageIdOf } from '../../../src/bots/whatsapp/to-inbound.js';
import { WhatsAppChannel } from '../../../src/bots/whatsapp/whatsapp-channel.js';
import type { WhatsAppMessage } from '../../../src/bots/whatsapp/whatsapp-client.js';
import { identityKey } from '../../../src/conversations/identity-key.js';
import { waitFor } from '../../faults/support/wait-for.js';
import { linkCoordinator } from '../../support/golden.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { FakeWhatsAppAccount, wwebjsMessage } from './fake-whatsapp-client.js';
import { cap, whatsAppOn } from './whatsapp-harness.js';

/** Ten messages that take a new resident from hello to the talentenscan's time question. */
const script = [
  'hallo',
  '1',
  'ja',
  'nee',
  '1',
  'Van wandelen in de natuur.',
  'Ik was vroeger kok.',
  '1, 2 en 9',
  'Koken voor ouderen in de buurt.',
  'Beter Nederlands leren.',
];
const timeQuestion = /^Hoeveel tijd heb je ervoor\?\n1\. Ongeveer een uur per week/;
const energyQuestion = 'Waar krijg je energie van? Waar word je blij van?';
const backAgain = /^Sorry dat je moest wachten\. Ik was even weg, maar nu ben ik er weer!/;

const never = () => new Promise<never>(() => {});

describe(`${WhatsAppChannel.name}: nothing residents send is lost`, () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeEach(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    // As in production, someone receives the hand-offs these conversations raise.
    await linkCoordinator(app.prisma);
  });
  afterEach(async () => {
    await app?.close();
    await db?.drop();
  });

  const seconds = () => Math.floor(app.clock.now().getTime() / 1000);
  /** Waits until nothing waits in the spool and no message text is kept there. */
  const spoolEmptied = () =>
    waitFor(
      async () => {
        const { pending, content } = await stored();
        return pending === 0 && content === 0;
      },
      cap(),
      () => 'an emptied spool',
    );
  const stored = async () => {
    const [row] = await app.prisma.$queryRaw<{ pending: number; content: number }[]>`
      SELECT count(*) FILTER (WHERE "status" = 'pending')::int AS "pending",
             count("content")::int AS "content"
      FROM "SpooledInbound"`;
    return row!;
  };

  it('handles 50 messages sent while it was down, each chat in order, each exactly once', async () => {
    const account = new FakeWhatsAppAccount();
    const residents = ['31611000001', '31611000002', '31611000003', '31611000004', '31611000005'];
    const backlog: WhatsAppMessage[] = [];
    // Sent over the last minute and a half, the chats interleaved, while no process ran.
    const start = seconds() - 90;
    script.forEach((body, i) =>
      residents.forEach((number) => {
        const message = wwebjsMessage({ from: `${number}@c.us`, body, timestamp: start + i });
        backlog.push(message);
        account.receive(message);
      }),
    );
    expect(backlog).toHaveLength(50);
    expect(residents.map((r) => account.unread(`${r}@c.us`))).toEqual([10, 10, 10, 10, 10]);

    const bloei = await whatsAppOn(app, { account });
    const client = bloei.factory.latest();
    client.emit('ready');
    // WhatsApp Web may also replay some of them as events on connect: still once each.
    for (const message of backlog.slice(0, 20)) client.emit('message', message);
    await bloei.handledAll(backlog);

    expect(backlog.map((m) => bloei.handled.get(messageIdOf(m)))).toEqual(backlog.map(() => 1));
    for (const number of residents) {
      const chat = `${number}@c.us`;
      const seen = bloei.inbound.filter((m) => m.userId === chat);
      expect(seen.map((m) => (m.content.type === 'text' ? m.content.text : ''))).toEqual(script);
      expect(seen.every((m) => !m.late)).toBe(true);
      expect(bloei.sentTo(chat).at(-1)).toMatch(timeQuestion);
      // Marked read right after the chat's last turn.
      await expect.poll(() => account.unread(chat), { timeout: 120_000 }).toBe(0);
    }
    await spoolEmptied();

    // Started again: everything is known as handled, nothing is read back or handled twice.
    await bloei.channel.stop();
    const fetched = account.fetched.length;
    const again = await whatsAppOn(app, { account });
    again.factory.latest().emit('ready');
    const later = wwebjsMessage({ from: `${residents[0]}@c.us`, body: '2', timestamp: seconds() });
    again.factory.latest().deliver(later);
    await again.handledAll([later]);
    expect(again.inbound.map((m) => m.messageId)).toEqual([messageIdOf(later)]);
    expect(account.fetched.length).toBe(fetched);
  });

  it('handles a message after a restart, once, when the process died after writing it to the spool', async () => {
    const account = new FakeWhatsAppAccount();
    const before = '31622000001@c.us';
    const during = '31622000002@c.us';
    // The process dies while handling these: one before its turn, one after (replies sent,
    // not yet marked handled).
    const first = await whatsAppOn(app, {
      account,
      sink: async (message, app) => {
        if (message.userId === during) await app.handler.handle(message);
        return never();
      },
    });
    const client = first.factory.latest();
    client.emit('ready');
    const messages = [before, during].map((from) =>
      wwebjsMessage({ from, body: 'hallo', timestamp: seconds() }),
    );
    for (const message of messages) client.deliver(message);
    await waitFor(
      () => first.inbound.length === 2 && first.sentTo(during).length === 2,
      cap(),
      () => 'both messages in hand, the second one answered',
    );
    expect(await stored()).toMatchObject({ pending: 2 });
    await first.channel.stop();

    const second = await whatsAppOn(app, { account });
    second.factory.latest().emit('ready');
    await second.handledAll(messages);
    expect(messages.map((m) => second.handled.get(messageIdOf(m)))).toEqual([1, 1]);
    for (const chat of [before, during]) {
      const texts = [...first.sentTo(chat), ...second.sentTo(chat)];
      expect(texts.filter((t) => /^Hoi! Ik ben Bloei/.test(t))).toHaveLength(1);
      expect(texts).toHaveLength(2);
    }
    await spoolEmptied();
  });

  it('handles a message that was read on the phone but never handled, and nothing older', async () => {
    const account = new FakeWhatsAppAccount();
    const resident = '31633000001@c.us';
    const old = wwebjsMessage({ from: resident, body: 'oud bericht', timestamp: seconds() - 60 });
    account.receive(old);
    account.markSeen(resident);
    const first = await whatsAppOn(app, { account });
    first.factory.latest().emit('ready');
    await first.receive({ from: resident, body: 'hallo' });
    await first.channel.stop();

    // While Bloei is down someone opens the chat on the phone: nothing is unread any more.
    const unseen = wwebjsMessage({ from: resident, body: '1', timestamp: seconds() + 10 });
    account.receive(unseen);
    account.markSeen(resident);
    const second = await whatsAppOn(app, { account });
    second.factory.latest().emit('ready');
    await second.handledAll([unseen]);
    expect(second.inbound.map((m) => m.messageId)).toEqual([messageIdOf(unseen)]);
    expect(first.inbound.map((m) => m.messageId)).not.toContain(messageIdOf(old));
    expect(second.sentTo(resident).at(-1)).toMatch(/Vind je dat goed\?\n1\. Ja\n2\. Nee$/);
  });

  it('says once that it was away and asks again, instead of answering stale messages; a crisis still gets its answer', async () => {
    const account = new FakeWhatsAppAccount();
    const scanning = '31644000001@c.us';
    const inCrisis = '31644000002@c.us';
    const first = await whatsAppOn(app, { account });
    first.factory.latest().emit('ready');
    for (const body of script.slice(0, 5)) await first.receive({ from: scanning, body });
    for (const body of script.slice(0, 4)) await first.receive({ from: inCrisis, body });
    expect(first.sentTo(scanning).at(-1)).toBe(energyQuestion);
    await first.channel.stop();

    // Bloei is down for hours; meanwhile both write.
    const downAt = seconds() + 60;
    const stale = [
      wwebjsMessage({ from: scanning, body: 'Van wandelen.', timestamp: downAt }),
      wwebjsMessage({ from: scanning, body: 'hallo?', timestamp: downAt + 60 }),
      wwebjsMessage({ from: inCrisis, body: 'Ik wil niet meer leven', timestamp: downAt + 30 }),
    ];
    for (const message of stale) account.receive(message);
    app.clock.advance(3 * 3_600_000);
    const contact = async (chat: string) =>
      (await app.prisma.channelIdentity.findUniqueOrThrow({
        where: { channel_externalId: { channel: 'whatsapp', externalId: chat } },
      }))!.contactId;
    const answersBefore = await app.prisma.answer.count({
      where: { contactId: await contact(scanning) },
    });

    const second = await whatsAppOn(app, { account });
    second.factory.latest().emit('ready');
    await second.handledAll(stale);
    expect(second.inbound.every((m) => m.late)).toBe(true);
    // One note for both stale messages, then the question the resident is at; no answer kept.
    expect(second.sentTo(scanning)).toEqual([expect.stringMatching(backAgain), energyQuestion]);
    expect(await app.prisma.answer.count({ where: { contactId: await contact(scanning) } })).toBe(
      answersBefore,
    );
    // Safety words count, however late: the numbers that help, and an urgent hand-off.
    const crisis = second.sentTo(inCrisis);
    expect(crisis[0]).toMatch(/^Wat naar dat je je zo voelt\..*Bel 112\..*0800-0113/s);
    expect(crisis[1]).toMatch(/^Ik heb een verbinder van WIJeindhoven gevraagd/);
    const handoff = await app.prisma.handoff.findFirst({
      where: { contactId: await contact(inCrisis) },
    });
    expect(handoff).toMatchObject({ reason: 'safety_signal', urgency: 'urgent' });
    expect(
      await app.prisma.spooledInbound.count({
        where: { chatKey: identityKey('whatsapp', inCrisis), status: 'handled' },
      }),
    ).toBe(5);
  });
});
