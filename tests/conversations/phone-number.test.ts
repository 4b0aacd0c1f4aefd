import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import { addVerbinder } from '../../src/handoff/verbinder-admin.js';
import { createLogger } from '../../src/logger.js';
import { consentNl, messageTo, say, wijMatchStratum } from '../support/conversation-driver.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** The WIJ match offer in Stratum up to the way of contact, then "Bellen". */
const upToCalling = [...wijMatchStratum.slice(0, -2), '2'];

describe('a resident who wants to be called', () => {
  let db: TestDatabase;
  let app: TestApp;
  const logged: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    app = await createTestApp(db.url, { logger: createLogger('debug', sink) });
    app.router.add(new RecordingChannel('telegram'));
    app.router.add(new RecordingChannel('whatsapp'));
    const { code } = await addVerbinder(
      app.store,
      { name: 'Wilma', wijk: 'stratum' },
      app.clock.now(),
    );
    await say(app, 'wilma', code);
    // Residents who do not name their wijk reach the coordinator.
    const cora = await addVerbinder(
      app.store,
      { name: 'Cora', role: 'coordinator' },
      app.clock.now(),
    );
    await say(app, 'cora', cora.code);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('is asked for their number, reprompted kindly on a typo, and the number is kept with its purpose', async () => {
    const asked = await say(app, 'caller-1', ...consentNl, ...upToCalling);
    expect(asked.at(-1)?.text).toMatch(/^Op welk telefoonnummer kan de verbinder je bellen\?/);

    const typo = await say(app, 'caller-1', '06 1234');
    expect(typo[0]?.text).toMatch(/^Sorry, dat is geen telefoonnummer dat ik kan gebruiken/);
    expect(typo.at(-1)?.text).toMatch(/^Op welk telefoonnummer/);

    const summary = await say(app, 'caller-1', 'Mijn nummer is 06-1234 5678');
    expect(summary[0]?.text).toContain('• Contact: Bellen');
    await say(app, 'caller-1', 'ja');

    const details = await app.prisma.contactDetail.findMany();
    expect(details).toMatchObject([{ kind: 'phone', value: '+31612345678', purpose: 'callBack' }]);
    // Kept once, as a contact detail: not among the answers, the sign-up or the hand-off.
    const elsewhere = JSON.stringify([
      await app.prisma.answer.findMany(),
      await app.prisma.signUp.findMany(),
      await app.prisma.handoff.findMany(),
    ]);
    expect(elsewhere).not.toContain('12345678');
  });

  it('shows the verbinder the number to call in the hand-off alert', async () => {
    const alert = await messageTo(app, 'wilma', (m) => m.text.includes('aanmelding WIJ match'));
    expect(alert.text).toContain('Bereikbaar: bellen +31 6 12345678 (nummer van de inwoner zelf)');
  });

  it('lists the number in "my data" in words, and "forget me" erases it', async () => {
    const [mine] = await say(app, 'caller-1', 'mijn gegevens');
    expect(mine!.text).toMatch(
      /• Hoe een verbinder je kan bereiken:\n.*Telefoonnummer: \+31 6 12345678, zodat een verbinder je kan bellen \(sinds \d+ \w+ \d{4}\)/,
    );
    await say(app, 'caller-1', 'vergeet mij', 'ja');
    expect(await app.prisma.contactDetail.count()).toBe(0);
    expect(await app.prisma.contact.count()).toBe(0);
  });

  it('links the Telegram @username and the WhatsApp number of a resident who asks for a person', async () => {
    const on = (channel: string, userId: string, username?: string) => async (line: string) =>
      app.handler.handle({
        ...lineToInbound(line, userId),
        channel,
        ...(username ? { username } : {}),
      });
    const telegram = on('telegram', '4242', 'amina_ehv');
    for (const line of [...consentNl, 'verbinder']) await telegram(line);
    const whatsapp = on('whatsapp', '31687654321@c.us');
    for (const line of [...consentNl, 'verbinder']) await whatsapp(line);

    const alerts = await Promise.all(
      ['telegram', 'whatsapp'].map((channel) =>
        messageTo(app, 'cora', (m) => m.text.includes(`· ${channel} ·`)),
      ),
    );
    expect(alerts[0]!.text).toContain(
      'Bereikbaar: Telegram-naam @amina_ehv https://t.me/amina_ehv',
    );
    expect(alerts[1]!.text).toContain(
      'Bereikbaar: WhatsApp-nummer +31 6 87654321 https://wa.me/31687654321',
    );
    expect(await app.prisma.contactDetail.findMany()).toMatchObject([
      { kind: 'telegram', value: 'amina_ehv', purpose: 'handoff' },
    ]);
  });

  it('never writes the number to the log', () => {
    expect(logged.length).toBeGreaterThan(0);
    const log = logged.join('');
    for (const form of ['12345678', '1234 5678', 'amina_ehv', '87654321'])
      expect(log).not.toContain(form);
  });
});
