import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderForSimulator } from '../../../src/bots/simulator/render.js';
import type { InboundMessage, OutboundMessage } from '../../../src/bots/channel.js';
import { WhatsAppChannel } from '../../../src/bots/whatsapp/whatsapp-channel.js';
import { pairingInstructions } from '../../../src/bots/whatsapp/print-pairing-qr.js';
import type { WhatsAppMessage } from '../../../src/bots/whatsapp/whatsapp-client.js';
import { identityKey } from '../../../src/conversations/identity-key.js';
import { createTestApp, silentLogger, type TestApp } from '../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { waitFor, within } from '../../faults/support/wait-for.js';
import { fakeClientFactory, settle, wwebjsMessage } from './fake-whatsapp-client.js';

const config = { dataDir: '/nonexistent/whatsapp', chromiumPath: '/nonexistent/chromium' };
const sessionStart = new Date('2026-03-02T09:00:00Z');
const startSeconds = sessionStart.getTime() / 1000;

const started: WhatsAppChannel[] = [];

/** The WhatsApp adapter on Bloei's real pipeline, with a fake wwebjs client behind it. */
async function whatsAppOn(app: TestApp) {
  const factory = fakeClientFactory();
  let printed = '';
  const handled: Promise<OutboundMessage[]>[] = [];
  const inbound: InboundMessage[] = [];
  const channel = new WhatsAppChannel(config, silentLogger, {
    createClient: factory.create,
    now: () => sessionStart,
    output: { write: (text: string) => (printed += text) },
  });
  started.push(channel);
  app.router.add(channel);
  await channel.start((message) => {
    inbound.push(message);
    const replies = app.handler.handle(message);
    handled.push(replies);
    return replies;
  });
  let seconds = startSeconds;
  /** Delivers a message as WhatsApp Web would and returns the texts sent back to that chat. */
  const receive = async (fields: Partial<WhatsAppMessage> & { from: string }) => {
    const client = factory.latest();
    const before = client.sent.length;
    client.emit('message', wwebjsMessage({ timestamp: ++seconds, ...fields }));
    await settle();
    const replies = (await Promise.all(handled.splice(0))).flat();
    const sent = client.sent.slice(before);
    expect(sent.every((s) => s.chatId === fields.from)).toBe(true);
    return { texts: sent.map((s) => s.text), replies };
  };
  return { channel, factory, inbound, printed: () => printed, receive };
}

describe(WhatsAppChannel.name, () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((channel) => channel.stop()));
  });
  afterAll(async () => {
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
    expect(await say('ja')).toEqual([expect.stringMatching(/^Top! Een verbinder neemt contact/)]);

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

  it('ignores groups, status updates, its own messages and the backlog from before the session', async () => {
    const { factory, inbound, receive } = await whatsAppOn(app);
    const client = factory.latest();
    const early = await receive({ from: '31611111111@c.us', body: 'hallo', timestamp: 1 });
    client.emit('ready');
    const ignored = [
      { from: '120363025000000000@g.us', body: 'hallo allemaal', author: '31611111111@c.us' },
      { from: 'status@broadcast', body: 'mijn status', isStatus: true },
      { from: '31622222222@c.us', body: 'hallo', isStatus: true },
      { from: '31633333333@c.us', body: 'hallo', fromMe: true },
      { from: '31644444444@c.us', body: 'hallo', timestamp: startSeconds - 60 },
      { from: '12036302500000000@newsletter', body: 'nieuws' },
      { from: '31655555555@c.us', type: 'e2e_notification' },
    ];
    for (const fields of ignored) expect(await receive(fields)).toEqual({ texts: [], replies: [] });
    expect(early).toEqual({ texts: [], replies: [] });
    expect(inbound).toEqual([]);
    expect(client.sent).toEqual([]);
    const keys = [...ignored.map((m) => m.from), '31611111111@c.us'].map((from) =>
      identityKey('whatsapp', from),
    );
    expect(await app.prisma.conversation.count({ where: { identityKey: { in: keys } } })).toBe(0);

    // The same resident, now and in a private chat, is answered.
    const now = await receive({ from: '31644444444@c.us', body: 'hallo' });
    expect(now.texts[0]).toMatch(/^Hoi! Ik ben Bloei/);
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
  it('hands a message over again while Bloei cannot handle it, keeping the chat in order', async () => {
    const factory = fakeClientFactory();
    const channel = new WhatsAppChannel(config, silentLogger, {
      createClient: factory.create,
      now: () => sessionStart,
      handleRetryDelays: [20, 20, 20],
    });
    started.push(channel);
    app.router.add(channel);
    // The first two attempts fail the way a turn fails while PostgreSQL is away; WhatsApp
    // Web will not deliver the message again, so the channel must.
    const attempts: string[] = [];
    let outage = 2;
    await channel.start(async (message) => {
      const text = message.content.type === 'text' ? message.content.text : '';
      attempts.push(text);
      if (text === 'hallo' && outage-- > 0) throw new Error("Can't reach database server");
      if (text === 'kapot') throw new Error("Can't reach database server");
      return app.handler.handle(message);
    });
    const client = factory.latest();
    client.emit('ready');
    const resident = '31698765432@c.us';
    let seconds = startSeconds + 1_000;
    const emit = (body: string) =>
      client.emit('message', wwebjsMessage({ from: resident, body, timestamp: ++seconds }));

    emit('hallo');
    emit('1');
    const last = () => client.sent.at(-1)?.text ?? '';
    const consent = /Vind je dat goed\?\n1\. Ja\n2\. Nee$/;
    await waitFor(
      () => consent.test(last()),
      within(5_000),
      () => `the consent question`,
    );
    expect(attempts).toEqual(['hallo', 'hallo', 'hallo', '1']);
    const texts = client.sent.map((m) => m.text);
    expect(texts.slice(0, 2)).toEqual([
      expect.stringMatching(/^Hoi! Ik ben Bloei/),
      expect.stringMatching(/^In welke taal wil je chatten\?/),
    ]);
    expect(texts.filter((text) => consent.test(text))).toHaveLength(1);

    // A message that still fails after every pause is given up; the chat goes on after it.
    emit('kapot');
    emit('ja');
    const monitoring = /^Nog één vraag: mogen we je antwoorden/;
    await waitFor(
      () => monitoring.test(last()),
      within(5_000),
      () => `the reply to "ja"`,
    );
    expect(attempts.slice(4)).toEqual(['kapot', 'kapot', 'kapot', 'kapot', 'ja']);
  });
});
