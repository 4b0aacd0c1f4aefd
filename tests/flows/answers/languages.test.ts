import { describe, expect, it } from 'vitest';
import { matchKeyword } from '../../../src/flows/answers/match-keyword.js';
import { keywords } from '../../../src/flows/keywords/index.js';
import { parseChoice } from '../../../src/flows/answers/parse-choice.js';
import { parseMulti } from '../../../src/flows/answers/parse-multi.js';
import { parseNumber } from '../../../src/flows/answers/parse-number.js';
import { parseYesNo } from '../../../src/flows/answers/parse-yes-no.js';
import { words } from '../../../src/flows/lexicon.js';
import { localeLexicon, localeTable } from '../../support/locale-lexicon.js';

const languages = Object.keys(localeTable);

describe('answers in every language', () => {
  it('has the six languages', () => {
    expect(languages.sort()).toEqual(['ar', 'en', 'nl', 'pl', 'tr', 'uk']);
  });

  it.each([
    ['ar', 'نعم', 'لا'],
    ['tr', 'Evet', 'hayır'],
    ['tr', 'evet', 'hayir'],
    ['pl', 'Tak', 'nie'],
    ['uk', 'так', 'ні'],
    ['nl', 'ja', 'nee'],
    ['en', 'yes', 'no'],
  ])('%s understands yes (%s) and no (%s)', (language, yes, no) => {
    const yesWords = words(localeLexicon, 'common.yesWords', [language]);
    const noWords = words(localeLexicon, 'common.noWords', [language]);
    expect(parseYesNo(yes, yesWords, noWords)).toBe('yes');
    expect(parseYesNo(no, yesWords, noWords)).toBe('no');
  });

  it.each(languages)('%s: every yes and no word parses, and none is both', (language) => {
    const yesWords = words(localeLexicon, 'common.yesWords', [language]);
    const noWords = words(localeLexicon, 'common.noWords', [language]);
    for (const w of yesWords) expect(parseYesNo(w, yesWords, noWords), w).toBe('yes');
    for (const w of noWords.filter((w) => w !== '1')) {
      expect(parseYesNo(w, yesWords, noWords), w).toBe('no');
    }
  });

  it.each(languages)(
    '%s: every keyword is understood, and Dutch and English ones always',
    (language) => {
      for (const keyword of keywords) {
        for (const word of words(localeLexicon, `keywords.${keyword}`, [language])) {
          expect(matchKeyword(word, localeLexicon, language), `${language} ${word}`).toBe(keyword);
        }
      }
      expect(matchKeyword('stop', localeLexicon, language)).toBe('stop');
      expect(matchKeyword('taal', localeLexicon, language)).toBe('language');
      expect(matchKeyword('verbinder', localeLexicon, language)).toBe('person');
    },
  );

  it.each([
    ['ar', 'توقف', 'stop'],
    ['tr', 'dur', 'stop'],
    ['pl', 'przestań', 'stop'],
    ['uk', 'стоп', 'stop'],
  ])('%s: %s means %s', (language, word, keyword) => {
    expect(matchKeyword(word, localeLexicon, language)).toBe(keyword);
  });

  it('reads Arabic-Indic and Persian digits as numbers and as choices', () => {
    const choices = [1, 2, 3].map((n) => ({ id: `c${n}`, labels: [`label ${n}`] }));
    expect(parseNumber('١٥', 0, 99)).toBe(15);
    expect(parseNumber('۱۵', 0, 99)).toBe(15);
    expect(parseChoice('٢', choices)).toBe('c2');
    expect(parseMulti('١، ٣', choices, words(localeLexicon, 'common.and', ['ar']))).toEqual([
      'c1',
      'c3',
    ]);
    expect(parseMulti('1 و 3', choices, words(localeLexicon, 'common.and', ['ar']))).toEqual([
      'c1',
      'c3',
    ]);
    expect(parseMulti('1 ve 2', choices, words(localeLexicon, 'common.and', ['tr']))).toEqual([
      'c1',
      'c2',
    ]);
  });
});
