import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  guardCell,
  parseTranslationColumn,
  parseYesNo,
  translationColumn,
  unguardCell,
} from '../../src/kaart/offer-columns.js';
import { translatableFields } from '../../src/kaart/offer.js';

describe(guardCell.name, () => {
  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(guardCell('+31 40 000 0000')).toBe("'+31 40 000 0000");
    expect(guardCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(guardCell('Samen koken')).toBe('Samen koken');
  });

  it('is undone by unguardCell for any text, apostrophes included', () => {
    const text = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', 'a', ' ') });
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (cell) => {
        const guarded = guardCell(cell);
        expect(guarded).not.toMatch(/^[=+\-@\t\r]/);
        expect(unguardCell(guarded)).toBe(cell);
      }),
      { numRuns: 500 },
    );
  });
});

describe(parseTranslationColumn.name, () => {
  it('reads back every translation column', () => {
    for (const field of translatableFields) {
      expect(parseTranslationColumn(translationColumn(field, 'uk'))).toEqual({
        field,
        language: 'uk',
      });
    }
    expect(parseTranslationColumn('bus_stop')).toBeNull();
    expect(parseTranslationColumn('description')).toBeNull();
  });
});

describe(parseYesNo.name, () => {
  it('reads yes and no in Dutch and English, empty as unknown', () => {
    expect(['yes', 'Ja', 'TRUE', '1'].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(['no', 'nee', 'false', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo(' ')).toBeNull();
    expect(parseYesNo('misschien')).toBeUndefined();
  });
});
