import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { checkEdit, checkWording, maxTextLength } from '../../src/texts/check-text.js';
import { checkShippedTexts } from '../../src/texts/check-shipped-texts.js';
import { TextCatalog, translationStatuses } from '../../src/texts/text-catalog.js';
import { consentKeys } from '../../src/texts/text-editability.js';
import {
  describeTextRefusal,
  textRefusalCodes,
  type TextRefusal,
} from '../../src/texts/text-refusal.js';
import { localeTable } from '../support/locale-lexicon.js';

const catalog = new TextCatalog(localeTable, {});
const consent = consentKeys(loadFlows());
const edit = (language: string, key: string, text: string) =>
  checkEdit({ language, key, text }, catalog, consent);
const codes = (refusals: TextRefusal[]) => refusals.map((r) => r.code);

describe(checkEdit.name, () => {
  it('accepts a new Dutch wording of a question', () => {
    expect(edit('nl', 'talentenscan.energy', 'Waar word je blij van? Vertel het me!')).toEqual([]);
  });

  it('refuses a text that drops a placeholder of the Dutch text, naming it', () => {
    expect(localeTable['nl']!['handoff.claimed']).toContain('{{name}}');
    expect(edit('nl', 'handoff.claimed', 'Goed nieuws: een verbinder belt je.')).toEqual([
      { code: 'missingPlaceholder', value: '{{name}}', expected: '{{name}}' },
    ]);
    expect(edit('en', 'handoff.claimed', 'Good news: {{naam}} will contact you.')).toEqual([
      { code: 'missingPlaceholder', value: '{{name}}', expected: '{{name}}' },
      { code: 'unknownPlaceholder', value: '{{naam}}', expected: '{{name}}' },
    ]);
  });

  it('refuses braces that are not a placeholder, and nesting another text', () => {
    expect(codes(edit('nl', 'handoff.claimed', 'Verbinder {{name} belt je.'))).toContain(
      'brokenPlaceholder',
    );
    expect(codes(edit('nl', 'handoff.claimed', 'Verbinder {name} belt je {{name}}.'))).toEqual([
      'brokenPlaceholder',
    ]);
    expect(edit('nl', 'talentenscan.energy', 'Zie $t(talentenscan.skills)')).toEqual([
      { code: 'nesting', value: '$t(talentenscan.skills)' },
    ]);
  });

  it('refuses a safety message that drops a help line’s number', () => {
    const message = localeTable['nl']!['safety.message']!;
    expect(edit('nl', 'safety.message', message.replace('0800-2000', '0800-20 00'))).toEqual([
      { code: 'missingNumber', value: '0800-2000', expected: '112 113 0800-0113 0800-2000' },
    ]);
    expect(edit('nl', 'safety.message', `${message} Je bent niet alleen.`)).toEqual([]);
  });

  it('lets a plural form leave out {{count}}, but not the other placeholders', () => {
    expect(edit('nl', 'system.truncated_one', 'Je bericht was lang. Ik hield één teken.')).toEqual(
      [],
    );
    expect(codes(edit('nl', 'system.truncated_other', 'Ik hield {{count}} {{tekens}}.'))).toEqual([
      'unknownPlaceholder',
    ]);
  });

  it('refuses a plural form the language does not use, and a key that does not exist', () => {
    expect(edit('nl', 'system.truncated_few', 'Ik hield {{count}} tekens.')).toEqual([
      { code: 'pluralFormNotUsed', value: 'few', expected: 'one, other' },
    ]);
    expect(codes(edit('pl', 'system.truncated_few', 'Zachowałem {{count}} znaki.'))).toEqual([]);
    expect(codes(edit('nl', 'system.truncated', 'Te lang.'))).toEqual(['unknownKey']);
    expect(codes(edit('nl', 'talentenscan.nothing', 'Hallo'))).toEqual(['unknownKey']);
    expect(codes(edit('de', 'talentenscan.energy', 'Hallo'))).toEqual(['unknownLanguage']);
  });

  it('refuses an empty text and one longer than a chat message should be', () => {
    expect(codes(edit('nl', 'talentenscan.energy', '  \n '))).toEqual(['empty']);
    expect(edit('nl', 'talentenscan.energy', 'a'.repeat(maxTextLength + 1))).toEqual([
      { code: 'tooLong', value: String(maxTextLength + 1), expected: String(maxTextLength) },
    ]);
  });

  it('refuses a translation that is still the Dutch or English text', () => {
    const english = localeTable['en']!['talentenscan.energy']!;
    expect(codes(edit('tr', 'talentenscan.energy', english))).toEqual(['notTranslated']);
    expect(codes(edit('tr', 'language.names.pl', 'Polski'))).toEqual([]);
  });

  it('keeps word lists in their shape: one line, no empty words, bounded', () => {
    expect(edit('nl', 'keywords.menu', 'menu|begin|terug|start|opnieuw')).toEqual([]);
    expect(codes(edit('nl', 'keywords.menu', 'menu||begin'))).toEqual(['emptyWord']);
    expect(codes(edit('nl', 'keywords.menu', 'menu|begin|'))).toEqual(['emptyWord']);
    expect(codes(edit('nl', 'keywords.menu', 'menu\nbegin'))).toEqual(['lineBreakInWords']);
    expect(codes(edit('nl', 'keywords.menu', `menu|${'x'.repeat(61)}`))).toEqual(['wordTooLong']);
    expect(codes(edit('nl', 'common.yesWords', Array(101).fill('ja').join('|')))).toEqual([
      'tooManyWords',
    ]);
  });

  it('refuses a word that already means something else where it is heard', () => {
    expect(edit('nl', 'keywords.menu', 'menu|begin|stop')).toEqual([
      { code: 'wordClash', value: 'stop', expected: 'keywords.stop' },
    ]);
    // A Turkish resident is understood in Dutch too: "ja" is yes.
    expect(edit('tr', 'common.noWords', `${localeTable['tr']!['common.noWords']}|ja`)).toEqual([
      { code: 'wordClash', value: 'ja', expected: 'common.yesWords' },
    ]);
    // Polish is not heard by a Turkish resident: a Polish keyword may be a Turkish word.
    const polishStop = 'przestań';
    expect(localeTable['pl']!['keywords.stop']).toContain(polishStop);
    expect(
      edit('tr', 'keywords.menu', `${localeTable['tr']!['keywords.menu']}|${polishStop}`),
    ).toEqual([]);
  });

  it('keeps staff texts and consent questions out of the editor; safety phrases are no texts', () => {
    expect(codes(edit('nl', 'web.nav.inbox', 'Inbox'))).toEqual(['notEditable']);
    expect(codes(edit('nl', 'staff.summaryLine', '{{field}}: {{value}}'))).toEqual(['notEditable']);
    expect(codes(edit('nl', 'safety.phrases.danger', 'gevaar|help'))).toEqual(['unknownKey']);
    expect([...consent].sort()).toEqual([
      'followUp.consent',
      'onboarding.consent',
      'onboarding.monitoring',
    ]);
    expect(codes(edit('nl', 'onboarding.consent', 'Mag ik je gegevens bewaren?'))).toEqual([
      'consentText',
    ]);
  });
});

describe(checkWording.name, () => {
  it('holds for every shipped text in every language (part of flows:check)', () => {
    expect(checkShippedTexts(localeTable)).toEqual([]);
  });

  it('names the language and key of a shipped text that breaks a rule', () => {
    const table = structuredClone(localeTable);
    table['uk']!['handoff.claimed'] = 'Добра новина: вам зателефонує верб.';
    expect(checkShippedTexts(table)).toEqual([
      'key handoff.claimed (uk): {{name}} is missing (the Dutch text has {{name}})',
    ]);
  });
});

describe(describeTextRefusal.name, () => {
  it.each(textRefusalCodes)('words %s in English', (code) => {
    const line = describeTextRefusal({ code, value: 'v', expected: 'e' });
    expect(line.length).toBeGreaterThan(10);
  });
});

describe('the editor’s own words', () => {
  it.each(Object.keys(localeTable))('word every refusal and status in %s', (language) => {
    for (const code of textRefusalCodes) {
      expect(localeTable[language]![`texts.refusal.${code}`]?.trim()).toBeTruthy();
    }
    for (const status of translationStatuses) {
      expect(localeTable[language]![`texts.status.${status}`]?.trim()).toBeTruthy();
    }
  });
});
