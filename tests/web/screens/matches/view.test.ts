import { describe, expect, it } from 'vitest';
import type { OpenSignUp, RecentMatch } from '../../../../src/store/finders/matches-finder.js';
import { suggestPairs } from '../../../../src/wijmatch/suggest-pairs.js';
import { MatchBoard, type MatchBoardProps } from '../../../../src/web/screens/matches/view.js';
import { render, textOf, viewContext } from '../render-view.js';

const now = new Date('2026-12-01T12:00:00Z');
const signUp = (over: Partial<OpenSignUp>): OpenSignUp => ({
  id: 'su-1',
  residentId: 'r-1',
  kind: 'offer',
  category: 'garden',
  description: 'Ik help graag in de tuin.',
  availability: ['mornings'],
  mobility: 'wijk',
  wijk: 'stratum',
  residentName: 'Sem',
  createdAt: new Date('2026-11-30T12:00:00Z'),
  ...over,
});
const match = (over: Partial<RecentMatch>): RecentMatch => ({
  id: 'm-1',
  kind: 'inwoner-inwoner',
  first: { residentName: 'Sem' },
  second: { residentName: null },
  ontwikkelplaats: null,
  recordedAt: new Date('2026-12-01T10:00:00Z'),
  lasting: null,
  ...over,
});

async function board(
  over: Partial<MatchBoardProps> = {},
  role: 'verbinder' | 'coordinator' = 'verbinder',
) {
  const ctx = await viewContext({ role });
  const signUps = over.signUps ?? [
    signUp({}),
    signUp({
      id: 'su-2',
      residentId: 'r-2',
      kind: 'request',
      description: 'Iemand die mijn heg knipt.',
      residentName: null,
    }),
    signUp({
      id: 'su-3',
      residentId: 'r-3',
      kind: 'both',
      category: 'cooking',
      description: 'Samen koken.',
    }),
  ];
  return render(
    MatchBoard({
      ctx,
      signUps,
      pairs: suggestPairs(signUps),
      matches: [],
      wijken: new Map([['stratum', 'Stratum']]),
      wijk: null,
      categories: ['garden', 'cooking', 'other'],
      category: null,
      done: undefined,
      refused: undefined,
      now,
      ...over,
    }),
  );
}

