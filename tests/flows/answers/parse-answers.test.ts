import { describe, expect, it } from 'vitest';
import { matchKeyword, isUnknownCommand } from '../../../src/flows/answers/match-keyword.js';
import { normalize, toAsciiDigits } from '../../../src/flows/answers/normalize.js';
import { parseChoice } from '../../../src/flows/answers/parse-choice.js';
import { parseMulti } from '../../../src/flows/answers/parse-multi.js';
import { parseNumber } from '../../../src/flows/answers/parse-number.js';
import { parseText } from '../../../src/flows/answers/parse-text.js';
import { parseYesNo } from '../../../src/flows/answers/parse-yes-no.js';
import { localeLexicon } from '../../support/locale-lexicon.js';

const choices = [
  { id: 'cooking', labels: ['Koken of bakken', 'Cooking or baking'] },
  { id: 'garden', labels: ['Tuinieren', 'Gardening'] },
  { id: 'creative', labels: ['Iets creatiefs maken', 'Making something creative'] },
];

describe(normalize.name, () => {
  it('ignores case, accents, direction marks, surrounding punctuation and extra spaces', () => {
    expect(normalize('  Ça   VA!! ')).toBe('ca va');
    expect(normalize('\u200Fja\u200E.')).toBe('ja');
    expect(normalize('Één')).toBe('een');
  });

  it('turns Arabic-Indic and Persian digits into ASCII', () => {
    expect(toAsciiDigits('١٢٣')).toBe('123');
    expect(toAsciiDigits('۴۵')).toBe('45');
  });

  it('neutralises lone surrogates and control characters', () => {
    expect(normalize('ja\u0000\uD800')).toBe('ja');
  });
});

describe(parseChoice.name, () => {
  it('takes a number within the list', () => {
    expect(parseChoice('2', choices)).toBe('garden');
    expect(parseChoice('٣', choices)).toBe('creative');
    expect(parseChoice('4', choices)).toBeNull();
    expect(parseChoice('0', choices)).toBeNull();
  });

  it('takes a label in any case, without accents, or its unambiguous start', () => {
    expect(parseChoice('TUINIEREN', choices)).toBe('garden');
    expect(parseChoice('gardening', choices)).toBe('garden');
    expect(parseChoice('koken', choices)).toBe('cooking');
    expect(parseChoice('ik', choices)).toBeNull();
  });

  it('refuses nonsense and empty input', () => {
    expect(parseChoice('blabla', choices)).toBeNull();
    expect(parseChoice('   ', choices)).toBeNull();
  });
});

describe(parseMulti.name, () => {
  it('takes several numbers or labels, without duplicates', () => {
    expect(parseMulti('1, 3', choices, ['en'])).toEqual(['cooking', 'creative']);
    expect(parseMulti('1 3 1', choices, ['en'])).toEqual(['cooking', 'creative']);
    expect(parseMulti('tuinieren en koken', choices, ['en'])).toEqual(['garden', 'cooking']);
  });

  it('refuses the whole answer when one part is not understood', () => {
    expect(parseMulti('1, 9', choices, ['en'])).toBeNull();
  });
});

describe(parseYesNo.name, () => {
  it('understands yes and no words and the numbers 1 and 2', () => {
    const yes = ['ja', 'jazeker'];
    const no = ['nee', 'liever niet'];
    expect(parseYesNo('Ja!', yes, no)).toBe('yes');
    expect(parseYesNo('liever NIET', yes, no)).toBe('no');
    expect(parseYesNo('1', yes, no)).toBe('yes');
    expect(parseYesNo('2', yes, no)).toBe('no');
    expect(parseYesNo('misschien', yes, no)).toBeNull();
  });

  it('takes a word stretched for emphasis, never a shorter word that squeezes to the same', () => {
    const yes = ['ja', 'evet'];
    const no = ['nee', 'hayır'];
    expect(parseYesNo('neeee', yes, no)).toBe('no');
    expect(parseYesNo('jaaa hoor', yes, no)).toBe('yes');
    // Turkish "ne" is "what", not the Dutch "nee": a question back is asked again.
    expect(parseYesNo('ne demek istiyorsun?', yes, no)).toBeNull();
    expect(parseYesNo('ne?', yes, no)).toBeNull();
  });
});

describe(parseNumber.name, () => {
  it('takes whole numbers in range, in any digits', () => {
    expect(parseNumber('42', 0, 120)).toBe(42);
    expect(parseNumber('٤٢', 0, 120)).toBe(42);
    expect(parseNumber('121', 0, 120)).toBeNull();
    expect(parseNumber('4.5', 0, 120)).toBeNull();
    expect(parseNumber('veel', 0, 120)).toBeNull();
  });
});

describe(parseText.name, () => {
  it('needs at least one letter or digit', () => {
    expect(parseText('  ', 100)).toBeNull();
    expect(parseText('😀🌻', 100)).toBeNull();
    expect(parseText('مرحبا', 100)).toEqual({ value: 'مرحبا', truncated: false });
  });

  it('keeps long answers up to the limit and says so', () => {
    const answer = parseText('a'.repeat(4000), 2000);
    expect(answer).toEqual({ value: 'a'.repeat(2000), truncated: true });
  });
});

describe(matchKeyword.name, () => {
  it('recognises keywords in the resident language and always in Dutch and English', () => {
    expect(matchKeyword('STOP', localeLexicon, 'nl')).toBe('stop');
    expect(matchKeyword('taal', localeLexicon, 'en')).toBe('language');
    expect(matchKeyword('language', localeLexicon, 'nl')).toBe('language');
    expect(matchKeyword('hulp', localeLexicon, 'nl')).toBe('help');
    expect(matchKeyword('verbinder', localeLexicon, 'nl')).toBe('person');
    expect(matchKeyword('person', localeLexicon, 'nl')).toBe('person');
    expect(matchKeyword('/stop', localeLexicon, 'nl')).toBe('stop');
    expect(matchKeyword('/menu@BloeiBot', localeLexicon, 'nl')).toBe('menu');
  });

  it('does not fire inside a sentence', () => {
    expect(matchKeyword('ik wil niet stoppen met koken', localeLexicon, 'nl')).toBeNull();
  });

  it('tells unknown commands from text', () => {
    expect(isUnknownCommand('/foo')).toBe(true);
    expect(isUnknownCommand('1/2 uur')).toBe(false);
  });
});

describe('negative numbers', () => {
  it('are not read as their absolute value', () => {
    expect(parseNumber('-1', 0, 10)).toBeNull();
    expect(parseNumber('-1', -5, 10)).toBe(-1);
    expect(parseChoice('-1', choices)).toBeNull();
  });
});

describe('long hostile input', () => {
  it('normalises 64 KiB of emoji between words in linear time', () => {
    expect(normalize(`Hi ${'🙂'.repeat(32766)} ok`)).toBe(`hi ${'🙂'.repeat(32766)} ok`);
    expect(normalize(`ok ${'!'.repeat(60000)}`)).toBe('ok');
  });
});
