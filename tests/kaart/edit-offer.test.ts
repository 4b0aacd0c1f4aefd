import { describe, expect, it } from 'vitest';
import {
  confirmOffer,
  saveOfferForm,
  setOfferActive,
  type OfferEditor,
} from '../../src/kaart/edit-offer.js';
import type { Offer } from '../../src/kaart/offer.js';
import type { OfferStore, OfferWrite, StaffRef } from '../../src/kaart/offer-store.js';
import { makeOffer } from './make-offer.js';

const at = new Date('2026-12-07T10:00:00Z');
const carla: OfferEditor = { id: 'carla', role: 'coordinator', wijkId: null, active: true };
const anna: OfferEditor = { id: 'anna', role: 'verbinder', wijkId: 'stratum', active: true };
const bert: OfferEditor = { id: 'bert', role: 'verbinder', wijkId: 'stratum', active: true };

/** The storage port over an array: what each use case wrote is what the next one reads. */
function memoryStore(offers: Offer[]): OfferStore & { writes: OfferWrite[] } {
  const writes: OfferWrite[] = [];
  const staff: StaffRef[] = [carla, anna, bert].map((s) => ({ ...s, login: s.id }));
  const find = (id: string) => offers.find((o) => o.id === id);
  const update = async (id: string, change: Partial<Offer>) => {
    const offer = find(id);
    if (offer) Object.assign(offer, change);
    return offer !== undefined;
  };
  return {
    writes,
    listOffers: async () => offers.map((o) => structuredClone(o)),
    wijkIds: async () => ['stratum', 'centrum'],
    staff: async () => staff,
    neighbours: async () => new Map(),
    saveOffers: async (batch) => {
      writes.push(...batch);
      for (const write of batch) {
        const stored = write.id ? find(write.id) : undefined;
        if (stored) Object.assign(stored, write.data);
        else offers.push({ ...write.data, id: `new-${offers.length}`, nudgedAt: null });
      }
    },
    markNudged: async () => {},
    confirmStillCorrect: (id, when) => update(id, { checkedAt: when }),
    setActive: (id, active) => update(id, { active }),
    kaartVersion: async () => String(writes.length),
  };
}

const pollepel = () =>
  makeOffer({
    name: 'De Pollepel',
    wijk: 'stratum',
    interests: ['cooking'],
    ownerId: 'anna',
    active: false,
    translations: { ar: { description: 'قديم' }, en: { description: 'Old' } },
  });

const cells = (over: Record<string, string> = {}) => ({
  name: 'De Pollepel',
  wijk: 'stratum',
  interests: 'cooking;care',
  description: 'Samen koken.',
  when: 'dinsdag',
  where: 'Buurthuis',
  contact: '',
  languages: 'nl;ar',
  description_ar: 'نطبخ معًا',
  description_en: '',
  ...over,
});

describe(saveOfferForm.name, () => {
  it('saves every field for the owner, keeping owner and visibility, counting as a check', async () => {
    const store = memoryStore([pollepel()]);
    const outcome = await saveOfferForm(
      store,
      anna,
      'stratum/De Pollepel',
      cells({ owner: 'bert' }),
      at,
    );
    expect(outcome.ok).toBe(true);
    const [saved] = await store.listOffers();
    expect(saved).toMatchObject({
      interests: ['cooking', 'care'],
      languages: ['ar', 'nl'],
      ownerId: 'anna',
      active: false,
      checkedAt: at,
      // The form holds every translation: an emptied one is gone.
      translations: { ar: { description: 'نطبخ معًا' } },
    });
  });

  it('lets a coordinator choose the owner, and gives a verbinder her new offer', async () => {
    const store = memoryStore([pollepel()]);
    await saveOfferForm(store, carla, 'stratum/De Pollepel', cells({ owner: 'bert' }), at);
    await saveOfferForm(store, bert, null, cells({ name: 'Moestuin', interests: 'garden' }), at);
    const offers = await store.listOffers();
    expect(offers.map((o) => [o.name, o.ownerId, o.active])).toEqual([
      ['De Pollepel', 'bert', false],
      ['Moestuin', 'bert', true],
    ]);
  });

  it('refuses another verbinder, an offer outside her wijk, and a name already taken', async () => {
    const store = memoryStore([pollepel()]);
    const id = 'stratum/De Pollepel';
    expect(await saveOfferForm(store, bert, id, cells(), at)).toEqual({
      ok: false,
      reason: 'refused',
    });
    expect(await saveOfferForm(store, anna, null, cells({ name: 'X', wijk: 'all' }), at)).toEqual({
      ok: false,
      reason: 'refused',
    });
    expect(await saveOfferForm(store, anna, id, cells({ wijk: 'centrum' }), at)).toEqual({
      ok: false,
      reason: 'refused',
    });
    expect(await saveOfferForm(store, carla, null, cells(), at)).toMatchObject({
      ok: false,
      reason: 'invalid',
      problems: [{ code: 'duplicate', column: 'name', value: 'De Pollepel' }],
    });
    expect(await saveOfferForm(store, carla, 'nope', cells(), at)).toEqual({
      ok: false,
      reason: 'notFound',
    });
    expect(store.writes).toEqual([]);
  });

  it('checks the cells with the import’s rules, naming each wrong column', async () => {
    const store = memoryStore([]);
    const outcome = await saveOfferForm(
      store,
      carla,
      null,
      cells({ name: '', interests: '', languages: 'nl;xx', next_start: '2027-02-30' }),
      at,
    );
    expect(outcome.ok).toBe(false);
    expect(
      !outcome.ok && outcome.reason === 'invalid' && outcome.problems.map((p) => p.code),
    ).toEqual(['empty', 'unknownLanguage', 'noInterests', 'notADate']);
  });
});

describe('still correct, hide and show again', () => {
  it('are the owner’s and the coordinators’, nobody else’s', async () => {
    const store = memoryStore([pollepel()]);
    const id = 'stratum/De Pollepel';
    expect(await confirmOffer(store, bert, id, at)).toEqual({ ok: false, reason: 'refused' });
    expect(await setOfferActive(store, bert, id, true)).toEqual({ ok: false, reason: 'refused' });
    expect((await confirmOffer(store, anna, id, at)).ok).toBe(true);
    expect((await setOfferActive(store, carla, id, true)).ok).toBe(true);
    expect((await store.listOffers())[0]).toMatchObject({ checkedAt: at, active: true });
    expect(await confirmOffer(store, carla, 'nope', at)).toEqual({ ok: false, reason: 'notFound' });
  });
});
