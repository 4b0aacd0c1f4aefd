/**
 * A PatternSet must pick exactly the patterns whose required words all occur in a message:
 * the phrase book tries only those, so a pattern it leaves out would be a crisis missed.
 * Checked against the plain definition (every matcher tried on every word) on the safety
 * corpus and on generated messages built from the phrase book's own words with typos,
 * endings, beginnings and conjunctions added.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchMemo } from '../../../src/flows/patterns/match-memo.js';
import { PatternSet } from '../../../src/flows/patterns/pattern-set.js';
import { wordMatches, type WordMatcher } from '../../../src/flows/patterns/word-matcher.js';
import { WordPattern } from '../../../src/flows/patterns/word-pattern.js';
import { phraseLanguages } from '../../../src/flows/safety/phrases/index.js';

const patterns = phraseLanguages
  .flatMap((l) => [
    ...Object.values(l.crisis).flat(),
    ...Object.values(l.concerns).flat(),
    ...l.harmless,
  ])
  .map((source) => new WordPattern(source));
const set = new PatternSet(patterns);

/** The definition: each required element has a first word that matches a word of the text. */
function possible(text: string): number[] {
  const memo = MatchMemo.of(text);
  const occurs = (m: WordMatcher) =>
    memo.distinctWords.some((word) => wordMatches(m, word, memo.typos));
  return patterns.flatMap((p, i) => (p.required.every((firsts) => firsts.some(occurs)) ? [i] : []));
}

const corpusDir = join(import.meta.dirname, '../../fixtures/safety-corpus');
const corpusTexts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const corpus = JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) as Record<
      string,
      (string | { text: string })[]
    >;
    return Object.values(corpus)
      .filter(Array.isArray)
      .flat()
      .map((item) => (typeof item === 'string' ? item : item.text));
  });

const patternWords = [
  ...new Set(patterns.flatMap((p) => p.source.split(/[\s()[\]|~!=*]+/u).filter(Boolean))),
];

/** A word of the phrase book, changed the ways residents change words. */
const residentWord = fc
  .tuple(
    fc.constantFrom(...patternWords),
    fc.constantFrom('as is', 'typo', 'drop', 'swap', 'ending', 'beginning', 'conjunction'),
    fc.nat(),
  )
  .map(([word, change, n]) => {
    const at = n % Math.max(1, word.length);
    switch (change) {
      case 'typo':
        return word.slice(0, at) + 'x' + word.slice(at + 1);
      case 'drop':
        return word.slice(0, at) + word.slice(at + 1);
      case 'swap':
        return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
      case 'ending':
        return word + ['en', 'de', 'ing', 'ları', 'ися', 'ها'][n % 6];
      case 'beginning':
        return ['ge', 'be', 'ال', 'по', 'wy'][n % 5] + word;
      case 'conjunction':
        return (n % 2 ? 'و' : 'ف') + word;
      default:
        return word;
    }
  });

describe('PatternSet', () => {
  it('picks exactly the patterns whose required words occur, for every corpus sentence', () => {
    expect(corpusTexts.length).toBeGreaterThan(400);
    for (const text of corpusTexts) {
      expect(set.candidates(MatchMemo.of(text)), text).toEqual(possible(text));
    }
  });

  it('picks exactly those for messages of changed phrase-book words and other words', () => {
    const message = fc
      .array(fc.oneof(residentWord, fc.string({ minLength: 1, maxLength: 12 })), {
        minLength: 1,
        maxLength: 12,
      })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(message, (text) => {
        expect(set.candidates(MatchMemo.of(text))).toEqual(possible(text));
      }),
      { numRuns: 1_000, seed: 20_261_207 },
    );
  });

  it('finds none in a plain answer, and the crisis patterns in a crisis sentence', () => {
    expect(set.candidates(MatchMemo.of('1, 2'))).toEqual([]);
    const found = set.candidates(MatchMemo.of('ik wil niet meer leven'));
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.some((p) => patterns[p]!.spans(MatchMemo.of('ik wil niet meer leven')).length > 0),
    ).toBe(true);
  });
});
