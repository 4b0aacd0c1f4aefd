/**
 * Changes to one offer from the dashboard: add or edit it (a form whose fields carry the kaart
 * file's column names, checked by the same {@link validateOfferRecord} as an import), mark it
 * "still correct", hide or show it again. Who may do which is {@link canEditOffer}'s and
 * {@link canAddOffer}'s; a verbinder adds offers in her own wijk only, and owns them.
 */
import { canAddOffer, canEditOffer } from './can-edit-offer.js';
import type { OfferProblem } from './offer-problem.js';
import { newOfferFields, type Offer, type OfferData, type OfferTexts } from './offer.js';
import type { OfferStore, StaffRef } from './offer-store.js';
import { validateOfferRecord, type OfferRow } from './validate-offer-record.js';

/** Who is changing the kaart. */
export type OfferEditor = Pick<StaffRef, 'id' | 'role' | 'wijkId' | 'active'>;

/** `refused`: not theirs to change; `notFound`: no such offer. */
export type OfferEditOutcome =
  | { ok: true; offer: Offer | null }
  | { ok: false; reason: 'refused' | 'notFound' }
  | { ok: false; reason: 'invalid'; problems: OfferProblem[] };

/** One stored offer by id, or null. */
export async function findOffer(store: OfferStore, id: string): Promise<Offer | null> {
  return (await store.listOffers()).find((offer) => offer.id === id) ?? null;
}

/**
 * Adds an offer (`id` null) or replaces every field of one with the form's. The form's
 * `owner` counts for a coordinator only: a verbinder's new offer is hers, and an edit keeps
 * its owner. Saving counts as checking the offer at `at`. An offer keeps whether it is shown.
 */
export async function saveOfferForm(
  store: OfferStore,
  editor: OfferEditor,
  id: string | null,
  record: Record<string, string>,
  at: Date,
): Promise<OfferEditOutcome> {
  const [offers, wijken, staff] = await Promise.all([
    store.listOffers(),
    store.wijkIds(),
    store.staff(),
  ]);
  const stored = id === null ? null : offers.find((offer) => offer.id === id);
  if (stored === undefined) return { ok: false, reason: 'notFound' };
  if (stored && !canEditOffer(editor, stored)) return { ok: false, reason: 'refused' };
  const coordinator = editor.role === 'coordinator';
  const cells = { ...record };
  if (!coordinator) delete cells['owner'];
  delete cells['active'];
  delete cells['last_checked'];

  const owners = new Map(
    staff.filter((member) => member.active).map((member) => [member.id.toLowerCase(), member.id]),
  );
  const { row, problems } = validateOfferRecord(cells, 0, { wijken, owners });
  if (!row) return { ok: false, reason: 'invalid', problems };
  // A verbinder keeps to her wijk: an offer moves or starts only where she may add one.
  if (stored?.wijk !== row.wijk && !canAddOffer(editor, row.wijk)) {
    return { ok: false, reason: 'refused' };
  }
  const taken = offers.find(
    (offer) => offer.id !== id && offer.name === row.name && offer.wijk === row.wijk,
  );
  if (taken) {
    const duplicate: OfferProblem = { line: 0, code: 'duplicate', column: 'name', value: row.name };
    return { ok: false, reason: 'invalid', problems: [duplicate] };
  }

  const base = stored ?? { ...newOfferFields(at), ownerId: coordinator ? null : editor.id };
  const data: OfferData = {
    ...newOfferFields(at),
    ...pickFields(base),
    ...row.fields,
    name: row.name,
    wijk: row.wijk,
    checkedAt: at,
    translations: translationsOf(row),
  };
  await store.saveOffers([{ id: stored?.id ?? null, data }]);
  return { ok: true, offer: stored };
}

/** "Still correct": the offer counts as checked at `at`. */
export function confirmOffer(
  store: OfferStore,
  editor: OfferEditor,
  id: string,
  at: Date,
): Promise<OfferEditOutcome> {
  return changeOffer(store, editor, id, (offer) => store.confirmStillCorrect(offer.id, at));
}

/** Hides an offer from residents (`active` false) or shows it again. Offers are never deleted. */
export function setOfferActive(
  store: OfferStore,
  editor: OfferEditor,
  id: string,
  active: boolean,
): Promise<OfferEditOutcome> {
  return changeOffer(store, editor, id, (offer) => store.setActive(offer.id, active));
}

async function changeOffer(
  store: OfferStore,
  editor: OfferEditor,
  id: string,
  change: (offer: Offer) => Promise<boolean>,
): Promise<OfferEditOutcome> {
  const offer = await findOffer(store, id);
  if (!offer) return { ok: false, reason: 'notFound' };
  if (!canEditOffer(editor, offer)) return { ok: false, reason: 'refused' };
  if (!(await change(offer))) return { ok: false, reason: 'notFound' };
  return { ok: true, offer };
}

/** An offer's fields without its identity, translations and bookkeeping. */
function pickFields(offer: Omit<OfferData, 'name' | 'wijk' | 'translations'>) {
  const { kind, training, interests, description, schedule, location, contact, languages } = offer;
  const { volunteerTask, timeNeeded, wheelchair, busStop, fromHome, nextStart } = offer;
  const { active, ownerId, checkedAt } = offer;
  return {
    kind,
    training,
    interests,
    description,
    schedule,
    location,
    contact,
    languages,
    volunteerTask,
    timeNeeded,
    wheelchair,
    busStop,
    fromHome,
    nextStart,
    active,
    ownerId,
    checkedAt,
  };
}

/** The form holds every translation: what it leaves empty is gone. */
function translationsOf(row: OfferRow): Record<string, OfferTexts> {
  const translations: Record<string, OfferTexts> = {};
  for (const [language, texts] of Object.entries(row.translations)) {
    const kept = Object.fromEntries(
      Object.entries(texts).filter((entry): entry is [string, string] => entry[1] !== null),
    );
    if (Object.keys(kept).length > 0) translations[language] = kept;
  }
  return translations;
}
