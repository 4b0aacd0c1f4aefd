import { createStore } from '../../src/store/store.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVerbinder } from '../../src/handoff/verbinder-admin.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { localeTable } from '../support/locale-lexicon.js';

const energy = 'talentenscan.energy';
const shippedEnergy = localeTable['nl']![energy]!;
const refreshEveryMs = 5_000;

/** The first question of a new resident's talentenscan, as the simulator shows it. */
async function firstScanQuestion(app: TestApp, resident: string): Promise<string> {
  const replies = await say(app, resident, ...consentNl, '1');
  return replies.at(-1)!.text;
}

describe('the texts editor on PostgreSQL', () => {
  let db: TestDatabase;
  let app: TestApp;
  let coordinator: string;
  let verbinder: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { texts: { refreshEveryMs, tickMs: 10 } });
    const now = app.clock.now();
    coordinator = (
      await addVerbinder(createStore(db.prisma), { name: 'Cora', role: 'coordinator' }, now)
    ).verbinder.id;
    verbinder = (
      await addVerbinder(createStore(db.prisma), { name: 'Wilma', wijk: 'stratum' }, now)
    ).verbinder.id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('shows a coordinator’s new Dutch wording in a new resident’s scan, without a restart', async () => {
    expect(await firstScanQuestion(app, 'before-edit')).toBe(shippedEnergy);
    const saved = await app.texts.saveText({
      lang: 'nl',
      key: energy,
      text: 'Waar word je blij van? Vertel het me!',
      staffId: coordinator,
    });
    expect(saved).toMatchObject({ ok: true, revision: { kind: 'save', before: null } });
    expect(await firstScanQuestion(app, 'after-edit')).toBe(
      'Waar word je blij van? Vertel het me!',
    );
    expect(await app.texts.editableText('nl', energy)).toMatchObject({
      text: 'Waar word je blij van? Vertel het me!',
      shipped: shippedEnergy,
      status: 'source',
      place: { group: 'talentenscan', step: 'energy' },
      placeholders: { required: [], allowed: [] },
      notEditable: null,
    });
    expect(await app.texts.editableText('ar', 'system.truncated_few')).toMatchObject({
      placeholders: { required: [], allowed: ['{{count}}'] },
      dutch: null,
      place: { group: 'system', step: null },
    });
    expect((await app.texts.editableText('nl', 'onboarding.consent'))?.notEditable).toBe(
      'consentText',
    );
    expect(await app.texts.editableText('nl', 'system.truncated_few')).toBeNull();
    expect(await app.texts.editableText('nl', 'web.nav.skip')).toBeNull();
    expect(await app.texts.editableText('de', energy)).toBeNull();
  });

  it('reaches another process on the same database after its freshness interval', async () => {
    const other = await createTestApp(db.url, { texts: { refreshEveryMs, tickMs: 10 } });
    try {
      expect(await firstScanQuestion(other, 'other-1')).toBe(
        'Waar word je blij van? Vertel het me!',
      );
      const saved = await app.texts.saveText({
        lang: 'nl',
        key: energy,
        text: 'Wat maakt jou blij?',
        staffId: coordinator,
      });
      expect(saved.ok).toBe(true);
      // Its clock has not moved: it has not asked the database again, and serves what it had.
      expect(await firstScanQuestion(other, 'other-2')).toBe(
        'Waar word je blij van? Vertel het me!',
      );
      other.clock.advance(refreshEveryMs);
      await waitFor(() => other.liveTexts.catalog.version === app.liveTexts.catalog.version);
      expect(await firstScanQuestion(other, 'other-3')).toBe('Wat maakt jou blij?');
    } finally {
      await other.close();
    }
  });

  it('queues saves from two processes on one text, each revision starting where the last ended', async () => {
    const other = await createTestApp(db.url, { texts: { refreshEveryMs, tickMs: 10 } });
    const key = 'talentenscan.forOthers';
    try {
      const wordings = Array.from(
        { length: 8 },
        (_, i) => `Wat wil je voor een ander doen? (${i})`,
      );
      const results = await Promise.all(
        wordings.map((text, i) =>
          (i % 2 === 0 ? app : other).texts.saveText({
            lang: 'nl',
            key,
            text,
            staffId: coordinator,
          }),
        ),
      );
      expect(results.every((r) => r.ok && r.revision)).toBe(true);
      const history = (await app.texts.textHistory('nl', key)).reverse();
      expect(history.map((r) => r.before)).toEqual([
        null,
        ...history.slice(0, -1).map((r) => r.after),
      ]);
      expect(new Set(history.map((r) => r.after))).toEqual(new Set(wordings));
      await app.liveTexts.refresh();
      expect(app.translator.text(key, 'nl')).toBe(history.at(-1)!.after);
      await app.texts.resetText({ lang: 'nl', key, staffId: coordinator });
      expect(app.translator.text(key, 'nl')).toBe(localeTable['nl']![key]);
    } finally {
      await other.close();
    }
  });

  it('refuses an edit that drops a placeholder, and stores nothing', async () => {
    const version = app.liveTexts.catalog.version;
    const refused = await app.texts.saveText({
      lang: 'nl',
      key: 'handoff.claimed',
      text: 'Goed nieuws: een verbinder neemt contact met je op.',
      staffId: coordinator,
    });
    expect(refused).toEqual({
      ok: false,
      refusals: [{ code: 'missingPlaceholder', value: '{{name}}', expected: '{{name}}' }],
    });
    expect(await app.texts.textHistory('nl', 'handoff.claimed')).toEqual([]);
    expect(await app.liveTexts.refresh()).toBe(false);
    expect(app.liveTexts.catalog.version).toBe(version);
  });

  it('lets only an active coordinator change texts', async () => {
    const refused = await app.texts.saveText({
      lang: 'nl',
      key: 'talentenscan.skills',
      text: 'Waar ben je goed in?',
      staffId: verbinder,
    });
    expect(refused).toEqual({ ok: false, refusals: [{ code: 'notAllowed' }] });
    const unknown = await app.texts.saveText({
      lang: 'nl',
      key: 'talentenscan.skills',
      text: 'Waar ben je goed in?',
      staffId: 'nobody',
    });
    expect(unknown.ok).toBe(false);
  });

  it('keeps every change with who, when, before and after, and reverts one by a new revision', async () => {
    const key = 'talentenscan.skills';
    const shipped = localeTable['nl']![key]!;
    const save = (text: string) =>
      app.texts.saveText({ lang: 'nl', key, text, staffId: coordinator });
    const first = await save('Waar ben je goed in?');
    app.clock.advance(60_000);
    const second = await save('Wat kun je goed?');
    if (!first.ok || !second.ok) throw new Error('saves refused');
    expect(app.translator.text(key, 'nl')).toBe('Wat kun je goed?');

    const undone = await app.texts.revertText(second.revision!.id, coordinator);
    expect(undone).toMatchObject({
      ok: true,
      revision: { kind: 'revert', revertOf: second.revision!.id, after: 'Waar ben je goed in?' },
    });
    expect(app.translator.text(key, 'nl')).toBe('Waar ben je goed in?');

    const backToShipped = await app.texts.revertText(first.revision!.id, coordinator);
    expect(backToShipped).toMatchObject({
      ok: true,
      revision: { before: 'Waar ben je goed in?', after: null },
    });
    expect(app.translator.text(key, 'nl')).toBe(shipped);
    expect(await app.texts.editableText('nl', key)).toMatchObject({
      text: shipped,
      override: null,
    });

    const history = await app.texts.textHistory('nl', key);
    expect(
      history.map(({ kind, before, after, staffId, staffName }) => ({
        kind,
        before,
        after,
        staffId,
        staffName,
      })),
    ).toEqual([
      {
        kind: 'revert',
        before: 'Waar ben je goed in?',
        after: null,
        staffId: coordinator,
        staffName: 'Cora',
      },
      {
        kind: 'revert',
        before: 'Wat kun je goed?',
        after: 'Waar ben je goed in?',
        staffId: coordinator,
        staffName: 'Cora',
      },
      {
        kind: 'save',
        before: 'Waar ben je goed in?',
        after: 'Wat kun je goed?',
        staffId: coordinator,
        staffName: 'Cora',
      },
      {
        kind: 'save',
        before: null,
        after: 'Waar ben je goed in?',
        staffId: coordinator,
        staffName: 'Cora',
      },
    ]);
    expect(history[1]!.at.getTime() - history[3]!.at.getTime()).toBe(60_000);
    expect(await app.texts.revertText(999_999, coordinator)).toEqual({
      ok: false,
      refusals: [{ code: 'unknownRevision', value: '999999' }],
    });
  });

  it('saves nothing when the text already is what is asked, and drops an override equal to the shipped text', async () => {
    const key = 'talentenscan.ownWish';
    const shipped = localeTable['nl']![key]!;
    const save = (text: string) =>
      app.texts.saveText({ lang: 'nl', key, text, staffId: coordinator });
    expect(await save(`${shipped}\r\n`)).toEqual({ ok: true, revision: null });
    expect(await save('Waar wil je zelf hulp bij?')).toMatchObject({ ok: true });
    expect(await save('Waar wil je zelf hulp bij?')).toEqual({ ok: true, revision: null });
    expect(await save(shipped)).toMatchObject({
      ok: true,
      revision: { kind: 'reset', after: null },
    });
    expect(app.liveTexts.catalog.override('nl', key)).toBeUndefined();
  });

  it('marks translations outdated by a Dutch change until each is saved again', async () => {
    const statuses = async () =>
      (await app.texts.browseTexts({ group: 'talentenscan' })).groups[0]!.sections.find(
        (s) => s.step === 'energy',
      )!.rows[0]!.cells;
    expect((await statuses())['en']!.status).toBe('outdated');
    expect((await app.texts.browseTexts({ status: 'outdated', lang: 'tr' })).outdated['tr']).toBe(
      1,
    );
    expect(await app.texts.editableText('en', energy)).toMatchObject({
      status: 'outdated',
      dutch: 'Wat maakt jou blij?',
    });
    const saved = await app.texts.saveText({
      lang: 'en',
      key: energy,
      text: 'What makes you happy?',
      staffId: coordinator,
    });
    expect(saved.ok).toBe(true);
    expect((await statuses())['en']).toEqual({
      text: 'What makes you happy?',
      status: 'upToDate',
      overridden: true,
    });
    expect((await statuses())['tr']!.status).toBe('outdated');

    // A translator confirms the Turkish text still fits: saved unchanged, it follows the new Dutch.
    const turkish = localeTable['tr']![energy]!;
    await app.texts.saveText({ lang: 'tr', key: energy, text: turkish, staffId: coordinator });
    expect((await statuses())['tr']).toEqual({
      text: turkish,
      status: 'upToDate',
      overridden: true,
    });

    // Back to the shipped Dutch text: the shipped translations follow it again, the English
    // one written from the changed Dutch text is now the outdated one.
    await app.texts.resetText({ lang: 'nl', key: energy, staffId: coordinator });
    expect((await statuses())['pl']!.status).toBe('upToDate');
    expect((await statuses())['en']!.status).toBe('outdated');
  });

  it('understands a keyword a coordinator added, from the next message on', async () => {
    const resident = 'keyword';
    await say(app, resident, ...consentNl);
    const before = await say(app, resident, 'toelichting');
    const help = localeTable['nl']!['system.help'];
    expect(before.map((m) => m.text)).not.toContain(help);
    const saved = await app.texts.saveText({
      lang: 'nl',
      key: 'keywords.help',
      text: `${localeTable['nl']!['keywords.help']}|toelichting`,
      staffId: coordinator,
    });
    expect(saved.ok).toBe(true);
    const after = await say(app, resident, 'toelichting');
    expect(after.map((m) => m.text)).toContain(help);
  });
});

/** Polls a condition; the cap only guards against hanging. */
async function waitFor(condition: () => boolean, capMs = 20_000): Promise<void> {
  const deadline = Date.now() + capMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
