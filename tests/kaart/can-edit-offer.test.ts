import { describe, expect, it } from 'vitest';
import { canAddOffer, canEditOffer } from '../../src/kaart/can-edit-offer.js';

const coordinator = { id: 'c', role: 'coordinator', wijkId: null, active: true };
const wilma = { id: 'w', role: 'verbinder', wijkId: 'stratum', active: true };

describe(canEditOffer.name, () => {
  it('lets a coordinator edit any offer and a verbinder only the offers they own', () => {
    expect(canEditOffer(coordinator, { ownerId: null })).toBe(true);
    expect(canEditOffer(wilma, { ownerId: 'w' })).toBe(true);
    expect(canEditOffer(wilma, { ownerId: 'someone else' })).toBe(false);
    expect(canEditOffer(wilma, { ownerId: null })).toBe(false);
  });

  it('lets nobody inactive edit', () => {
    expect(canEditOffer({ ...coordinator, active: false }, { ownerId: null })).toBe(false);
  });
});

describe(canAddOffer.name, () => {
  it('lets a verbinder add offers in their own wijk only', () => {
    expect(canAddOffer(wilma, 'stratum')).toBe(true);
    expect(canAddOffer(wilma, 'centrum')).toBe(false);
    expect(canAddOffer(wilma, 'all')).toBe(false);
    expect(canAddOffer(coordinator, 'all')).toBe(true);
  });
});
