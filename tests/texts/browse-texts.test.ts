import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { readSourceHashes, shippedSources } from '../../src/i18n/source-hashes.js';
import { browseTexts, type TextBrowse } from '../../src/texts/browse-texts.js';
import { TextCatalog } from '../../src/texts/text-catalog.js';
import { consentKeys } from '../../src/texts/text-editability.js';
import { localeTable } from '../support/locale-lexicon.js';

const flows = loadFlows();
const consent = consentKeys(flows);
const catalog = new TextCatalog(localeTable, shippedSources(readSourceHashes()));

const rows = (browse: TextBrowse) =>
  browse.groups.flatMap((g) => g.sections.flatMap((s) => s.rows.map((r) => ({ g, s, r }))));

describe(browseTexts.name, () => {
  const all = browseTexts(flows, catalog, consent);

  it('lists a question under its flow and step, in all six languages side by side', () => {
    const scan = all.groups.find((g) => g.id === 'talentenscan')!;
    expect(scan).toMatchObject({ kind: 'flow', titleKey: 'talentenscan.title' });
    expect(scan.sections[0]).toMatchObject({ step: null });
    const energy = scan.sections.find((s) => s.step === 'energy')!;
    expect(energy.rows.map((r) => r.key)).toEqual(['talentenscan.energy']);
    const row = energy.rows[0]!;
    expect(Object.keys(row.cells).sort()).toEqual(['ar', 'en', 'nl', 'pl', 'tr', 'uk']);
    expect(row.cells['nl']).toEqual({
      text: localeTable['nl']!['talentenscan.energy'],
      status: 'source',
      overridden: false,
    });
    expect(row.cells['ar']!.status).toBe('upToDate');
    const interests = scan.sections.find((s) => s.step === 'interests')!;
    expect(interests.rows.map((r) => r.key)).toContain('talentenscan.interest.cooking');
  });

  it('lists flows in their order, then the other namespaces by name, each key once', () => {
    const ids = all.groups.map((g) => g.id);
    expect(ids.slice(0, flows.size)).toEqual([...flows.keys()]);
    expect(ids).toEqual(expect.arrayContaining(['system', 'safety', 'privacy', 'keywords']));
    const keys = rows(all).map(({ r }) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const system = all.groups.find((g) => g.id === 'system')!;
    expect(system).toMatchObject({ kind: 'namespace', titleKey: null });
    expect(system.sections[0]!.rows.map((r) => r.key)).toContain('system.truncated_few');
  });

  it('leaves staff texts out, and shows consent questions as not editable', () => {
    const keys = rows(all).map(({ r }) => r.key);
    expect(keys.some((k) => /^(web|staff|commands)\./.test(k))).toBe(false);
    const find = (key: string) => rows(all).find(({ r }) => r.key === key)!.r;
    expect(find('onboarding.consent').editable).toBe(false);
    expect(keys.some((k) => k.startsWith('safety.phrases.'))).toBe(false);
    expect(find('keywords.stop')).toMatchObject({ editable: true, wordList: true });
    expect(find('talentenscan.energy').editable).toBe(true);
  });

  it('marks the forms a language does not use, so a plural row reads across languages', () => {
    const few = rows(all).find(({ r }) => r.key === 'system.truncated_few')!.r;
    expect(few.cells['nl']).toEqual({ text: null, status: 'notUsed', overridden: false });
    expect(few.cells['pl']!.status).toBe('upToDate');
  });

  it('filters by group, status in a language, and words; counts over everything', () => {
    const changed = new TextCatalog(localeTable, catalog.shippedSources, [
      {
        language: 'nl',
        key: 'talentenscan.energy',
        text: 'Waar word je vrolijk van?',
        sourceHash: null,
        revisionId: 1,
      },
    ]);
    const outdatedTr = browseTexts(flows, changed, consent, { status: 'outdated', lang: 'tr' });
    expect(rows(outdatedTr).map(({ r }) => r.key)).toEqual(['talentenscan.energy']);
    expect(outdatedTr.outdated).toEqual({ ar: 1, en: 1, nl: 0, pl: 1, tr: 1, uk: 1 });
    expect(outdatedTr.missing).toEqual({ ar: 0, en: 0, nl: 0, pl: 0, tr: 0, uk: 0 });
    const overridden = browseTexts(flows, changed, consent, { status: 'changed' });
    expect(rows(overridden).map(({ r }) => r.cells['nl'])).toEqual([
      { text: 'Waar word je vrolijk van?', status: 'source', overridden: true },
    ]);
    const search = browseTexts(flows, catalog, consent, {
      search: 'ENERGIE',
      group: 'talentenscan',
    });
    expect(rows(search).map(({ s, r }) => [s.step, r.key])).toContainEqual([
      'energy',
      'talentenscan.energy',
    ]);
    expect(search.groups.map((g) => g.id)).toEqual(['talentenscan']);
  });
});
