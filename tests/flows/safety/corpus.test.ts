/**
 * The safety corpus: per language, sentences a resident in crisis might send and harmless
 * sentences with the same words, written apart from the phrase lists (see
 * tests/fixtures/safety-corpus/README.md). Prints recall and false alarms per language and
 * holds the lists to the minimums below.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phraseBook } from '../../../src/flows/safety/phrases/index.js';

interface Corpus {
  language: string;
  crisis: { kind: string; text: string }[];
  harmless: string[];
  concerns: { kind: string; text: string }[];
  concernHarmless: string[];
  holdoutCrisis: string[];
  holdoutHarmless: string[];
}

const dir = join(import.meta.dirname, '../../fixtures/safety-corpus');
const corpora: Corpus[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Corpus);

/** Every crisis sentence must be found: a missed one is a resident left alone. */
const minimumRecall = 1;
/** A false alarm shows crisis numbers to someone joking: at most one per language. */
const maximumFalseAlarms = 1;
const minimumConcernRecall = 0.9;

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;

function measure(corpus: Corpus) {
  const crisis = [...corpus.crisis.map((c) => c.text), ...corpus.holdoutCrisis];
  const harmless = [...corpus.harmless, ...corpus.holdoutHarmless];
  const missed = crisis.filter((text) => !phraseBook.findCrisis(text));
  const falseAlarms = harmless.filter((text) => phraseBook.findCrisis(text));
  const sameKind = corpus.crisis.filter((c) => phraseBook.findCrisis(c.text)?.kind === c.kind);
  const concernMissed = corpus.concerns.filter(
    (c) => phraseBook.findCrisis(c.text) || phraseBook.findConcern(c.text)?.kind !== c.kind,
  );
  const concernFalse = corpus.concernHarmless.filter((text) => phraseBook.findConcern(text));
  return { crisis, harmless, missed, falseAlarms, sameKind, concernMissed, concernFalse };
}

describe('safety corpus', () => {
  const results = corpora.map((corpus) => ({ corpus, ...measure(corpus) }));

  it('has a corpus for every language with phrases, of at least 40 crisis and 40 harmless sentences', () => {
    expect(corpora.map((c) => c.language).sort()).toEqual(
      phraseBook.languages.map((l) => l.language).sort(),
    );
    for (const c of corpora) {
      expect(c.crisis.length, c.language).toBeGreaterThanOrEqual(40);
      expect(c.harmless.length, c.language).toBeGreaterThanOrEqual(40);
    }
  });

  it('reports recall and false alarms per language', () => {
    const table = results.map((r) => ({
      language: r.corpus.language,
      crisis: r.crisis.length,
      found: r.crisis.length - r.missed.length,
      recall: percent(r.crisis.length - r.missed.length, r.crisis.length),
      'right kind': percent(r.sameKind.length, r.corpus.crisis.length),
      harmless: r.harmless.length,
      'false alarms': r.falseAlarms.length,
      concerns: `${r.corpus.concerns.length - r.concernMissed.length}/${r.corpus.concerns.length}`,
      'concern false': `${r.concernFalse.length}/${r.corpus.concernHarmless.length}`,
    }));
    console.log('Safety corpus (every language checked on every sentence):');
    console.table(table);
    expect(table).toHaveLength(corpora.length);
  });

  it.each(results.map((r) => [r.corpus.language, r] as const))(
    '%s: finds every crisis sentence and fires on at most one harmless one',
    (_, r) => {
      expect(r.missed, 'crisis sentences not recognised').toEqual([]);
      expect((r.crisis.length - r.missed.length) / r.crisis.length).toBeGreaterThanOrEqual(
        minimumRecall,
      );
      expect(r.falseAlarms.length, r.falseAlarms.join(' | ')).toBeLessThanOrEqual(
        maximumFalseAlarms,
      );
    },
  );

  it.each(results.map((r) => [r.corpus.language, r] as const))(
    '%s: recognises concerns as concerns, not as crisis, and leaves harmless needs alone',
    (_, r) => {
      const found = r.corpus.concerns.length - r.concernMissed.length;
      expect(
        found / r.corpus.concerns.length,
        r.concernMissed.map((c) => c.text).join(' | '),
      ).toBeGreaterThanOrEqual(minimumConcernRecall);
      expect(r.concernFalse, 'harmless sentences taken for a concern').toEqual([]);
    },
  );
});
