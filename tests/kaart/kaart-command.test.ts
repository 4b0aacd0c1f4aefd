import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kaartCommand, type KaartCommandDeps } from '../../src/kaart/kaart-command.js';
import { PrismaOfferRepository } from '../../src/store/offer-repository.js';
import { seededWijken } from '../support/seeded-wijken.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const examplePath = join(import.meta.dirname, '../../examples/sociale-kaart-voorbeeld.csv');
const header = 'name,wijk,interests,description,when,where,contact,languages';
const importedAt = new Date('2026-12-07T09:00:00Z');

describe(kaartCommand.name, () => {
  let db: TestDatabase;
  let dir: string;
  let deps: KaartCommandDeps;
  let now: Date;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(os.tmpdir(), 'kaart-'));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await db.prisma.offer.deleteMany();
    now = importedAt;
    deps = {
      offers: new PrismaOfferRepository(db.prisma),
      readFile: (path) => readFile(path, 'utf8'),
      writeFile: (path, text) => writeFile(path, text, 'utf8'),
      clock: () => now,
    };
  });
  const file = async (name: string, lines: string[]) => {
    const path = join(dir, name);
    await writeFile(path, lines.join('\n') + '\n', 'utf8');
    return path;
  };
  const snapshot = async () =>
    db.prisma.offer.findMany({
      include: { translations: { orderBy: { language: 'asc' } } },
      orderBy: [{ wijk: 'asc' }, { name: 'asc' }],
    });

  it('imports the example kaart: every seeded wijk, the trainings city-wide, translations', async () => {
    const result = await kaartCommand(['import', examplePath], deps);
    expect(result.exitCode).toBe(0);
    expect(result.lines.at(-1)).toBe('Imported 26 lines: 26 new, 0 updated, 0 unchanged.');
    const offers = await snapshot();
    expect(offers).toHaveLength(26);
    expect(offers.every((o) => o.name.endsWith('(voorbeeld)'))).toBe(true);
    for (const wijk of seededWijken) {
      const here = offers.filter((o) => o.wijk === wijk.id);
      expect(here.length, wijk.id).toBeGreaterThanOrEqual(3);
      expect(new Set(here.flatMap((o) => o.interests)).size, wijk.id).toBeGreaterThanOrEqual(4);
    }
    const trainings = offers.filter((o) => o.kind === 'training');
    expect(trainings.map((o) => [o.training, o.wijk])).toEqual([
      ['dww', 'all'],
      ['dww', 'all'],
      ['ktb', 'all'],
    ]);
    expect(trainings.every((o) => o.nextStart !== null)).toBe(true);
    const spoken = new Set(offers.flatMap((o) => o.languages));
    expect([...spoken].filter((l) => l !== 'nl').length).toBeGreaterThanOrEqual(4);
    expect(new Set(offers.map((o) => o.wheelchair))).toEqual(new Set([true, false, null]));
    const kookcafe = offers.find((o) => o.name === 'Kookcafé De Pollepel (voorbeeld)')!;
    expect(kookcafe).toMatchObject({ wijk: 'stratum', interests: ['cooking', 'organising'] });
    expect(kookcafe.translations.map((t) => t.language)).toEqual(['ar', 'en']);
    expect(kookcafe.checkedAt).toEqual(importedAt);
  });

  it('refuses a file with an unknown wijk, naming its line, and stores nothing', async () => {
    const path = await file('wrong-wijk.csv', [
      header,
      'Kookcafé,stratum,cooking,Samen koken,di,Buurthuis,kook@example.org,nl',
      'Tuin,stratumm,garden,Samen tuinieren,wo,Tuin,tuin@example.org,nl',
    ]);
    const result = await kaartCommand(['import', path], deps);
    expect(result).toEqual({
      lines: [
        'line 3: wijk "stratumm" is unknown (known: all, centrum, gestel, stratum, strijp-meerhoven, tongelre, woensel-zuidwest, woensel-noord)',
        'Nothing was imported: 1 problem(s).',
      ],
      exitCode: 1,
    });
    expect(await db.prisma.offer.count()).toBe(0);
  });

  it('stores nothing in a dry run, and says what an import would do', async () => {
    const result = await kaartCommand(['import', examplePath, '--dry-run'], deps);
    expect(result.exitCode).toBe(0);
    expect(result.lines).toContain('line 8: new  Kookcafé De Pollepel (voorbeeld) (stratum)');
    expect(result.lines.at(-1)).toBe(
      'Dry run, nothing was stored: 26 lines would give 26 new, 0 updated, 0 unchanged.',
    );
    expect(await db.prisma.offer.count()).toBe(0);
  });

  it('updates an offer by name and wijk on re-import, never a second one', async () => {
    await kaartCommand(['import', examplePath], deps);
    const before = await db.prisma.offer.findUniqueOrThrow({
      where: { name_wijk: { name: 'Kookcafé De Pollepel (voorbeeld)', wijk: 'stratum' } },
    });
    now = new Date('2027-01-10T09:00:00Z');
    const path = await file('update.csv', [
      header,
      'Kookcafé De Pollepel (voorbeeld),stratum,cooking;organising,Nu op woensdag,woensdag 16.00–20.00,Buurthuis Voorbeeldstraat 12,kookcafe@example.org,nl;ar;tr',
      'Nieuwe plek (voorbeeld),stratum,garden,Iets nieuws,,,,nl',
    ]);
    const result = await kaartCommand(['import', path], deps);
    expect(result.lines).toEqual([
      'line 2: updated  Kookcafé De Pollepel (voorbeeld) (stratum): description, when, where',
      'line 3: new  Nieuwe plek (voorbeeld) (stratum)',
      'Imported 2 lines: 1 new, 1 updated, 0 unchanged.',
    ]);
    expect(await db.prisma.offer.count()).toBe(27);
    const after = await db.prisma.offer.findUniqueOrThrow({
      where: { id: before.id },
      include: { translations: true },
    });
    // Columns the file leaves out stay as they were; an edit counts as a check.
    expect(after).toMatchObject({
      description: 'Nu op woensdag',
      volunteerTask: before.volunteerTask,
      wheelchair: true,
      checkedAt: now,
    });
    expect(after.translations).toHaveLength(2);
    const again = await kaartCommand(['import', path], deps);
    expect(again.lines).toEqual(['Imported 2 lines: 0 new, 0 updated, 2 unchanged.']);
  });

  it('exports what imports again without any change', async () => {
    await kaartCommand(['import', examplePath], deps);
    const wilma = await db.prisma.verbinder.create({
      data: { name: 'Wilma', wijkId: 'stratum', login: 'wilma' },
    });
    await db.prisma.offer.updateMany({
      where: { wijk: 'stratum' },
      data: { ownerId: wilma.id, contact: '+31 40 000 0000', description: '- met een streepje' },
    });
    await db.prisma.offer.updateMany({ where: { wijk: 'gestel' }, data: { active: false } });
    const before = await snapshot();

    now = new Date('2027-02-01T09:00:00Z');
    const exported = join(dir, 'export.csv');
    expect(await kaartCommand(['export', exported], deps)).toEqual({
      lines: [`Exported 26 offers to ${exported}.`],
      exitCode: 0,
    });
    const csv = readFileSync(exported, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      `${header},kind,training,next_start,volunteer_task,time,wheelchair,bus_stop,from_home,owner,last_checked,active,description_ar,when_ar,where_ar,volunteer_task_ar,description_en,when_en,where_en,volunteer_task_en`,
    );
    expect(csv).toContain(",'+31 40 000 0000,");

    const result = await kaartCommand(['import', exported], deps);
    expect(result.lines).toEqual(['Imported 26 lines: 0 new, 0 updated, 26 unchanged.']);
    expect(await snapshot()).toEqual(before);

    const printed = await kaartCommand(['export'], deps);
    expect(printed.lines).toEqual([csv.trimEnd()]);
  });

  it('clears a translation with an empty cell and keeps the others', async () => {
    await kaartCommand(['import', examplePath], deps);
    const path = await file('clear.csv', [
      `${header},description_en`,
      'Kookcafé De Pollepel (voorbeeld),stratum,cooking;organising,"Elke dinsdag koken buurtbewoners samen een maaltijd en eten daarna samen. Meehelpen mag, meeëten ook (3 euro).",dinsdag 16.00–20.00,"Buurthuis Voorbeeldstraat 12, Stratum",kookcafe@example.org,nl;ar;tr,',
    ]);
    const result = await kaartCommand(['import', path], deps);
    expect(result.lines[0]).toBe(
      'line 2: updated  Kookcafé De Pollepel (voorbeeld) (stratum): description_en',
    );
    const translations = await db.prisma.offerTranslation.findMany({
      where: { offer: { name: 'Kookcafé De Pollepel (voorbeeld)' } },
      orderBy: { language: 'asc' },
    });
    expect(
      translations.map((t) => [t.language, t.description !== null, t.schedule !== null]),
    ).toEqual([
      ['ar', true, true],
      ['en', false, true],
    ]);
  });

  it('lists the offers due for a check, and takes "still correct" for one', async () => {
    await kaartCommand(['import', examplePath], deps);
    expect((await kaartCommand(['stale'], deps)).lines).toEqual([
      'Every offer on the kaart is current.',
    ]);
    now = new Date('2027-07-01T09:00:00Z');
    const stale = await kaartCommand(['stale'], deps);
    expect(stale.lines[0]).toBe('coordinators:');
    expect(stale.lines).toHaveLength(27);
    expect(stale.lines).toContainEqual(
      expect.stringMatching(
        /^ {2}\S+ {2}Kom tot Bloei! \(voorbeeld\) \(all\) {2}checked 2026-12-07 {2}notChecked, startPassed$/,
      ),
    );
    const id = stale.lines[1]!.trim().split(' ')[0]!;
    expect(await kaartCommand(['confirm', id], deps)).toEqual({
      lines: ['Marked as still correct.'],
      exitCode: 0,
    });
    expect((await kaartCommand(['stale'], deps)).lines).toHaveLength(26);
    expect((await kaartCommand(['confirm', 'no-such-id'], deps)).exitCode).toBe(1);
  });

  it('answers a wrong command with how to use it', async () => {
    expect((await kaartCommand(['import'], deps)).exitCode).toBe(2);
    expect((await kaartCommand(['sync'], deps)).exitCode).toBe(2);
    const missing = await kaartCommand(['import', join(dir, 'nope.csv')], deps);
    expect(missing.exitCode).toBe(1);
    expect(missing.lines[0]).toMatch(/^Cannot read .*nope\.csv/);
  });
});
