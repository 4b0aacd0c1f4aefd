/**
 * A stale-offer nudge as its reader gets it in their chat, in their language: which offers to
 * look at and why — not checked since a date, or a start date that has passed — and where to
 * say "still correct". Offers and wijken by name, dates as people write them.
 */
import { DateTime } from 'luxon';
import type { BotMessage, MessageParam } from '../flows/events.js';
import { CITY_WIDE, KAART_ZONE } from './offer.js';
import { writtenDay } from './offer-card.js';
import type { StaleOfferNudge } from './plan-stale-nudges.js';

/** Every key this file uses, for the locale checks. */
export const staleNudgeKeys: readonly string[] = [
  'staff.kaartNudge.owner',
  'staff.kaartNudge.coordinators',
  'staff.kaartNudge.notChecked',
  'staff.kaartNudge.startPassed',
  'staff.kaartNudge.cityWide',
];

export function staleNudgeMessage(
  nudge: StaleOfferNudge,
  language: string,
  wijkNames: ReadonlyMap<string, string>,
  /** The reader keeps these offers current (else: a coordinator, for offers nobody keeps). */
  owner: boolean,
): BotMessage {
  const lines: MessageParam[] = nudge.offers.map(({ offer, reasons }) => {
    const startPassed = reasons.includes('startPassed') && offer.nextStart !== null;
    const day = startPassed
      ? offer.nextStart!
      : DateTime.fromJSDate(offer.checkedAt, { zone: KAART_ZONE }).toISODate()!;
    const wijk: MessageParam =
      offer.wijk === CITY_WIDE
        ? { key: 'staff.kaartNudge.cityWide' }
        : { text: wijkNames.get(offer.wijk) ?? offer.wijk };
    return {
      key: `staff.kaartNudge.${startPassed ? 'startPassed' : 'notChecked'}`,
      params: { name: { text: offer.name }, wijk, date: { text: writtenDay(day, language) } },
    };
  });
  return {
    key: `staff.kaartNudge.${owner ? 'owner' : 'coordinators'}`,
    params: { offers: { list: lines } },
  };
}
