/**
 * Fills an empty kaart with the example file on a first run, so someone trying Bloei sees real
 * places at the end of a talentenscan. A kaart that has any offer is never touched: example
 * places must not mix with a real kaart.
 */
import { importOffers, type OfferImportReport } from './import-offers.js';
import type { OfferStore } from './offer-store.js';

/** Imports `csv` when the kaart is empty; null when it already had offers. */
export async function loadExampleKaart(
  store: OfferStore,
  csv: string,
  at: Date,
): Promise<OfferImportReport | null> {
  if ((await store.listOffers()).length > 0) return null;
  return importOffers(store, csv, { at });
}
