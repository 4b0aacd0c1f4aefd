import { describe, expect, it } from 'vitest';
import type { TalentProfileItem } from '../../../../src/store/finders/talents-finder.js';
import { TalentSearch } from '../../../../src/web/screens/talents/view.js';
import { render, textOf, viewContext } from '../render-view.js';

const profile = (over: Partial<TalentProfileItem> = {}): TalentProfileItem => ({
  residentName: 'Noor',
  wijk: 'stratum',
  energy: 'Van wandelen.',
  skills: null,
  interests: ['cooking', 'music'],
  forOthers: 'Koken voor ouderen.',
  ownWish: null,
  contactWish: true,
  ...over,
});
const interests = new Map([
  ['cooking', 'Koken'],
  ['music', 'Muziek'],
]);
const wijken = new Map([['stratum', 'Stratum']]);

describe(TalentSearch.name, () => {
  it('shows each profile with the fields that were filled in, interests by name', async () => {
    const ctx = await viewContext();
    const page = await render(
      TalentSearch({
        ctx,
        profiles: [profile()],
        interests,
        wijken,
        filter: { words: '', interest: null, wijk: null },
      }),
    );
    const card = page.querySelector('article.card');
    expect(textOf(card?.querySelector('h2'))).toBe('Noor · Stratum');
    expect(card?.querySelectorAll('dt').map(textOf)).toEqual([
      'Energie van',
      'Vindt leuk',
      'Wil doen voor anderen',
      'Wil contact',
    ]);
    expect(card?.querySelectorAll('dd').map(textOf)).toEqual([
      'Van wandelen.',
      'Koken, Muziek',
      'Koken voor ouderen.',
      'ja',
    ]);
    expect(textOf(page.querySelector('form + p'))).toBe('1 inwoner met toestemming gevonden.');
  });

  it('keeps the search filled in, and the wijk filter for a coordinator only', async () => {
    const filter = { words: 'koken', interest: 'music', wijk: 'stratum' };
    const verbinder = await render(
      TalentSearch({ ctx: await viewContext(), profiles: [], interests, wijken, filter }),
    );
    expect(verbinder.querySelector('#q')?.getAttribute('value')).toBe('koken');
    expect(verbinder.querySelector('#interest option[selected]')?.getAttribute('value')).toBe(
      'music',
    );
    expect(verbinder.querySelector('#wijk')).toBeNull();
    const coordinator = await render(
      TalentSearch({
        ctx: await viewContext({ role: 'coordinator' }),
        profiles: [],
        interests,
        wijken,
        filter,
      }),
    );
    expect(coordinator.querySelector('#wijk option[selected]')?.getAttribute('value')).toBe(
      'stratum',
    );
  });
});
