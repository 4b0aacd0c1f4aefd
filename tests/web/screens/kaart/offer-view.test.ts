import { describe, expect, it } from 'vitest';
import { newOfferFields, type Offer } from '../../../../src/kaart/offer.js';
import { recordFromOffer } from '../../../../src/web/screens/kaart/offer-form.js';
import { OfferPage, type OfferPageProps } from '../../../../src/web/screens/kaart/offer-view.js';
import { render, scriptName, textOf, viewContext, type ViewerOptions } from '../render-view.js';

const now = new Date('2026-12-07T10:00:00Z');

const offer: Offer = {
  ...newOfferFields(new Date('2026-05-01T10:00:00Z')),
  id: 'offer-1',
  name: 'Kookclub De Pollepel',
  wijk: 'stratum',
  interests: ['cooking', 'care'],
  description: 'Samen koken',
  schedule: 'Elke dinsdag 17:00',
  location: 'Buurthuis Stratum',
  languages: ['ar', 'nl', 'so'],
  wheelchair: true,
  ownerId: 'staff-1',
  translations: { ar: { description: 'نطبخ معًا' } },
  nudgedAt: null,
};

const interests = new Map([
  ['cooking', 'Koken of bakken'],
  ['garden', 'Tuinieren'],
  ['care', 'Zorgen voor anderen'],
]);

async function page(over: Partial<OfferPageProps> = {}, viewer: ViewerOptions = {}) {
  return render(
    OfferPage({
      ctx: await viewContext(viewer),
      offer,
      record: recordFromOffer(offer),
      problems: [],
      editable: true,
      wijken: [{ value: 'stratum', text: 'Stratum' }],
      interests,
      owners: null,
      stale: ['notChecked'],
      done: null,
      now,
      ...over,
    }),
  );
}

describe(OfferPage.name, () => {
  it('fills every field of the offer, interests and languages as checkboxes in words', async () => {
    const shown = await page();
    const form = shown.querySelector('form[action="/kaart/offer"]');
    expect(form?.querySelector('input[name=id]')?.getAttribute('value')).toBe('offer-1');
    expect(form?.querySelector('input[name=_csrf]')?.getAttribute('value')).toBe('csrf-token-1');
    expect(form?.querySelector('input[name=name]')?.getAttribute('value')).toBe(
      'Kookclub De Pollepel',
    );
    const checked = form!
      .querySelectorAll('input[type=checkbox]')
      .filter((box) => box.hasAttribute('checked'))
      .map((box) => textOf(box.parentNode));
    expect(checked).toEqual(['Koken of bakken', 'Zorgen voor anderen', 'Nederlands', 'Arabisch']);
    expect(form?.querySelector('input[name=other_languages]')?.getAttribute('value')).toBe('so');
    expect(
      form?.querySelector('select[name=wheelchair] option[selected]')?.getAttribute('value'),
    ).toBe('yes');
    expect(textOf(form?.querySelector('textarea[name=description_ar]'))).toBe('نطبخ معًا');
    expect(form?.querySelector('fieldset[lang=ar]')?.getAttribute('dir')).toBe('rtl');
    // A verbinder does not hand her offer to someone else.
    expect(form?.querySelector('select[name=owner]')).toBeNull();
    expect(textOf(shown.querySelector('dl'))).toContain(
      '7 maanden geleden Verouderd: al een half jaar niet nagekeken',
    );
  });

  it('lets a coordinator choose who keeps it current', async () => {
    const shown = await page(
      { owners: [{ value: 'staff-1', text: 'Anna (Stratum)' }] },
      { role: 'coordinator' },
    );
    const options = shown.querySelectorAll('select[name=owner] option').map((o) => textOf(o));
    expect(options).toEqual(['Niemand', 'Anna (Stratum)']);
    expect(shown.querySelector('select[name=owner] option[selected]')?.getAttribute('value')).toBe(
      'staff-1',
    );
  });

  it('shows each problem next to its field in Dutch and keeps what was typed', async () => {
    const shown = await page({
      record: { ...recordFromOffer(offer), name: scriptName, interests: '', languages: 'nl;xx' },
      problems: [
        { line: 0, code: 'noInterests', column: 'interests' },
        { line: 0, code: 'unknownLanguage', column: 'languages', value: 'xx' },
        { line: 0, code: 'duplicate', column: 'name', value: scriptName },
      ],
    });
    expect(textOf(shown.querySelector('[role=alert]'))).toBe(
      'Niet opgeslagen. Kijk bij de velden hieronder wat anders moet.',
    );
    expect(textOf(shown.querySelector('#interests-problem'))).toBe(
      'Kies minstens één interesse. Alleen een training mag zonder.',
    );
    expect(textOf(shown.querySelector('#languages-problem'))).toBe(
      '"xx" is geen taalcode. Gebruik codes zoals so of fa.',
    );
    const name = shown.querySelector('input[name=name]');
    expect(name?.getAttribute('value')).toBe(scriptName);
    expect(name?.getAttribute('aria-describedby')).toBe('name-problem');
    expect(textOf(shown.querySelector('#name-problem'))).toBe(
      `Er staat al aanbod met de naam "${scriptName}" in deze wijk. Kies een andere naam.`,
    );
    expect(shown.querySelector('input[name=other_languages]')?.getAttribute('value')).toBe('xx');
    expect(shown.querySelector('script')).toBeNull();
  });

  it('words problems in the staff member’s own language', async () => {
    const shown = await page(
      { problems: [{ line: 0, code: 'empty', column: 'description' }] },
      { language: 'tr' },
    );
    expect(textOf(shown.querySelector('#description-problem'))).toBe('Lütfen bunu doldurun.');
  });

  it('shows the fields read-only, without buttons, to whoever may not change the offer', async () => {
    const shown = await page({ editable: false });
    expect(
      shown.querySelector('form[action="/kaart/offer"] fieldset')?.hasAttribute('disabled'),
    ).toBe(true);
    expect(shown.querySelectorAll('button')).toHaveLength(0);
    expect(textOf(shown.querySelector('p.notice'))).toContain('Alleen de beheerder');
  });
});
