/**
 * Golden conversations of a WIJ match's check-up, which Bloei opens one week, one month or
 * three months after a verbinder recorded the match, with bad input in all six languages:
 * each reprompt in the resident's language, back on track to the end, the answers kept, a
 * no-show or "no click" handed to a verbinder, and the last check-up saying whether the
 * match lasted.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueScheduled } from '../../src/schedule/send-due-scheduled.js';
import { recordMatch } from '../../src/wijmatch/record-match.js';
import { matchSubject } from '../../src/wijmatch/match-check-ups.js';
import { say, sentTo } from '../support/conversation-driver.js';
import { linkCoordinator, playGolden, readGolden } from '../support/golden.js';
import { createTestApp, silentLogger, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const dir = join(import.meta.dirname, 'match-check-up');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** The place of each language in the onboarding's language question. */
const languageChoice: Record<string, string> = {
  nl: '1',
  en: '2',
  ar: '3',
  tr: '4',
  pl: '5',
  uk: '6',
};

/** The check-ups each match gets: from the one replayed on, so it is the first one sent. */
const checkUpsFrom: Record<string, string[]> = {
  P7D: ['P7D', 'P1M', 'P3M'],
  P1M: ['P1M', 'P3M'],
  P3M: ['P3M'],
};

/** What each transcript must leave: the answers, the hand-offs, whether the match lasted. */
const expected: Record<
  string,
  { answers: Record<string, string>; handoffs: string[]; lasting: boolean | null }
> = {
  'match-check-up-bad-input.ar.txt': {
    answers: { met: 'noShow' },
    handoffs: ['match_no_show'],
    lasting: false,
  },
  'match-check-up-bad-input.en.txt': {
    answers: { met: 'yes', howWent: 'good', goOn: 'yes' },
    handoffs: [],
    lasting: true,
  },
  'match-check-up-bad-input.nl.txt': {
    answers: { met: 'yes', howWent: 'noClick' },
    handoffs: ['match_no_click'],
    lasting: null,
  },
  'match-check-up-bad-input.pl.txt': {
    answers: { met: 'yes', howWent: 'okay', goOn: 'no' },
    handoffs: [],
    lasting: false,
  },
  'match-check-up-bad-input.tr.txt': {
    answers: { met: 'notYet', goOn: 'yes' },
    handoffs: [],
    lasting: null,
  },
  'match-check-up-bad-input.uk.txt': {
    answers: { met: 'yes', howWent: 'good', goOn: 'yes' },
    handoffs: [],
    lasting: true,
  },
};

const header = (lines: string[], name: string) =>
  lines.map((l) => new RegExp(`^# ${name}: (\\w+)`).exec(l)?.[1]).find(Boolean)!;

describe('golden conversations of the WIJ match check-up, with bad input', () => {
  let db: TestDatabase;
  let app: TestApp;
  let coordinatorId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    await linkCoordinator(app.prisma);
    coordinatorId = (await app.prisma.verbinder.findFirstOrThrow()).id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** A consented resident in `language` with an open sign-up in Stratum. */
  async function resident(userId: string, language: string) {
    await say(app, userId, 'hallo', languageChoice[language]!, '1', '2');
    const { contactId } = await app.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'simulator', externalId: userId } },
    });
    const signUp = await app.prisma.signUp.create({
      data: {
        contactId,
        runId: `run-${userId}`,
        kind: 'offer',
        category: 'company',
        description: 'Samen wandelen',
        wijk: 'stratum',
      },
    });
    return { contactId, signUpId: signUp.id };
  }

  it('has a transcript in every language', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', async (file) => {
    const script = readGolden(join(dir, file));
    const after = header(script.header, 'after');
    const userId = `match-check-up-${file}`;
    const me = await resident(userId, header(script.header, 'language'));
    const other = await resident(`${userId}-other`, 'nl');
    const matchId = await recordMatch(app.store, {
      kind: 'inwoner-inwoner',
      signUpIds: [me.signUpId, other.signUpId],
      ontwikkelplaats: null,
      wijken: null,
      recordedById: coordinatorId,
      at: app.clock.now(),
      checkUps: checkUpsFrom[after]!,
    });
    const { dueAt } = await app.prisma.scheduledMessage.findFirstOrThrow({
      where: { contactId: me.contactId, subject: matchSubject(matchId, after) },
    });
    app.clock.advance(dueAt.getTime() - app.clock.now().getTime());

    const before = app.channel.sent.filter((m) => m.userId === userId).length;
    await sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger);
    // The opening line and the first question, through the outbox.
    const opening = (await sentTo(app, userId, before + 2)).slice(before);
    const transcript = await playGolden(script, app.handler, userId, app.clock, { opening });
    await expect(transcript).toMatchFileSnapshot(join(dir, file));

    const contact = await app.prisma.contact.findUniqueOrThrow({
      where: { id: me.contactId },
      include: { handoffs: true, answers: true },
    });
    const match = await app.prisma.match.findUniqueOrThrow({ where: { id: matchId } });
    expect({
      answers: Object.fromEntries(
        contact.answers.filter((a) => a.flowId === 'matchCheckUp').map((a) => [a.name, a.value]),
      ),
      handoffs: contact.handoffs.map((h) => h.reason),
      lasting: match.lasting,
    }).toEqual(expected[file]);
    if (match.lasting !== null) expect(match.lastingBy).toBe('checkUp');
  });
});
