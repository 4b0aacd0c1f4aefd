import { describe, expect, it } from 'vitest';
import { describeOfferProblem } from '../../src/kaart/offer-problem.js';
import { validateOffers } from '../../src/kaart/validate-offers.js';

const header = 'name,wijk,interests,description,when,where,contact,languages';
const known = {
  wijken: ['centrum', 'stratum'],
  owners: new Map([
    ['wilma', 'id-wilma'],
    ['id-wilma', 'id-wilma'],
  ]),
};
const problems = (csv: string) => validateOffers(csv, known).problems.map(describeOfferProblem);

describe(validateOffers.name, () => {
  it('reads the required columns, lists split on ";"', () => {
    const { rows, problems: found } = validateOffers(
      `${header}\nKookcafé,Stratum,Cooking; organising,Samen koken,di 16.00,Buurthuis,kook@example.org,NL;ar\n`,
      known,
    );
    expect(found).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        name: 'Kookcafé',
        wijk: 'stratum',
        fields: {
          description: 'Samen koken',
          schedule: 'di 16.00',
          location: 'Buurthuis',
          contact: 'kook@example.org',
          interests: ['cooking', 'organising'],
          languages: ['ar', 'nl'],
        },
        translations: {},
      },
    ]);
  });

  it('names the line a spreadsheet shows, with blank lines and cells over several lines', () => {
    const csv = [
      header,
      'Eén,stratum,cooking,"Regel een',
      'regel twee",,,,nl',
      '',
      'Twee,nergens,cooking,Iets,,,,nl',
    ].join('\n');
    expect(problems(csv)).toEqual([
      'line 4: wijk "nergens" is unknown (known: all, centrum, stratum)',
    ]);
  });

  it('reports every wrong cell, naming column and value', () => {
    const csv = [
      `${header},kind,training,next_start,time,wheelchair,owner`,
      ',stratum,baking,,,,,klingonish,activiteit,,2027-02-30,weekly,misschien,henk',
      'Kom tot Bloei!,all,,Training,,,,nl,cursus,ktb,,,,',
      'Iets,all,cooking,Iets,,,,nl,dans,onbekend,,,,',
    ].join('\n');
    expect(problems(csv)).toEqual([
      'line 2: name is empty',
      'line 2: description is empty',
      'line 2: interests: "baking" is not an interest id (ids: cooking, garden, oddJobs, creative, music, sports, language, digital, care, organising, other)',
      'line 2: languages: "klingonish" is not a language code (such as nl, en, ar, tr, pl, uk)',
      'line 2: time "weekly" is unknown (times: hour, fewHours, dayPart)',
      'line 2: wheelchair "misschien" is not yes or no (or empty for unknown)',
      'line 2: next_start "2027-02-30" is not a date (YYYY-MM-DD)',
      'line 2: owner "henk" is not a verbinder\'s login or id',
      'line 3: training "ktb" is given, but kind is not training',
      'line 3: interests is empty (only a training may fit no interest)',
      'line 4: kind "dans" is unknown (kinds: ontwikkelplaats, activity, course, training)',
      'line 4: training "onbekend" is unknown (trainings: ktb, dww, other)',
    ]);
  });

  it('refuses a second line with the same name and wijk', () => {
    const csv = [
      header,
      'Tuin,stratum,garden,A,,,,nl',
      'Tuin,centrum,garden,B,,,,nl',
      'Tuin,Stratum,garden,C,,,,nl',
    ];
    expect(problems(csv.join('\n'))).toEqual([
      'line 4: "Tuin (stratum)" is already on line 2 (name and wijk must be unique)',
    ]);
  });

  it('reports the header on line 1 and checks no further', () => {
    expect(
      problems('name,wijk,interests,beschrijving,when,where,contact,languages,name\nX,y,z\n'),
    ).toEqual([
      'line 1: missing column "description"',
      'line 1: column "name" appears more than once',
      'line 1: unknown column "beschrijving" (columns: name, wijk, interests, description, when, where, contact, languages, kind, training, next_start, volunteer_task, time, wheelchair, bus_stop, from_home, owner, last_checked, active, description_<language>, when_<language>, …)',
    ]);
    expect(problems('name,wijk\n')[0]).toBe('line 1: missing column "interests"');
  });

  it('refuses a line with more or fewer cells than the header', () => {
    expect(problems(`${header}\nA,stratum,garden,B,,,,nl,extra\n`)).toEqual([
      'line 2: has 9 cells, the header has 8',
    ]);
  });

  it('takes training, owner, yes/no and translations from the optional columns', () => {
    const csv = [
      `${header},training,next_start,wheelchair,bus_stop,from_home,owner,active,description_ar,when_en`,
      'De Wijk Werkt!,all,,Training,,,,nl,De Wijk Werkt!,2027-03-16,ja,nee,,WILMA,,وصف,',
    ].join('\n');
    const { rows, problems: found } = validateOffers(csv, known);
    expect(found).toEqual([]);
    expect(rows[0]!.fields).toMatchObject({
      kind: 'training',
      training: 'dww',
      nextStart: '2027-03-16',
      wheelchair: true,
      busStop: false,
      fromHome: false,
      ownerId: 'id-wilma',
      active: true,
    });
    expect(rows[0]!.translations).toEqual({ ar: { description: 'وصف' }, en: { schedule: null } });
  });

  it('takes off the apostrophe an export puts before a formula-like cell', () => {
    const { rows } = validateOffers(
      `${header}\nA,stratum,garden,'- samen,,,'+31 40 000 0000,nl\n`,
      known,
    );
    expect(rows[0]!.fields).toMatchObject({ description: '- samen', contact: '+31 40 000 0000' });
  });

  it('refuses a translation column for Dutch or for an unknown language', () => {
    expect(problems(`${header},description_nl,when_xx\n`)).toHaveLength(2);
  });
});
