import { describe, expect, it } from 'vitest';
import { validateOfferRecord } from '../../src/kaart/validate-offer-record.js';

const known = { wijken: ['stratum'], owners: new Map<string, string>() };
const form = {
  name: 'Kookcafé',
  wijk: 'stratum',
  interests: 'cooking',
  description: 'Samen koken',
  when: '',
  where: '',
  contact: '',
  languages: 'nl',
};

describe(validateOfferRecord.name, () => {
  it('checks a dashboard form with the same rules as a line of a file', () => {
    const { row, problems } = validateOfferRecord(form, 0, known);
    expect(problems).toEqual([]);
    expect(row).toMatchObject({
      name: 'Kookcafé',
      wijk: 'stratum',
      fields: { interests: ['cooking'] },
    });
  });

  it('names every wrong field of a form', () => {
    const { row, problems } = validateOfferRecord(
      { ...form, wijk: 'nergens', languages: 'nl;xx', time: 'altijd' },
      0,
      known,
    );
    expect(row).toBeNull();
    expect(problems.map((p) => [p.code, p.column, p.value])).toEqual([
      ['unknownWijk', 'wijk', 'nergens'],
      ['unknownLanguage', 'languages', 'xx'],
      ['unknownTime', 'time', 'altijd'],
    ]);
  });
});
