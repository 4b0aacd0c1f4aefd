import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCampaign } from '../../src/campaigns/start-campaign.js';
import { sendDueScheduled } from '../../src/schedule/send-due-scheduled.js';
import { runBloei } from '../cli/support/run-bloei.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { createTestApp, silentLogger, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const day = 24 * 3600_000;

describe('campaigns', () => {
  let db: TestDatabase;
  let app: TestApp;
  let people = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** A consented resident of `wijk` who chats in `language` (clock: Monday 2 March 2026). */
  async function resident(wijk: string, language = 'nl', preferredTime: string | null = null) {
    const userId = `campaign-${++people}`;
    await say(app, userId, ...consentNl);
    const { contactId } = await app.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'simulator', externalId: userId } },
    });
    await app.prisma.contact.update({
      where: { id: contactId },
      data: { wijk, language, preferredTime },
    });
    return { userId, contactId };
  }

  const bloei = (...argv: string[]) =>
    runBloei(['campaign', ...argv], { prisma: app.prisma, now: app.clock.now });
  /** What the apps sent `userId` of the campaigns' texts (not the chat before). */
  const campaignTexts = new Set([
    'Zaterdag is er een buurtfeest!',
    'Street party on Saturday!',
    'Tot morgen!',
  ]);
  const messagesTo = (apps: readonly TestApp[], userId: string) =>
    apps.flatMap((a) =>
      a.channel.sent
        .filter((m) => m.userId === userId && campaignTexts.has(m.text))
        .map((m) => m.text),
    );

  it('previews who it reaches, per language and channel, before anything is sent', async () => {
    await resident('woensel', 'nl');
    await resident('woensel', 'en');
    const stopped = await resident('woensel', 'ar');
    await say(app, stopped.userId, 'stop');
    const other = await resident('gestel', 'nl');
    await app.prisma.channelIdentity.create({
      data: { channel: 'telegram', externalId: 'tg-elsewhere', contactId: other.contactId },
    });

    expect(
      await app.store.campaigns.preview({ audience: 'wijk', audienceValue: 'woensel' }),
    ).toEqual({
      total: 2,
      byLanguage: { nl: 1, en: 1 },
      byChannel: { simulator: 2 },
    });
    const run = await bloei('preview', '--audience', 'wijk:woensel');
    expect(run.stdout).toBe(
      '2 residents\nby language: Dutch 1, English 1\nby channel: simulator 2\n',
    );
    expect(await app.prisma.campaign.count()).toBe(0);
    expect(await app.prisma.scheduledMessage.count()).toBe(0);
    expect(await bloei('preview', '--audience', 'street:woensel')).toMatchObject({ code: 1 });
  });

  it('reaches everyone with a consent, and no one who withdrew it later', async () => {
    const kept = await resident('tongelre');
    const withdrawn = await resident('tongelre');
    const consent = (contactId: string, granted: boolean, at: string) =>
      app.prisma.consentRecord.create({
        data: { contactId, purpose: 'followUp', textVersion: 1, granted, recordedAt: new Date(at) },
      });
    await consent(kept.contactId, true, '2026-03-02T10:00:00Z');
    await consent(withdrawn.contactId, true, '2026-03-02T10:00:00Z');
    await consent(withdrawn.contactId, false, '2026-03-02T10:05:00Z');
    const audience = await app.store.campaigns.audience({
      audience: 'consent',
      audienceValue: 'followUp',
    });
    expect(audience.map((m) => m.contactId)).toEqual([kept.contactId]);
  });

  it('sends each resident the message once, in their language, across a crash and a restart', async () => {
    const dutch = await resident('stratum', 'nl');
    const english = await resident('stratum', 'en');
    const arabic = await resident('stratum', 'ar');
    const evening = await resident('stratum', 'nl', 'evening');
    const spec = {
      name: 'Buurtfeest',
      kind: 'message' as const,
      audience: 'wijk' as const,
      audienceValue: 'stratum',
      texts: { nl: 'Zaterdag is er een buurtfeest!', en: 'Street party on Saturday!' },
      startAt: app.clock.now(),
    };
    // The first start dies after its first batch: one resident enrolled, then a crash.
    const id = await app.store.campaigns.create(spec);
    const campaign = (await app.store.campaigns.find(id))!;
    const [first] = await app.store.campaigns.audience(campaign);
    await app.store.transaction((tx) => tx.campaigns.enrol(campaign, [first!]));

    // Started again, twice: only the missing ones are added.
    const again = await bloei(
      'start',
      '--name',
      'Buurtfeest',
      '--audience',
      'wijk:stratum',
      '--kind',
      'message',
      '--text',
      'nl=ignored, the campaign exists',
    );
    expect(again.stdout).toMatch(/^Campaign "Buurtfeest" went on: 3 more residents\.\n/);
    expect((await startCampaign(app.store, spec)).added).toBe(0);
    expect(await app.prisma.campaignRecipient.count({ where: { campaignId: id } })).toBe(4);
    expect(await app.prisma.scheduledMessage.count({ where: { subject: `campaign:${id}` } })).toBe(
      4,
    );
    // The evening person's message waits for 17:00 in Amsterdam.
    const waiting = await app.prisma.scheduledMessage.findFirstOrThrow({
      where: { contactId: evening.contactId },
    });
    expect(waiting.dueAt).toEqual(new Date('2026-03-02T16:00:00Z'));

    // Two workers send at once; then one is restarted and sends again.
    const second = await createTestApp(db.url);
    const sent = await Promise.all([
      sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger),
      sendDueScheduled(second.store, second.handler, app.clock.now(), silentLogger),
    ]);
    expect(sent[0] + sent[1]).toBe(3);
    await second.close();
    const restarted = await createTestApp(db.url);
    try {
      expect(
        await sendDueScheduled(restarted.store, restarted.handler, app.clock.now(), silentLogger),
      ).toBe(0);
      await app.sender.idle();
      const apps = [app, second, restarted];
      expect(messagesTo(apps, dutch.userId)).toEqual(['Zaterdag is er een buurtfeest!']);
      expect(messagesTo(apps, english.userId)).toEqual(['Street party on Saturday!']);
      // No Arabic text: the Dutch one.
      expect(messagesTo(apps, arabic.userId)).toEqual(['Zaterdag is er een buurtfeest!']);
      expect(messagesTo(apps, evening.userId)).toEqual([]);

      // At 17:00 the evening person gets theirs, once, whoever sends.
      const at = new Date('2026-03-02T16:00:00Z');
      await Promise.all([
        sendDueScheduled(app.store, app.handler, at, silentLogger),
        sendDueScheduled(restarted.store, restarted.handler, at, silentLogger),
      ]);
      await app.sender.idle();
      await restarted.sender.idle();
      expect(messagesTo(apps, evening.userId)).toEqual(['Zaterdag is er een buurtfeest!']);
    } finally {
      await restarted.close();
    }
    const status = await bloei('status', 'Buurtfeest');
    expect(status.stdout).toBe(
      'Buurtfeest: running, from 2026-03-02 11:00; 4 residents: 4 sent, 0 waiting, 0 skipped, 0 cancelled\n',
    );
  });

  it('starts a check-in in each resident’s chat', async () => {
    const invited = await resident('strijp');
    const run = await bloei(
      'start',
      '--name',
      'Check-in maart',
      '--audience',
      'wijk:strijp',
      '--kind',
      'checkIn',
    );
    expect(run.stdout).toMatch(/^Campaign "Check-in maart" started: 1 residents\.\n/);
    const before = app.channel.sent.filter((m) => m.userId === invited.userId).length;
    await sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger);
    await app.sender.idle();
    const after = app.channel.sent.filter((m) => m.userId === invited.userId);
    expect(after.length).toBeGreaterThan(before);
    const [asked] = await app.prisma.conversation.findMany({
      where: { contactId: invited.contactId },
      select: { state: true },
    });
    expect((asked!.state as { run?: { flow: string } }).run?.flow).toBe('checkIn');
  });

  it('stops: what is still pending is not sent, and STOP of a resident cancels theirs', async () => {
    const waiting = await resident('meerhoven');
    const leaving = await resident('meerhoven');
    const run = await bloei(
      'start',
      '--name',
      'Later',
      '--audience',
      'wijk:meerhoven',
      '--kind',
      'message',
      '--text',
      'nl=Tot morgen!',
      '--at',
      '2026-03-03 10:00',
    );
    expect(run.code).toBe(0);
    await say(app, leaving.userId, 'stop');
    expect(
      await app.prisma.scheduledMessage.findFirstOrThrow({
        where: { contactId: leaving.contactId },
      }),
    ).toMatchObject({ state: 'cancelled' });

    expect((await bloei('stop', 'Later')).stdout).toBe(
      'Campaign "Later" stopped: 1 messages will not be sent.\n',
    );
    app.clock.advance(day);
    await sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger);
    await app.sender.idle();
    expect(messagesTo([app], waiting.userId)).toEqual([]);
    expect((await bloei('status', 'Later')).stdout).toMatch(
      /^Later: stopped, from 2026-03-03 10:00; 2 residents: 0 sent, 0 waiting, 0 skipped, 2 cancelled\n$/,
    );
    // A stopped campaign is not started again under its name.
    expect(
      await bloei('start', '--name', 'Later', '--audience', 'wijk:meerhoven', '--kind', 'checkIn'),
    ).toMatchObject({ code: 1, stderr: 'a campaign of this name was stopped\n' });
    expect((await bloei('stop', 'Nope')).code).toBe(1);
  });

  it('explains itself with --help', async () => {
    const help = await runBloei(['campaign', 'start', '--help']);
    expect(help.stdout).toContain('--audience <audience>');
    expect(help.stdout).toContain('at most once');
  });
});
