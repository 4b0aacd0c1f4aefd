import { describe, expect, it } from 'vitest';
import { newOfferFields, type Offer } from '../../../../src/kaart/offer.js';
import { KaartList, type KaartListProps } from '../../../../src/web/screens/kaart/list-view.js';
import { render, scriptName, textOf, viewContext } from '../render-view.js';

const now = new Date('2026-12-07T10:00:00Z');

const offer = (over: Partial<Offer> = {}): Offer => ({
  ...newOfferFields(new Date('2026-12-01T10:00:00Z')),
  id: 'offer-1',
  name: 'Kookclub De Pollepel',
  wijk: 'stratum',
  interests: ['cooking'],
  description: 'Samen koken',
  schedule: 'Elke dinsdag 17:00',
  location: 'Buurthuis Stratum',
  translations: {},
  nudgedAt: null,
  ...over,
});

const wijken = new Map([
  ['stratum', 'Stratum'],
  ['centrum', 'Centrum'],
]);

async function page(
  over: Partial<KaartListProps> = {},
  role: 'verbinder' | 'coordinator' = 'verbinder',
) {
  return render(
    KaartList({
      ctx: await viewContext({ role }),
      rows: [{ offer: offer(), ownerName: 'Anna', canEdit: true, stale: [] }],
      wijken,
      filter: { wijk: null, status: 'active' },
      canAdd: true,
      done: null,
      now,
      ...over,
    }),
  );
}

describe(KaartList.name, () => {
  it('shows each offer with its wijk, owner and last check in words', async () => {
    const row = (await page()).querySelector('tr[data-offer="offer-1"]');
    const cell = (label: string) => textOf(row?.querySelector(`td[data-label="${label}"]`));
    expect(cell('Naam')).toBe('Kookclub De Pollepel Activiteit');
    expect(cell('Wijk')).toBe('Stratum');
    expect(cell('Wanneer')).toBe('Elke dinsdag 17:00');
    expect(cell('Waar')).toBe('Buurthuis Stratum');
    expect(cell('Beheerder')).toBe('Anna');
    expect(cell('Nagekeken')).toBe('6 dagen geleden');
    expect(cell('Status')).toBe('Zichtbaar');
  });

  it('flags an offer not checked for months, in months', async () => {
    const old = offer({ checkedAt: new Date('2026-05-01T10:00:00Z'), wijk: 'all', ownerId: null });
    const row = (
      await page({ rows: [{ offer: old, ownerName: null, canEdit: false, stale: ['notChecked'] }] })
    ).querySelector('tr[data-offer="offer-1"]');
    const checked = row?.querySelector('td[data-label="Nagekeken"]');
    expect(textOf(checked)).toBe('7 maanden geleden Verouderd: al een half jaar niet nagekeken');
    expect(checked?.classList.contains('urgent')).toBe(true);
    expect(textOf(row?.querySelector('td[data-label="Wijk"]'))).toBe('Hele stad');
    expect(textOf(row?.querySelector('td[data-label="Beheerder"]'))).toBe('Niemand');
  });

  it('gives whoever may change an offer its buttons, with the session token, and others none', async () => {
    const editable = await page();
    const forms = editable.querySelectorAll('tr[data-offer] form[method=post]');
    expect(forms.map((f) => f.getAttribute('action'))).toEqual([
      '/kaart/offer-1/confirm',
      '/kaart/offer-1/active',
    ]);
    for (const form of forms) {
      expect(form.querySelector('input[name=_csrf]')?.getAttribute('value')).toBe('csrf-token-1');
    }
    expect(forms[1]?.querySelector('input[name=active]')?.getAttribute('value')).toBe('no');
    expect(textOf(forms[0])).toBe('Klopt nog');

    const readOnly = await page({
      rows: [{ offer: offer(), ownerName: 'Bert', canEdit: false, stale: [] }],
      canAdd: false,
    });
    expect(readOnly.querySelectorAll('tr[data-offer] form')).toHaveLength(0);
    expect(readOnly.querySelector('a[href="/kaart/offer"]')).toBeNull();
  });

  it('offers a hidden offer to be shown again, and says what just happened', async () => {
    const hidden = await page({
      rows: [{ offer: offer({ active: false }), ownerName: 'Anna', canEdit: true, stale: [] }],
      filter: { wijk: 'stratum', status: 'inactive' },
      done: 'deactivated',
    });
    expect(textOf(hidden.querySelector('[role=status]'))).toBe(
      'Verborgen. Inwoners krijgen het niet meer te zien.',
    );
    const forms = hidden.querySelectorAll('tr[data-offer] form[method=post]');
    expect(forms.map((f) => f.getAttribute('action'))).toEqual(['/kaart/offer-1/active']);
    expect(textOf(forms[0])).toBe('Weer tonen');
    expect(hidden.querySelector('select[name=wijk] option[selected]')?.getAttribute('value')).toBe(
      'stratum',
    );
    expect(
      hidden.querySelector('select[name=status] option[selected]')?.getAttribute('value'),
    ).toBe('inactive');
  });

  it('escapes names people typed', async () => {
    const shown = await page({
      rows: [
        {
          offer: offer({ name: scriptName, location: scriptName }),
          ownerName: scriptName,
          canEdit: true,
          stale: [],
        },
      ],
    });
    expect(shown.querySelector('script')).toBeNull();
    expect(textOf(shown.querySelector('td[data-label="Beheerder"]'))).toBe(scriptName);
  });
});
