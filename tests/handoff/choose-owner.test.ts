import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOwner, type OwnerCandidate } from '../../src/handoff/choose-owner.js';
import { AdminError, addVerbinder } from '../../src/handoff/verbinder-admin.js';
import { say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const verbinder = (id: string, over: Partial<OwnerCandidate> = {}): OwnerCandidate => ({
  id,
  role: 'verbinder',
  wijkId: 'stratum',
  openHandoffs: 0,
  language: 'nl',
  ...over,
});
const coordinator = (id: string, over: Partial<OwnerCandidate> = {}) =>
  verbinder(id, { role: 'coordinator', wijkId: null, ...over });

describe(chooseOwner.name, () => {
  it('prefers a verbinder of the wijk who speaks the resident’s language, even when busier', () => {
    const staff = [
      verbinder('wilma', { openHandoffs: 0 }),
      verbinder('samir', { openHandoffs: 3, languages: ['ar', 'en'] }),
    ];
    expect(chooseOwner(staff, 'stratum', 'ar')).toBe('samir');
  });

  it('counts the language Bloei writes to them in as one they speak', () => {
    const staff = [verbinder('wilma'), verbinder('oksana', { language: 'uk', openHandoffs: 2 })];
    expect(chooseOwner(staff, 'stratum', 'uk')).toBe('oksana');
  });

  it('takes the least busy among those who speak the language, then the id for a tie', () => {
    const staff = [
      verbinder('b', { languages: ['tr'], openHandoffs: 2 }),
      verbinder('c', { languages: ['tr'], openHandoffs: 1 }),
      verbinder('a', { languages: ['tr'], openHandoffs: 1 }),
      verbinder('d', { openHandoffs: 0 }),
    ];
    expect(chooseOwner(staff, 'stratum', 'tr')).toBe('a');
  });

  it('falls back to the least busy of the wijk when nobody there speaks the language', () => {
    const staff = [
      verbinder('wilma', { openHandoffs: 2 }),
      verbinder('anna', { openHandoffs: 1 }),
      verbinder('samir', { wijkId: 'woensel', languages: ['pl'] }),
    ];
    expect(chooseOwner(staff, 'stratum', 'pl')).toBe('anna');
  });

  it('keeps to the wijk: a fluent verbinder elsewhere does not take it over', () => {
    const staff = [
      verbinder('wilma', { openHandoffs: 9 }),
      verbinder('x', { wijkId: 'woensel', languages: ['ar'] }),
    ];
    expect(chooseOwner(staff, 'stratum', 'ar')).toBe('wilma');
  });

  it('routes to a coordinator who speaks the language when the wijk has no verbinder', () => {
    const staff = [
      coordinator('cora', { openHandoffs: 0 }),
      coordinator('cem', { openHandoffs: 5, languages: ['tr'] }),
      verbinder('wilma', { wijkId: 'woensel' }),
    ];
    expect(chooseOwner(staff, null, 'tr')).toBe('cem');
    expect(chooseOwner(staff, 'stratum', 'nl')).toBe('cora');
  });

  it('chooses by load alone when the resident’s language is not known', () => {
    const staff = [verbinder('a', { openHandoffs: 2 }), verbinder('b', { openHandoffs: 1 })];
    expect(chooseOwner(staff, 'stratum')).toBe('b');
  });

  it('is null when nobody is linked', () => {
    expect(chooseOwner([], 'stratum', 'ar')).toBeNull();
  });
});

describe('the owner of a hand-off, over the database', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('records the languages a verbinder speaks and hands an Arabic speaker to the one who speaks it', async () => {
    const now = app.clock.now();
    const wilma = await addVerbinder(app.store, { name: 'Wilma', wijk: 'stratum' }, now);
    const samir = await addVerbinder(
      app.store,
      { name: 'Samir', wijk: 'stratum', languages: ['ar', 'en', 'ar'] },
      now,
    );
    expect(samir.verbinder.languages).toEqual(['ar', 'en']);
    await say(app, 'wilma', wilma.code);
    await say(app, 'samir', samir.code);
    // Samir is made the busier of the two; an Arabic-speaking resident still goes to him.
    await say(app, 'nl-1', 'hallo', '1', 'ja', 'nee', 'menu', 'verbinder');
    await app.prisma.handoff.updateMany({ data: { ownerId: samir.verbinder.id, wijk: 'stratum' } });
    await say(app, 'ar-1', 'مرحبا', '3', 'نعم', 'لا');
    await app.prisma.contact.updateMany({ where: { language: 'ar' }, data: { wijk: 'stratum' } });
    await say(app, 'ar-1', 'verbinder');
    const handoffs = await app.prisma.handoff.findMany({
      orderBy: { number: 'asc' },
      include: { contact: { select: { language: true } } },
    });
    expect(handoffs.map((h) => [h.contact.language, h.ownerId])).toEqual([
      ['nl', samir.verbinder.id],
      ['ar', samir.verbinder.id],
    ]);
  });

  it('refuses a language that is not a code', async () => {
    await expect(
      addVerbinder(
        app.store,
        { name: 'X', wijk: 'stratum', languages: ['Arabisch'] },
        app.clock.now(),
      ),
    ).rejects.toThrow(AdminError);
  });
});
