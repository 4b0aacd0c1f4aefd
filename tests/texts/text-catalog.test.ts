import { describe, expect, it } from 'vitest';
import { readSourceHashes, shippedSources } from '../../src/i18n/source-hashes.js';
import { textHash } from '../../src/texts/source-hash.js';
import { TextCatalog, type TextOverride } from '../../src/texts/text-catalog.js';
import { localeTable } from '../support/locale-lexicon.js';

const sources = shippedSources(readSourceHashes());
const key = 'talentenscan.energy';
const dutch = localeTable['nl']![key]!;

function override(language: string, text: string, sourceHash: string | null): TextOverride {
  return { language, key, text, sourceHash, revisionId: 1 };
}

describe(TextCatalog.name, () => {
  it('serves the shipped texts, every translation up to date with the Dutch text', () => {
    const catalog = new TextCatalog(localeTable, sources);
    expect(catalog.text('en', key)).toBe(localeTable['en']![key]);
    expect(catalog.status('nl', key)).toBe('source');
    for (const language of ['en', 'ar', 'tr', 'pl', 'uk']) {
      expect(catalog.status(language, key)).toBe('upToDate');
    }
  });

  it('marks every translation outdated once a coordinator changes the Dutch text', () => {
    const catalog = new TextCatalog(localeTable, sources, [
      override('nl', 'Waar word je vrolijk van?', null),
    ]);
    expect(catalog.text('nl', key)).toBe('Waar word je vrolijk van?');
    for (const language of ['en', 'ar', 'tr', 'pl', 'uk']) {
      expect(catalog.status(language, key)).toBe('outdated');
    }
  });

  it('counts a translation saved after the Dutch change as up to date, the others not', () => {
    const changed = 'Waar word je vrolijk van?';
    const catalog = new TextCatalog(localeTable, sources, [
      override('nl', changed, null),
      override('en', 'What makes you cheerful?', textHash(changed)),
      override('tr', 'Seni ne mutlu eder?', textHash(dutch)),
    ]);
    expect(catalog.status('en', key)).toBe('upToDate');
    expect(catalog.status('tr', key)).toBe('outdated');
    expect(catalog.status('pl', key)).toBe('outdated');
  });

  it('marks a shipped translation outdated when the shipped Dutch text moved on', () => {
    const table = structuredClone(localeTable);
    table['nl']![key] = 'Wat geeft je energie?';
    const catalog = new TextCatalog(table, sources);
    expect(catalog.status('uk', key)).toBe('outdated');
  });

  it('follows all Dutch plural forms for a form Dutch does not have', () => {
    const catalog = new TextCatalog(localeTable, sources, [
      {
        language: 'nl',
        key: 'system.truncated_other',
        text: 'Je bericht was te lang. Ik hield {{count}} tekens.',
        sourceHash: null,
        revisionId: 2,
      },
    ]);
    expect(catalog.status('ar', 'system.truncated_few')).toBe('outdated');
    expect(catalog.status('pl', 'system.truncated_one')).toBe('outdated');
    expect(catalog.status('nl', 'system.truncated_few')).toBe('notUsed');
  });

  it('reports a text missing in a language', () => {
    const table = structuredClone(localeTable);
    delete table['tr']![key];
    expect(new TextCatalog(table, sources).status('tr', key)).toBe('missing');
  });
});