describe(MatchBoard.name, () => {
  it('suggests the pair that fits, with why, and one form that matches exactly these two', async () => {
    const page = await board();
    const pairs = page.querySelectorAll('li.pair');
    expect(pairs).toHaveLength(1);
    expect(textOf(pairs[0]!.querySelector('h3'))).toBe('Sem ↔ (geen naam) · Tuin');
    expect(pairs[0]!.querySelectorAll('ul.why li').map(textOf)).toEqual([
      'Zelfde wijk en onderwerp',
      'Allebei: Ochtenden',
      'Een van beiden kan naar de ander toe',
    ]);
    const form = pairs[0]!.querySelector('form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/matches');
    const fields = Object.fromEntries(
      form.querySelectorAll('input').map((i) => [i.getAttribute('name'), i.getAttribute('value')]),
    );
    expect(fields).toEqual({
      _csrf: 'csrf-token-1',
      kind: 'inwoner-inwoner',
      first: 'su-1',
      second: 'su-2',
    });
    const button = form.querySelector('button')!;
    expect(textOf(button)).toBe('Match deze twee');
    expect(button.getAttribute('aria-describedby')).toBe('pair-0');
    // With suggestions, choosing by hand is there but folded away.
    expect(page.querySelector('details')?.hasAttribute('open')).toBe(false);
  });

  it('says when there is nothing to suggest, and then opens choosing by hand', async () => {
    const page = await board({ signUps: [signUp({})] });
    expect(page.querySelectorAll('li.pair')).toHaveLength(0);
    expect(textOf(page.querySelector('h2 + p.notice'))).toContain('Nu geen voorgestelde paren.');
    expect(page.querySelector('details')?.hasAttribute('open')).toBe(true);
  });

  it('filters by category for everyone, keeping the chosen one', async () => {
    const page = await board({ category: 'cooking' });
    const options = page.querySelectorAll('select#category option');
    expect(options.map((o) => textOf(o))).toEqual([
      'Alle onderwerpen',
      'Tuin',
      'Koken of samen eten',
      'Iets anders',
    ]);
    expect(page.querySelector('select#category option[selected]')?.getAttribute('value')).toBe(
      'cooking',
    );
  });

  it('shows the ontwikkelplaatsen of the sociale kaart under a sign-up they fit', async () => {
    const page = await board({
      places: new Map([['su-1', [{ offerId: 'o-1', name: 'Buurttuin De Kempen' }]]]),
    });
    const card = page.querySelectorAll('li.card').find((c) => c.querySelector('.places') !== null)!;
    expect(textOf(card)).toContain('Ik help graag in de tuin.');
    const form = card.querySelector('.places form')!;
    expect(
      Object.fromEntries(
        form
          .querySelectorAll('input')
          .map((i) => [i.getAttribute('name'), i.getAttribute('value')]),
      ),
    ).toEqual({
      _csrf: 'csrf-token-1',
      kind: 'inwoner-ontwikkelplaats',
      first: 'su-1',
      ontwikkelplaats: 'Buurttuin De Kempen',
    });
  });

  it('groups open sign-ups per wijk and category, offers beside requests', async () => {
    const page = await board();
    const groups = page.querySelectorAll('section.card');
    expect(groups.map((g) => textOf(g.querySelector('h3')))).toEqual([
      'Stratum · Tuin',
      'Stratum · Koken of samen eten',
    ]);
    const [offers, requests] = groups[0]!.querySelectorAll('.columns > div');
    expect(textOf(offers!.querySelector('h4'))).toBe('Aanbod (1)');
    expect(textOf(offers)).toContain('Ik help graag in de tuin.');
    expect(textOf(offers)).toContain('Wanneer: Ochtenden');
    expect(textOf(offers)).toContain('Afstand: In mijn wijk (fiets of bus)');
    expect(textOf(requests)).toContain('(geen naam)');
    // "Both" counts as an offer and as a request.
    expect(groups[1]!.querySelectorAll('li.card')).toHaveLength(2);
  });

  it('offers the sign-ups to match by who and what, the token with the form', async () => {
    const page = await board();
    const first = page.querySelectorAll('#first option').map((o) => o.getAttribute('value'));
    const second = page.querySelectorAll('#second option').map((o) => o.getAttribute('value'));
    expect(first).toEqual(['', 'su-1', 'su-3']);
    expect(second).toEqual(['', 'su-2', 'su-3']);
    expect(
      page.querySelector('form[action="/matches"] input[name="_csrf"]')?.getAttribute('value'),
    ).toBe('csrf-token-1');
  });

  it('lets a coordinator filter by wijk; a verbinder sees her own', async () => {
    expect((await board()).querySelector('select#wijk')).toBeNull();
    const filtered = await board({ wijk: 'stratum' }, 'coordinator');
    expect(filtered.querySelector('select#wijk option[selected]')?.getAttribute('value')).toBe(
      'stratum',
    );
  });

  it('lists recent matches, asking whether an undecided one lasted', async () => {
    const page = await board({
      matches: [
        match({}),
        match({ id: 'm-2', lasting: true, second: null, ontwikkelplaats: 'Buurthuis' }),
      ],
      done: 'recorded',
    });
    const rows = page.querySelectorAll('tbody tr');
    expect(textOf(rows[0]!)).toContain('Sem ↔ (geen naam)');
    expect(rows[0]!.querySelector('form')?.getAttribute('action')).toBe('/matches/m-1/lasting');
    expect(textOf(rows[1]!)).toContain('Sem ↔ Buurthuis');
    expect(textOf(rows[1]!)).toContain('Duurzaam');
    expect(textOf(page.querySelector('[role="status"]'))).toContain('Match vastgelegd.');
  });

  it('says why a match was refused', async () => {
    const page = await board({ refused: 'otherWijk' });
    expect(textOf(page.querySelector('[role="alert"]'))).toBe(
      'Je kunt alleen aanmeldingen uit je eigen wijk matchen.',
    );
  });
});
