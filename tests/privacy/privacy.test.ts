import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import type { InboundMessage } from '../../src/conversations/messages.js';
import { importCohort } from '../../src/followups/import-cohort.js';
import { applyRetention } from '../../src/privacy/apply-retention.js';
import { createLogger } from '../../src/logger.js';
import { identityKey, legacyIdentityKey } from '../../src/conversations/identity-key.js';
import { consentNl, say, sayOn } from '../support/conversation-driver.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const month = 30 * 24 * 3_600_000;

/** Every row of every table, as text: to prove something is nowhere. */
async function everything(app: TestApp): Promise<string> {
  const tables = await app.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  expect(tables.length).toBeGreaterThan(10);
  const dumps = [];
  for (const { name } of tables) {
    const rows = await app.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "${name}" t`,
    );
    dumps.push(...rows.map((r) => r.row));
  }
  return dumps.join('\n');
}

describe('privacy', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    app.router.add(new RecordingChannel('whatsapp'));
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('records consent per purpose with the text version, and nothing before it', async () => {
    await say(app, 'c-1', 'hallo', '1');
    expect(await app.prisma.contact.count()).toBe(0);
    await say(app, 'c-1', 'ja', 'ja');
    const consents = await app.prisma.consentRecord.findMany({
      where: { contact: { identities: { some: { externalId: 'c-1' } } } },
      orderBy: { purpose: 'asc' },
    });
    expect(consents).toMatchObject([
      { purpose: 'monitoring', textVersion: 1, granted: true },
      { purpose: 'registration', textVersion: 1, granted: true },
    ]);
  });

  it('asks consent again when its text changed, then goes on where the resident was', async () => {
    await say(app, 'c-2', ...consentNl, '1', 'Van wandelen');
    const key = (await import('../../src/conversations/identity-key.js')).identityKey(
      'simulator',
      'c-2',
    );
    const row = await app.prisma.conversation.findUniqueOrThrow({ where: { identityKey: key } });
    const state = row.state as { consentVersion?: number };
    // The resident agreed to version 1; pretend the text is now at version 2 by making their
    // stored agreement older: state.consentVersion 0 < required 1 has the same effect.
    await app.prisma.conversation.update({
      where: { identityKey: key },
      data: { state: { ...state, consentVersion: 0 } },
    });
    const asked = await say(app, 'c-2', 'Ik ben goed in luisteren');
    expect(asked[0]?.text).toMatch(/^Er is iets veranderd in hoe we met je gegevens omgaan/);
    expect(asked[1]?.text).toMatch(/^Voordat we beginnen: mag ik je antwoorden bewaren\?/);
    const resumed = await say(app, 'c-2', 'ja');
    expect(resumed.at(-1)?.text).toMatch(/^Waar ben je goed in\?/);
    const answers = await app.prisma.answer.findMany({
      where: { contact: { identities: { some: { externalId: 'c-2' } } }, flowId: 'talentenscan' },
    });
    expect(answers.map((a) => a.value)).toEqual(['Van wandelen']);
  });

  it('shows "my data": a readable summary of everything kept', async () => {
    const replies = await say(app, 'c-2', 'mijn gegevens');
    const summary = replies[0]!.text;
    expect(summary).toMatch(/^Wat Bloei van je bewaart:/);
    expect(summary).toContain('Waar krijg je energie van? Je antwoord: Van wandelen');
    expect(summary).toContain('contact en matching door verbinders van WIJeindhoven: ja, sinds');
    expect(summary).toContain('• Taal: Nederlands');
    expect(replies.at(-1)?.text).toMatch(/^Waar ben je goed in\?/);
  });

  it('forgets a resident entirely: no row anywhere holds their name, number or answers', async () => {
    const phone = '31687654321@c.us';
    const whatsapp = (text: string): InboundMessage => ({
      ...lineToInbound(text, phone),
      channel: 'whatsapp',
      displayName: 'Zoë Testpersoon',
    });
    const csv = [
      'first_name,channel,address,language,wijk,training,cohort,start_date,end_date,ladder_start',
      'Zoë Testpersoon,whatsapp,+31687654321,nl,stratum,De Wijk Werkt!,Wis-test,2025-01-06,2025-03-31,2',
    ].join('\n');
    expect(
      await importCohort(app.store, csv, { languages: ['nl'], now: app.clock.now() }),
    ).toMatchObject({ ok: true });
    for (const line of [
      'hallo',
      '1',
      'ja',
      'ja',
      '1',
      'Zingen in het koor van Woensel',
      'Taart bakken met kaneel',
      '1',
      'later',
      'menu',
      '3',
      '4',
      '5',
    ]) {
      await app.handler.handle(whatsapp(line));
    }
    await sayOn(app, 'whatsapp', phone, 'verbinder');
    const before = await everything(app);
    for (const secret of [
      'Zoë Testpersoon',
      '31687654321',
      'Zingen in het koor van Woensel',
      'Taart bakken met kaneel',
    ]) {
      expect(before).toContain(secret);
    }
    const confirm = await sayOn(app, 'whatsapp', phone, 'vergeet mij');
    expect(confirm[0]?.text).toMatch(/^Weet je het zeker\?/);
    const done = await sayOn(app, 'whatsapp', phone, 'ja');
    expect(done[0]?.text).toMatch(/^Klaar\. Ik heb alles van je gewist/);

    const after = await everything(app);
    for (const secret of [
      'Zoë Testpersoon',
      '31687654321',
      'Zingen in het koor van Woensel',
      'Taart bakken met kaneel',
    ]) {
      expect(after).not.toContain(secret);
    }
    const tallies = await app.prisma.anonymousTally.findMany({ orderBy: { metric: 'asc' } });
    expect(tallies.map((t) => [t.metric, t.value, t.count])).toEqual([
      ['checkIn.run', 'yes', 1],
      ['meedoen.actief', '5', 1],
      ['ontmoeting.kennen', '4', 1],
    ]);
    expect(await app.prisma.erasure.count()).toBe(1);
  });

  it('erases residents inactive for 24 months and clears closed hand-offs after 12', async () => {
    await say(app, 'old-1', ...consentNl, 'verbinder');
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: { contact: { identities: { some: { externalId: 'old-1' } } } },
    });
    await app.prisma.handoff.update({
      where: { id: handoff.id },
      data: { status: 'closed', closedAt: app.clock.now() },
    });
    await app.prisma.handoffNote.create({
      data: {
        handoffId: handoff.id,
        text: 'Gebeld over de schuldhulp.',
        createdAt: app.clock.now(),
      },
    });
    app.clock.advance(13 * month);
    await say(app, 'recent-1', ...consentNl);
    const afterYear = await applyRetention(app.store, app.clock.now());
    expect(afterYear.handoffsCleared).toBeGreaterThanOrEqual(1);
    expect(
      (await app.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).summary,
    ).toEqual({});
    expect(await app.prisma.handoffNote.count({ where: { handoffId: handoff.id } })).toBe(0);

    app.clock.advance(12 * month);
    const result = await applyRetention(app.store, app.clock.now());
    expect(result.erased).toBeGreaterThanOrEqual(1);
    const identity = (id: string) =>
      app.prisma.channelIdentity.findUnique({
        where: { channel_externalId: { channel: 'simulator', externalId: id } },
      });
    expect(await identity('old-1')).toBeNull();
    expect(await identity('recent-1')).not.toBeNull();
  });
});

describe('logs', () => {
  it('never contain message bodies, names or phone numbers, even at debug level', async () => {
    const db = await createTestDatabase();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('debug', sink as unknown as pino.DestinationStream);
    const app = await createTestApp(db.url, { logger });
    app.router.add(new RecordingChannel('whatsapp'));
    try {
      const phone = '31699887766@c.us';
      for (const text of ['hallo', '1', 'ja', 'ja', '1', 'Geheime hobby: vliegeren op de Strijp']) {
        await app.handler.handle({
          ...lineToInbound(text, phone),
          channel: 'whatsapp',
          displayName: 'Henk de Vries',
        });
      }
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(5);
      for (const secret of ['31699887766', 'Henk', 'vliegeren', 'Geheime hobby']) {
        expect(log).not.toContain(secret);
      }
      // The conversation id in the logs is keyed: the plain SHA-256 of the phone number, which
      // anyone can recompute for every number, appears nowhere, not even in part.
      expect(log).toContain(identityKey('whatsapp', phone).slice(0, 12));
      expect(log).not.toContain(legacyIdentityKey('whatsapp', phone).slice(0, 12));
      expect(log).not.toContain(createHash('sha256').update(phone).digest('hex').slice(0, 12));
    } finally {
      await app.close();
      await db.drop();
    }
  });
});

describe('flood control', () => {
  it('slows down one resident sending many messages, with one note, without delaying others', async () => {
    const db = await createTestDatabase();
    const app = await createTestApp(db.url, { flood: { messages: 5, windowMs: 1000 } });
    try {
      const flood = Array.from({ length: 15 }, (_, i) =>
        app.handler.handle(lineToInbound(`bericht ${i}`, 'flooder')),
      );
      let floodDone = false;
      const allFlood = Promise.all(flood).finally(() => (floodDone = true));
      const other = await app.handler.handle(lineToInbound('hallo', 'calm'));
      expect(other[0]?.text).toMatch(/^Hoi! Ik ben Bloei/);
      // Not held up behind the flooder, whose later messages wait for the next windows.
      expect(floodDone).toBe(false);
      const replies = await allFlood;
      expect(replies.every((r) => r.length > 0)).toBe(true);
      const notes = app.channel.sent.filter(
        (m) => m.userId === 'flooder' && m.text.startsWith('Rustig aan'),
      );
      expect(notes).toHaveLength(1);

      await say(app, 'polish', 'hallo', '5');
      const polishFlood = Array.from({ length: 8 }, (_, i) =>
        app.handler.handle(lineToInbound(`wiadomość ${i}`, 'polish')),
      );
      await Promise.all(polishFlood);
      const polishNotes = app.channel.sent.filter(
        (m) =>
          m.userId === 'polish' &&
          m.text === app.translator.render({ key: 'system.slowDown', params: {} }, 'pl').text,
      );
      expect(polishNotes).toHaveLength(1);
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
