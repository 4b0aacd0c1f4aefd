/**
 * An ordinary turn: the resident answered, consented, or asked something the engine answers
 * itself. Its events only say what to send, which answers and consents to keep, which contact
 * fields changed and whether the contact is new, so the whole turn is written in one
 * statement (ConversationStore.write). A turn with anything more (a hand-off, a finished
 * record, STOP, erasure, "my data") returns null here and goes through apply-events.ts in a
 * transaction instead.
 */
import type { EngineEvent } from '../flows/events.js';
import { answerRow } from './apply-events.js';
import type { OutboundMessage } from './messages.js';
import type { AnswerRow, ContactSnapshot, NewContact, Translator, TurnWrite } from './ports.js';

export interface PlannedTurn {
  /** The contact the turn writes to: the one it had, or the one created at consent. */
  contactId: string | null;
  contact: TurnWrite['contact'];
  newContact: NewContact | null;
  consents: TurnWrite['consents'];
  answers: AnswerRow[];
  outbound: OutboundMessage[];
}

const ordinary = new Set<EngineEvent['type']>([
  'message',
  'answer_saved',
  'consent_given',
  'contact_field_set',
  'flow_started',
  'flow_paused',
  'flow_resumed',
  'flow_ended',
  'invalid_answer',
]);

/** A new preferred time moves what is planned: more than one statement can write. */
function movesPlannedMessages(event: EngineEvent): boolean {
  return event.type === 'contact_field_set' && event.field === 'preferredTime';
}

export function planOrdinaryTurn(
  input: {
    translator: Translator;
    to: { channel: string; userId: string; displayName: string | null };
    contact: ContactSnapshot | null;
    language: string;
    /** The resident wrote (not a flow Bloei started): they are active, last seen now. */
    inbound: boolean;
    newId: () => string;
  },
  events: readonly EngineEvent[],
): PlannedTurn | null {
  if (!events.every((e) => ordinary.has(e.type) && !movesPlannedMessages(e))) return null;
  const { contact, to, translator } = input;
  let language = input.language;
  let newContact: NewContact | null = null;
  const fields: { language?: string; wijk?: string; firstName?: string } = {};
  const consents: TurnWrite['consents'] = [];
  const answers: AnswerRow[] = [];
  const outbound: OutboundMessage[] = [];
  for (const event of events) {
    if (event.type === 'message') {
      outbound.push({
        channel: to.channel,
        userId: to.userId,
        ...translator.render(event.message, language),
      });
    } else if (event.type === 'contact_field_set') {
      if (event.field === 'language') language = event.value;
      const field = event.field as Exclude<typeof event.field, 'preferredTime'>;
      if (newContact) newContact[field] = event.value;
      else fields[field] = event.value;
    } else if (event.type === 'consent_given') {
      newContact ??= contact
        ? null
        : {
            id: input.newId(),
            channel: to.channel,
            externalId: to.userId,
            language,
            firstName: to.displayName,
            wijk: null,
          };
      consents.push({ purpose: event.purpose, textVersion: event.textVersion });
    } else if (event.type === 'answer_saved' && (contact || newContact)) {
      answers.push(answerRow(event));
    }
  }
  const changed = Object.keys(fields).length > 0;
  return {
    contactId: contact?.id ?? newContact?.id ?? null,
    contact: contact && (input.inbound || changed) ? { inbound: input.inbound, ...fields } : null,
    newContact,
    consents,
    answers,
    outbound,
  };
}
