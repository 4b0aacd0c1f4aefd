/**
 * An ordinary turn: the resident answered, or asked something the engine answers itself.
 * Its events only say what to send, which answers to keep and which contact fields changed,
 * so the whole turn is written in one statement (ConversationStore.write). A turn with
 * anything more (consent, a hand-off, a finished record, STOP, erasure, "my data") returns
 * null here and goes through apply-events.ts in a transaction instead.
 */
import type { EngineEvent } from '../flows/events.js';
import { answerRow } from './apply-events.js';
import type { OutboundMessage } from './messages.js';
import type { AnswerRow, ContactSnapshot, Translator, TurnWrite } from './ports.js';

export interface PlannedTurn {
  contact: TurnWrite['contact'];
  answers: AnswerRow[];
  outbound: OutboundMessage[];
}

const ordinary = new Set<EngineEvent['type']>([
  'message',
  'answer_saved',
  'contact_field_set',
  'flow_started',
  'flow_paused',
  'flow_resumed',
  'flow_ended',
  'invalid_answer',
]);

export function planOrdinaryTurn(
  input: {
    translator: Translator;
    to: { channel: string; userId: string };
    contact: ContactSnapshot | null;
    language: string;
    /** The resident wrote (not a flow Bloei started): they are active, last seen now. */
    inbound: boolean;
  },
  events: readonly EngineEvent[],
): PlannedTurn | null {
  if (!events.every((e) => ordinary.has(e.type))) return null;
  const { contact, to, translator } = input;
  let language = input.language;
  const fields: { language?: string; wijk?: string; firstName?: string } = {};
  const answers: AnswerRow[] = [];
  const outbound: OutboundMessage[] = [];
  for (const event of events) {
    if (event.type === 'message') {
      outbound.push({ ...to, ...translator.render(event.message, language) });
    } else if (event.type === 'contact_field_set') {
      if (event.field === 'language') language = event.value;
      fields[event.field] = event.value;
    } else if (event.type === 'answer_saved' && contact) {
      answers.push(answerRow(event));
    }
  }
  const changed = Object.keys(fields).length > 0;
  return {
    contact: contact && (input.inbound || changed) ? { inbound: input.inbound, ...fields } : null,
    answers,
    outbound,
  };
}
