import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderForSimulator } from '../../../src/bots/simulator/render.js';
import { WhatsAppChannel } from '../../../src/bots/whatsapp/whatsapp-channel.js';
import { pairingInstructions } from '../../../src/bots/whatsapp/print-pairing-qr.js';
import { identityKey } from '../../../src/conversations/identity-key.js';
import { PrismaInboundSpool } from '../../../src/store/prisma-inbound-spool.js';
import { waitFor } from '../../faults/support/wait-for.js';
import { linkCoordinator } from '../../support/golden.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { wwebjsMessage } from './fake-whatsapp-client.js';
import { cap, whatsAppOn } from './whatsapp-harness.js';

describe(WhatsAppChannel.name, () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeEach(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    // As in production, someone receives the hand-offs these conversations raise.
    await linkCoordinator(app.prisma);
  });
  afterEach(async () => {
    // Closing the app stops its channels too.
    await app?.close();
    await db?.drop();
  });

  it('prints the pairing QR code with one line of instructions', async () => {
    const { factory, printed } = await whatsAppOn(app);
    factory.latest().emit('qr', '2@Zm9vYmFy,c2VjcmV0,a2V5,MQ==');
    const lines = printed().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.slice(0, -1).every((line) => /^[ ▀▄█]+$/.test(line))).toBe(true);
    expect(lines.at(-1)).toBe(pairingInstructions);
    expect(pairingInstructions).toMatch(/Linked devices/);
  });

  it('runs a complete talentenscan in Dutch by numbered replies, labels and "ja"', async () => {
    const { factory, receive } = await whatsAppOn(app);
    factory.latest().emit('ready');
    const resident = '31612345678@c.us';
    const say = async (body: string) => {
      const { texts, replies } = await receive({ from: resident, body });
      // Every reply goes out as one WhatsApp text, rendered like the golden transcripts.
      expect(texts).toEqual(replies.map((reply) => renderForSimulator(reply, 'plain')));
      expect(replies.every((reply) => reply.userId === resident)).toBe(true);
      return texts;
    };

    const hello = await say('hallo');
    expect(hello[0]).toMatch(/^Hoi! Ik ben Bloei/);
    expect(hello[1]).toBe(
      'In welke taal wil je chatten?\nWhich language would you like to chat in?\n1. Nederlands\n2. English\n3. \u200Eالعربية\n4. Türkçe\n5. Polski\n6. Українська',
    );
    expect((await say('1')).at(-1)).toMatch(/Vind je dat goed\?\n1\. Ja\n2\. Nee$/);
    expect((await say('ja')).at(-1)).toMatch(/^Nog één vraag: mogen we je antwoorden/);
    expect((await say('nee')).at(-1)).toMatch(
      /^Wat wil je doen\?\n1\. Talentenscan: ontdek wat je goed kunt\n2\. /,
    );
    expect((await say('1')).at(-1)).toBe('Waar krijg je energie van? Waar word je blij van?');
    await say('Van wandelen in de natuur.');
    const interests = (await say('Ik was vroeger kok.')).at(-1)!;
    expect(interests.split('\n').slice(1)).toHaveLength(11);
    expect(interests).toContain('\n1. Koken of bakken\n2. Tuinieren\n');
    await say('1, 2 en 9');
    await say('Koken voor ouderen in de buurt.');
    expect((await say('Beter Nederlands leren.')).at(-1)).toBe(
      [
        'Hoeveel tijd heb je ervoor?',
        '1. Ongeveer een uur per week',
        '2. Een paar uur per week',
        '3. Een dagdeel of meer per week',
        '4. Weet ik nog niet',
      ].join('\n'),
    );
    await say('2');
    await say('2');
    // The wijk list comes from the database: answer with the label of the first one offered.
    const wijkQuestion = (await say('3')).at(-1)!;
    expect(wijkQuestion).toMatch(/^In welke wijk woon je\?\n1\. /);
    const wijk = /^1\. (.+)$/m.exec(wijkQuestion)![1]!;
    expect((await say(wijk)).at(-1)).toMatch(/Klopt dit\?\n1\. Ja\n2\. Nee$/);
    expect((await say('1')).at(-1)).toMatch(/contact met je opneemt\?.*\n1\. Ja\n2\. Nee$/s);
    expect(await say('ja')).toEqual([
      expect.stringMatching(/^Top! Een verbinder neemt contact/),
      expect.stringMatching(
        /^Zal ik je over twee weken een berichtje sturen\?.*\n4\. Nee, dat hoeft niet$/s,
      ),
    ]);

    const identity = await app.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'whatsapp', externalId: resident } },
      include: { contact: { include: { talentProfiles: true } } },
    });
    expect(identity.contact.talentProfiles).toMatchObject([
      {
        energy: 'Van wandelen in de natuur.',
        interests: ['cooking', 'garden', 'care'],
        time: 'fewHours',
        mobility: 'wijk',
        dutchComfort: 3,
        contactWish: true,
      },
    ]);
  });

  it('ignores groups, status updates, its own messages and system notices', async () => {
    const { factory, inbound, receive, account } = await whatsAppOn(app);
    const client = factory.latest();
    client.emit('ready');
    const seconds = Math.floor(app.clock.now().getTime() / 1000);
    const ignored = [
      { from: '120363025000000000@g.us', body: 'hallo allemaal', author: '31611111111@c.us' },
      { from: 'status@broadcast', body: 'mijn status', isStatus: true },
      { from: '31622222222@c.us', body: 'hallo', isStatus: true },
      { from: '31633333333@c.us', body: 'hallo', fromMe: true },
      { from: '12036302500000000@newsletter', body: 'nieuws' },
      { from: '31655555555@c.us', type: 'e2e_notification' },
    ];
    for (const fields of ignored) client.deliver(wwebjsMessage({ timestamp: seconds, ...fields }));
    // Messages are decided on in the order they come: once a later one is handled, the
    // ignored ones would have been too.
    const later = await receive({ from: '31644444444@c.us', body: 'hallo' });
    expect(later.texts[0]).toMatch(/^Hoi! Ik ben Bloei/);
    expect(inbound.map((m) => m.userId)).toEqual(['31644444444@c.us']);
    expect(client.sent.map((s) => s.chatId)).toEqual(['31644444444@c.us', '31644444444@c.us']);
    const keys = ignored.map((m) => identityKey('whatsapp', m.from));
    expect(await app.prisma.conversation.count({ where: { identityKey: { in: keys } } })).toBe(0);
    expect(await app.prisma.spooledInbound.count({ where: { chatKey: { in: keys } } })).toBe(0);
    // A handled chat is marked read (right after its turn): unread means not handled yet.
    await expect.poll(() => account.unread('31644444444@c.us'), { timeout: 120_000 }).toBe(0);
  });

  it('offers to pass a photo on to a verbinder, and answers a sticker with "text only"', async () => {
    const { factory, inbound, receive } = await whatsAppOn(app);
    factory.latest().emit('ready');
    const resident = '31687654321@c.us';
    for (const body of ['hallo', '1', 'ja', 'nee', '1']) await receive({ from: resident, body });

    const photo = await receive({ from: resident, type: 'image', body: '/9j/4AAQSkZJRg' });
    expect(photo.texts[0]).toMatch(/^Ik kan spraakberichten en foto's niet zelf bekijken/);
    const declined = await receive({ from: resident, body: 'nee' });
    expect(declined.texts.at(-1)).toBe('Waar krijg je energie van? Waar word je blij van?');
    const sticker = await receive({ from: resident, type: 'sticker', body: '' });
    expect(sticker.texts[0]).toBe(
      'Ik kan hier alleen tekst lezen. Wil je het in een bericht typen?',
    );
    expect(
      inbound
        .map((m) => m.content)
        .filter((c) => c.type === 'media')
        .slice(-2),
    ).toEqual([
      { type: 'media', kind: 'photo' },
      { type: 'media', kind: 'sticker' },
    ]);
  });
  it('tries a message again while Bloei cannot handle it, then parks it; the chats go on', async () => {
    // The first two attempts fail the way a turn fails while PostgreSQL is away; WhatsApp
    // Web will not deliver the message again, so the spool must.
    const attempts: string[] = [];
    let outage = 2;
    let broken = true;
    const { factory, handledAll, sentTo } = await whatsAppOn(app, {
      handleRetryDelays: [20, 20, 20],
      sweepEveryMs: 50,
      sink: async (message, app) => {
        const text = message.content.type === 'text' ? message.content.text : '';
        attempts.push(text);
        if (text === 'hallo' && outage-- > 0) throw new Error("Can't reach database server");
        if (text === 'kapot' && broken) throw new Error("Can't reach database server");
        return app.handler.handle(message);
      },
    });
    const client = factory.latest();
    client.emit('ready');
    const resident = '31698765432@c.us';
    const other = '31698765400@c.us';
    let seconds = Math.floor(app.clock.now().getTime() / 1000);
    const deliver = (from: string, body: string) => {
      const message = wwebjsMessage({ from, body, timestamp: ++seconds });
      client.deliver(message);
      return message;
    };

    await handledAll([deliver(resident, 'hallo'), deliver(resident, '1')]);
    expect(attempts).toEqual(['hallo', 'hallo', 'hallo', '1']);
    const consent = /Vind je dat goed\?\n1\. Ja\n2\. Nee$/;
    const texts = sentTo(resident);
    expect(texts.slice(0, 2)).toEqual([
      expect.stringMatching(/^Hoi! Ik ben Bloei/),
      expect.stringMatching(/^In welke taal wil je chatten\?/),
    ]);
    expect(texts.filter((text) => consent.test(text))).toHaveLength(1);

    // A message that still fails after every pause is parked; its chat and others go on.
    const kapot = deliver(resident, 'kapot');
    await handledAll([deliver(resident, 'ja'), deliver(other, 'hallo')]);
    expect(attempts.filter((a) => a === 'kapot')).toHaveLength(4);
    expect(attempts.indexOf('ja')).toBeGreaterThan(attempts.lastIndexOf('kapot'));
    expect(sentTo(resident).at(-1)).toMatch(/^Nog één vraag: mogen we je antwoorden/);
    expect(sentTo(other)[0]).toMatch(/^Hoi! Ik ben Bloei/);

    // A coordinator sees it, with its error and without its text, and hands it back.
    const spool = new PrismaInboundSpool(app.prisma);
    await waitFor(
      async () => (await spool.countParked()) === 1,
      cap(),
      () => 'one parked',
    );
    const [parked] = await spool.listParked();
    expect(parked).toMatchObject({
      channel: 'whatsapp',
      conversation: identityKey('whatsapp', resident).slice(0, 12),
      attempts: 4,
      errorName: 'Error',
    });
    expect(JSON.stringify(parked)).not.toContain('kapot');
    broken = false;
    expect(await spool.retryParked([parked!.id])).toBe(1);
    // The running channel finds it at its next sweep of the spool.
    await handledAll([kapot]);
    // Handed over after "ja", it is no answer to the question then: a friendly reprompt.
    expect(sentTo(resident).at(-2)).toMatch(/^Sorry, dat begreep ik niet/);
    expect(await spool.countParked()).toBe(0);
  });
});
