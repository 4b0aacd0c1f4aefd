import { describe, expect, it } from 'vitest';
import type { OpenSignUp, RecentMatch } from '../../../../src/store/finders/matches-finder.js';
import { MatchBoard, type MatchBoardProps } from '../../../../src/web/screens/matches/view.js';
import { render, textOf, viewContext } from '../render-view.js';

const now = new Date('2026-12-01T12:00:00Z');
const signUp = (over: Partial<OpenSignUp>): OpenSignUp => ({
  id: 'su-1',
  kind: 'offer',
  category: 'garden',
  description: 'Ik help graag in de tuin.',
  availability: ['mornings'],
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
  return render(
    MatchBoard({
      ctx,
      signUps: [
        signUp({}),
        signUp({
          id: 'su-2',
          kind: 'request',
          description: 'Iemand die mijn heg knipt.',
          residentName: null,
        }),
        signUp({ id: 'su-3', kind: 'both', category: 'cooking', description: 'Samen koken.' }),
      ],
      matches: [],
      wijken: new Map([['stratum', 'Stratum']]),
      wijk: null,
      done: undefined,
      refused: undefined,
      now,
      ...over,
    }),
  );
}

describe(MatchBoard.name, () => {
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
