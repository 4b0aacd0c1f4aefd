import { describe, expect, it } from 'vitest';
import { foldWords } from '../../../src/flows/patterns/fold-words.js';
import { PatternError } from '../../../src/errors/pattern-error.js';
import { WordPattern } from '../../../src/flows/patterns/word-pattern.js';
import { PhraseBook, type LanguagePhrases } from '../../../src/flows/safety/phrase-book.js';

const matches = (pattern: string, text: string) =>
  new WordPattern(pattern).matches(foldWords(text));

describe(foldWords.name, () => {
  it('makes spellings of one word equal across scripts and keyboards', () => {
    expect(foldWords('أُفَكِّرُ فِي الانْتِحَارِ')).toEqual(foldWords('افكر في الانتحار'));
    expect(foldWords('زوجى يضربنى')).toEqual(foldWords('زوجي يضربني'));
    expect(foldWords('عنف اسرية')).toEqual(foldWords('عنف اسريه'));
    expect(foldWords('ÖLMEK İSTİYORUM')).toEqual(['olmek', 'istiyorum']);
    expect(foldWords('kendimi öldürmek')).toEqual(foldWords('kendimi oldurmek'));
    expect(foldWords('Chcę się zabić')).toEqual(['chce', 'sie', 'zabic']);
    expect(foldWords('mąż mnie bił')).toEqual(foldWords('maz mnie bil'));
    expect(foldWords("чоловік мене б'є")).toEqual(foldWords('чоловiк мене бє'));
    expect(foldWords('чоловік мене бʼє')).toEqual(foldWords("чоловик мене б'е"));
    expect(foldWords("I don't WANT")).toEqual(['i', 'dont', 'want']);
    expect(foldWords('ik wil doooood!!!')).toEqual(['ik', 'wil', 'dood']);
  });

  it('splits on punctuation, emoji and hyphens, and ignores direction marks', () => {
    expect(foldWords('ja,nee😀kem-то\u200F')).toEqual(['ja', 'nee', 'kem', 'то']);
    expect(foldWords('  ')).toEqual([]);
  });
});

describe(WordPattern.name, () => {
  it('matches whole words in order, anywhere in the message', () => {
    expect(matches('wil dood', 'ik wil dood')).toBe(true);
    expect(matches('wil dood', 'ik wil niet dood')).toBe(false);
    expect(matches('dood', 'doodmoe')).toBe(false);
  });

  it('takes a stem, an ending, or a part of a word', () => {
    expect(matches('zelfmoord*', 'zelfmoordgedachten')).toBe(true);
    expect(matches('*انتحار', 'بالانتحار')).toBe(true);
    expect(matches('*انتحار*', 'انتحاريه')).toBe(true);
  });

  it('takes alternatives of several words, optional words and gaps', () => {
    expect(matches('(van kant|om zeep) maken', 'mezelf van kant maken')).toBe(true);
    expect(matches('ik [echt|gewoon] wil', 'ik gewoon wil')).toBe(true);
    expect(matches('ik [echt|gewoon] wil', 'ik wil')).toBe(true);
    expect(matches('man ~3 slaat', 'mijn man die ook nog slaat')).toBe(true);
    expect(matches('man ~2 slaat', 'mijn man die ook nog slaat')).toBe(false);
  });

  it('tolerates one typo from seven letters, never in Arabic script or with =', () => {
    expect(matches('zelfmoord*', 'ZELFMOORT')).toBe(true);
    expect(matches('suicidal', 'suicdal')).toBe(true);
    expect(matches('slaat', 'slaap')).toBe(false);
    expect(matches('=kendimi', 'kendini')).toBe(false);
    expect(matches('بيحبسني', 'بيحبني')).toBe(false);
  });

  it('lets an Arabic word carry a conjunction', () => {
    expect(matches('بدي ~1 انتحر', 'وبدي انتحر')).toBe(true);
  });

  it('is negation-aware where a guard says so', () => {
    const pattern = '(ben|zit) ~2 !(niet|geen) in gevaar';
    expect(matches(pattern, 'ik ben in gevaar')).toBe(true);
    expect(matches(pattern, 'ik ben echt in gevaar')).toBe(true);
    expect(matches(pattern, 'ik ben niet in gevaar hoor')).toBe(false);
  });

  it('refuses malformed patterns with a named error', () => {
    for (const bad of [
      '',
      '~2 dood',
      'dood ~2',
      '(dood',
      'dood]',
      '[alleen]',
      '(a|)',
      'gercek (bir )?x',
    ]) {
      expect(() => new WordPattern(bad), bad).toThrow(PatternError);
    }
    expect(() => new WordPattern('(dood')).toThrow(/pattern "\(dood"/);
  });
});

describe(PhraseBook.name, () => {
  const empty = { suicide: [], selfHarm: [], violence: [], danger: [] };
  const concerns = { loneliness: ['eenzaam*'], debts: [], homeless: [], food: [] };
  const book = new PhraseBook([
    {
      language: 'xx',
      crisis: { ...empty, suicide: ['wil dood'], violence: ['slaat (me|mij)'] },
      concerns,
      harmless: ['dood graag'],
    } satisfies LanguagePhrases,
  ]);

  it('lets a harmless phrase cancel only the match it overlaps', () => {
    expect(book.findCrisis('ik wil dood')?.kind).toBe('suicide');
    expect(book.findCrisis('ik wil dood graag leren breien')).toBeNull();
    expect(book.findCrisis('ik wil dood graag leren breien maar hij slaat me')?.kind).toBe(
      'violence',
    );
  });

  it('names the language and pattern that found a signal', () => {
    expect(book.findConcern('zo eenzaam')).toEqual({
      kind: 'loneliness',
      language: 'xx',
      pattern: 'eenzaam*',
    });
  });
});
