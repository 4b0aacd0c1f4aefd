/**
 * Who may change the kaart: a coordinator anything; a verbinder the offers they own, and new
 * offers in their own wijk (which they then own). Keeping an offer current is the owner's job,
 * so the owner must be able to do it without asking anyone.
 */
import type { Offer } from './offer.js';
import type { StaffRef } from './offer-store.js';

type Staff = Pick<StaffRef, 'id' | 'role' | 'wijkId' | 'active'>;

/** Edit, deactivate or mark "still correct". */
export function canEditOffer(staff: Staff, offer: Pick<Offer, 'ownerId'>): boolean {
  if (!staff.active) return false;
  return staff.role === 'coordinator' || offer.ownerId === staff.id;
}

/** Add an offer in `wijk` (a wijk id or "all"). */
export function canAddOffer(staff: Staff, wijk: string): boolean {
  if (!staff.active) return false;
  return staff.role === 'coordinator' || (staff.wijkId !== null && staff.wijkId === wijk);
}
