/**
 * How offers of the sociale kaart read in a chat: one line per offer in a list (name, when,
 * where; a training with its start), and a card with everything a resident needs to go
 * there. Labels are translated; the offer's own texts come as the kaart gives them, and a
 * card whose texts stayed Dutch says so in the resident's language.
 */
import type { BotMessage, MessageParam } from './events.js';
import type { OfferCard } from './kaart-lookup.js';

/** Every key this file uses, for `flows:check`. */
export const offerMessageKeys: readonly string[] = [
  'kaart.offerLine',
  'kaart.trainingLine',
  'kaart.offerCard',
  'kaart.offerCardInDutch',
  ...['when', 'start', 'where', 'contact', 'task', 'languages'].map(
    (line) => `kaart.cardLine.${line}`,
  ),
  'kaart.access.wheelchair',
  'kaart.access.noWheelchair',
  'kaart.access.busStop',
  'kaart.access.fromHome',
];

const text = (value: string): MessageParam => ({ text: value });

/** "Kookcafé De Pollepel: dinsdag 16.00–20.00 · Buurthuis, Stratum". */
export function offerLine(card: OfferCard): MessageParam {
  const details = [card.schedule, card.location].filter(Boolean).join(' · ');
  if (card.kind === 'training' && card.nextStart) {
    return {
      key: 'kaart.trainingLine',
      params: { name: text(card.name), start: text(card.nextStart), details: text(details) },
    };
  }
  if (!details) return text(card.name);
  return { key: 'kaart.offerLine', params: { name: text(card.name), details: text(details) } };
}

/** The offers as a list parameter, in the order given. */
export function offerList(cards: readonly OfferCard[]): MessageParam {
  return { list: cards.map(offerLine) };
}

/** The card "send me the details" sends: name, description, when, where, contact and more. */
export function offerCardMessage(card: OfferCard): BotMessage {
  const line = (key: string, value: string | null): MessageParam[] =>
    value ? [{ key: `kaart.cardLine.${key}`, params: { value: text(value) } }] : [];
  const access = (key: string, shown: boolean): MessageParam[] =>
    shown ? [{ key: `kaart.access.${key}` }] : [];
  const details: MessageParam[] = [
    ...line('when', card.schedule),
    ...line('start', card.nextStart),
    ...line('where', card.location),
    ...line('contact', card.contact),
    ...line('task', card.volunteerTask),
    ...line('languages', card.languages.join(', ')),
    ...access('wheelchair', card.wheelchair === true),
    ...access('noWheelchair', card.wheelchair === false),
    ...access('busStop', card.busStop === true),
    ...access('fromHome', card.fromHome),
  ];
  return {
    key: card.inDutch ? 'kaart.offerCardInDutch' : 'kaart.offerCard',
    params: {
      name: text(card.name),
      description: text(card.description),
      details: { list: details },
    },
  };
}
