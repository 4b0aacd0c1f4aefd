import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCohort } from '../../src/followups/import-cohort.js';
import { linkCoordinator, playGolden, readGolden } from '../support/golden.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createStore } from '../../src/store/store.js';

const dir = join(import.meta.dirname, '../golden/follow-up');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** The coded answers each transcript must leave on the follow-up. */
const inOtherLanguages = {
  status: 'answered',
  ladderNow: 4,
  workFound: 'unpaid',
  confidence: 4,
  wijkTie: 4,
  ambassador: true,
  contactWish: false,
};

const expected: Record<string, object> = {
  'follow-up.ar.txt': inOtherLanguages,
  'follow-up.tr.txt': inOtherLanguages,
  'follow-up.pl.txt': inOtherLanguages,
  'follow-up.uk.txt': inOtherLanguages,
  'follow-up.nl.txt': {
    status: 'answered',
    ladderNow: 4,
    workFound: 'unpaid',
    confidence: 5,
    wijkTie: 4,
    ambassador: true,
    contactWish: true,
  },
  'follow-up.en.txt': {
    status: 'answered',
    ladderNow: 6,
    workFound: 'paid',
    confidence: 3,
    wijkTie: 3,
    ambassador: false,
    contactWish: false,
  },
};

describe('the follow-up conversation (golden transcripts)', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    app.router.add(new RecordingChannel('telegram'));
    await linkCoordinator(app.prisma);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it.each(files)('%s', async (file) => {
    const script = readGolden(join(dir, file));
    const language = script.header.map((l) => /^# language: (\w+)/.exec(l)?.[1]).find(Boolean)!;
    const chat = String(7000 + files.indexOf(file));
    const csv = [
      'first_name,channel,address,language,wijk,training,cohort,start_date,end_date,ladder_start',
      `Sam,telegram,${chat},${language},stratum,Kom tot Bloei!,KtB ${file},2025-01-06,2025-03-02,2`,
    ].join('\n');
    const report = await importCohort(createStore(app.prisma), csv, {
      languages: app.translator.languages,
      now: app.clock.now(),
    });
    expect(report.errors).toEqual([]);
    const opening = await app.handler.startFlow('telegram', chat, 'followUp');
    const transcript = await playGolden(script, app.handler, chat, app.clock, {
      channel: 'telegram',
      opening: opening ?? [],
    });
    await expect(transcript).toMatchFileSnapshot(join(dir, file));

    const followUp = await app.prisma.followUp.findFirstOrThrow({
      where: { enrolment: { contact: { identities: { some: { externalId: chat } } } } },
      include: { enrolment: true },
    });
    expect(followUp).toMatchObject(expected[file]!);
    const answers = await app.prisma.answer.findMany({
      where: { flowId: 'followUp', contact: { identities: { some: { externalId: chat } } } },
    });
    expect(
      answers
        .map((a) => a.indicator)
        .filter(Boolean)
        .sort(),
    ).toEqual([
      'inzetVoorElkaar.ambassadeur',
      'meedoen.ladder',
      'meedoen.werk',
      'thuisgevoel.wijk',
      'zelfredzaamheid.vertrouwen',
      'zingeving.training',
    ]);
  });
});
