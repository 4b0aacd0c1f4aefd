import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCohort } from '../../src/followups/import-cohort.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createStore } from '../../src/store/store.js';

const header =
  'first_name,channel,address,language,wijk,training,cohort,start_date,end_date,ladder_start';
const example = readFileSync(join(import.meta.dirname, '../../examples/cohort.csv'), 'utf8');
const languages = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'];
const now = new Date('2026-03-02T10:00:00Z');

describe(importCohort.name, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  const counts = async () => ({
    contacts: await db.prisma.contact.count(),
    identities: await db.prisma.channelIdentity.count(),
    cohorts: await db.prisma.cohort.count(),
    enrolments: await db.prisma.enrolment.count(),
    followUps: await db.prisma.followUp.count(),
  });

  it('refuses a file with bad lines, reporting each line, and stores nothing', async () => {
    const csv = [
      header,
      'Anna,telegram,111,nl,stratum,De Wijk Werkt!,C1,2025-01-06,2025-03-31,2',
      'Bob,telegram,222,xx,stratum,De Wijk Werkt!,C1,2025-01-06,2025-03-31,',
      'Cem,whatsapp,0612345678,tr,stratum,Kom tot Bloei!,C2,2025-01-06,2025-03-31,',
      'Dana,telegram,333,pl,nergens,De Wijk Werkt!,C1,2025-04-01,2025-03-31,9',
      'Anna,telegram,111,nl,stratum,De Wijk Werkt!,C1,2025-01-06,2025-03-31,2',
      'Ed,fax,444,nl,stratum,cursus,C1,2025-01-06,2025-03-31,',
    ].join('\n');
    const report = await importCohort(createStore(db.prisma), csv, { languages, now });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      'line 3: language "xx" is not one of nl, en, ar, tr, pl, uk',
      'line 4: address "0612345678" is not a phone number in E.164 (+31612345678)',
      'line 5: wijk "nergens" is unknown (known: centrum, gestel, stratum, strijp-meerhoven, tongelre, woensel-zuidwest, woensel-noord)',
      'line 5: end_date is before start_date',
      'line 5: ladder_start "9" is not a step from 1 to 6',
      'line 6: the same person is already in cohort "C1" on line 2',
      'line 7: channel "fax" is not telegram or whatsapp',
      'line 7: training "cursus" is not De Wijk Werkt!, Kom tot Bloei! or other',
    ]);
    expect(await counts()).toEqual({
      contacts: 0,
      identities: 0,
      cohorts: 0,
      enrolments: 0,
      followUps: 0,
    });
  });

  it('reports a missing column on line 1', async () => {
    const report = await importCohort(createStore(db.prisma), 'first_name,channel\nA,telegram', {
      languages,
      now,
    });
    expect(report.errors[0]).toMatch(/^line 1: missing column\(s\) address, language/);
  });

  it('a dry run validates and counts, but stores nothing', async () => {
    const report = await importCohort(createStore(db.prisma), example, {
      languages,
      now,
      dryRun: true,
    });
    expect(report).toMatchObject({ ok: true, rows: 4, newContacts: 4, newEnrolments: 4 });
    expect((await counts()).contacts).toBe(0);
  });

  it('imports the example file, and schedules each follow-up a year after the end date', async () => {
    const report = await importCohort(createStore(db.prisma), example, { languages, now });
    expect(report).toMatchObject({ ok: true, rows: 4, newContacts: 4, newEnrolments: 4, late: 0 });
    expect(await counts()).toEqual({
      contacts: 4,
      identities: 4,
      cohorts: 2,
      enrolments: 4,
      followUps: 4,
    });
    const fatima = await db.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'whatsapp', externalId: '31612345678@c.us' } },
      include: {
        contact: { include: { enrolments: { include: { followUp: true, cohort: true } } } },
      },
    });
    expect(fatima.contact).toMatchObject({
      firstName: 'Fatima',
      language: 'ar',
      wijk: 'woensel-zuidwest',
    });
    const enrolment = fatima.contact.enrolments[0]!;
    expect(enrolment).toMatchObject({ ladderStart: 1, cohort: { training: 'dww' } });
    // Ended 28 April 2025: due 28 April 2026 at 10:00 in Amsterdam (summer time).
    expect(enrolment.followUp).toMatchObject({
      dueAt: new Date('2026-04-28T08:00:00Z'),
      nextAt: new Date('2026-04-28T08:00:00Z'),
      late: false,
      status: 'scheduled',
      stage: 'initial',
    });
    const olena = await db.prisma.followUp.findFirstOrThrow({
      where: { enrolment: { contact: { firstName: 'Olena' } } },
    });
    // Ended 6 October 2025: due 6 October 2026, not late on 2 March 2026.
    expect(olena.late).toBe(false);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts();
    const report = await importCohort(createStore(db.prisma), example, { languages, now });
    expect(report).toMatchObject({ ok: true, newContacts: 0, newEnrolments: 0 });
    expect(await counts()).toEqual(before);
  });

  it('marks a follow-up imported after its date as late and sends it at the next allowed slot', async () => {
    const csv = [header, 'Gert,telegram,555,nl,centrum,other,Oud,2024-01-08,2024-02-29,'].join(
      '\n',
    );
    // Sunday 1 March 2026, 12:00: next slot is Monday 09:00.
    const sunday = new Date('2026-03-01T11:00:00Z');
    const report = await importCohort(createStore(db.prisma), csv, { languages, now: sunday });
    expect(report).toMatchObject({ ok: true, late: 1 });
    const followUp = await db.prisma.followUp.findFirstOrThrow({
      where: { enrolment: { contact: { firstName: 'Gert' } } },
    });
    expect(followUp).toMatchObject({
      late: true,
      dueAt: new Date('2025-02-28T09:00:00Z'),
      nextAt: new Date('2026-03-02T08:00:00Z'),
    });
  });
});
