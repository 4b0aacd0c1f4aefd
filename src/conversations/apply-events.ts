/**
 * One switch over the engine's events: what each means for the database, and which
 * messages go out. Runs inside the transaction of a turn that is not ordinary (see
 * plan-turn.ts for the ordinary ones); sending happens after commit, from the outbox.
 */
import type { FlowRegistry } from '../flows/engine.js';
import type { EngineEvent } from '../flows/events.js';
import type { ChoiceSets } from '../flows/step-view.js';
import type { OutboundMessage } from './messages.js';
import { checkUpDueAt } from '../schedule/check-up-time.js';
import { myDataMessage } from './my-data-message.js';
import type { ChatAddress } from './outbox-ports.js';
import type {
  ContactSnapshot,
  HandoffOpener,
  ResidentRelay,
  StoreTx,
  Translator,
} from './ports.js';

export interface ApplyInput {
  tx: StoreTx;
  translator: Translator;
  /** The flow definitions, to put answers into words. */
  flows: FlowRegistry;
  /** Choice sets kept as data (the wijken), to put answers into words. */
  choiceSets: ChoiceSets;
  /** Opens hand-offs (owner, alert in the outbox); without it none is opened. */
  handoffs: HandoffOpener | undefined;
  /** Passes messages on to the verbinder talking with the resident; without it none is. */
  relay?: ResidentRelay | undefined;
  /** The resident this turn is with (`username`: their public handle, when the platform has one). */
  to: { channel: string; userId: string; displayName: string | null; username?: string | null };
  now: Date;
  /** The contact before this turn; null before consent. */
  contact: ContactSnapshot | null;
  /** The language the turn started in. */
  language: string;
}

export interface Applied {
  contactId: string | null;
  /** Chats that got alerts of hand-offs opened in this turn, to send after commit. */
  chats: ChatAddress[];
  /** The resident declined consent or said STOP before it: keep nothing. */
  forgotten: boolean;
  outbound: OutboundMessage[];
}

export async function applyEvents(input: ApplyInput, events: EngineEvent[]): Promise<Applied> {
  const { tx, translator, to, now } = input;
  let contactId = input.contact?.id ?? null;
  let wijk = input.contact?.wijk ?? null;
  let language = input.language;
  let forgotten = false;
  const outbound: OutboundMessage[] = [];
  const chats: ChatAddress[] = [];

  for (const event of events) {
    switch (event.type) {
      case 'message': {
        const rendered = translator.render(event.message, language);
        outbound.push({ channel: to.channel, userId: to.userId, ...rendered });
        break;
      }
      case 'contact_field_set':
        if (event.field === 'language') language = event.value;
        if (event.field === 'wijk') wijk = event.value;
        if (contactId) await tx.updateContact(contactId, { [event.field]: event.value });
        break;
      case 'consent_given':
        contactId ??= await tx.createContact({
          channel: to.channel,
          externalId: to.userId,
          language,
          firstName: to.displayName,
          at: now,
        });
        await tx.recordConsent(contactId, {
          purpose: event.purpose,
          textVersion: event.textVersion,
          granted: true,
          at: now,
        });
        break;
      case 'contact_detail_given':
        if (!contactId) break;
        await tx.keepContactDetail(contactId, {
          kind: event.kind,
          value: event.value,
          purpose: event.purpose,
          at: now,
        });
        break;
      case 'answer_saved':
        if (!contactId) break;
        await tx.saveAnswer(contactId, { ...answerRow(event), at: now });
        break;
      case 'record_completed':
        if (!contactId) break;
        if (event.record === 'talentProfile') {
          await tx.saveTalentProfile(contactId, event.runId, event.answers, now);
        } else if (event.record === 'signUp') {
          await tx.saveSignUp(contactId, event.runId, event.answers, now);
        } else if (event.record === 'matchCheckUp') {
          await tx.completeMatchCheckUp(contactId, event.answers, now);
        } else {
          await tx.completeFollowUp(contactId, event.answers, now);
        }
        break;
      case 'handoff_requested': {
        if (!contactId || !input.handoffs) break;
        // Asking for a person is when a verbinder may reach them directly on their handle.
        if (to.username) {
          await tx.keepContactDetail(contactId, {
            kind: 'telegram',
            value: to.username,
            purpose: 'handoff',
            at: now,
          });
        }
        const opened = await input.handoffs.open(tx, contactId, {
          reason: event.reason,
          urgency: event.urgency,
          wijk,
          summary: { flow: event.flow, answers: event.answers },
          at: now,
        });
        chats.push(...opened.chats);
        break;
      }
      case 'message_scheduled':
        if (!contactId) break;
        await tx.scheduleMessage({
          kind: event.kind,
          channel: to.channel,
          contactId,
          subject: `run:${event.runId}`,
          dueAt: checkUpDueAt(now, event.after),
        });
        break;
      case 'offer_chosen':
        if (!contactId) break;
        await tx.recordOfferChoice?.(contactId, {
          offerId: event.offerId,
          action: event.action,
          wijk,
          at: now,
        });
        break;
      case 'relayed':
      case 'media_forwarded': {
        if (!contactId || !input.relay) break;
        const message = {
          text: event.type === 'relayed' ? (event.text ?? null) : null,
          mediaKind: event.media ? (event.media.kind ?? 'media') : null,
          mediaRef: event.media?.ref ?? null,
          channel: to.channel,
        };
        chats.push(...(await input.relay.relay(tx, contactId, message, now)));
        break;
      }
      case 'stopped':
        if (!contactId) break;
        await tx.updateContact(contactId, { status: 'stopped' });
        await tx.cancelPending(contactId, now);
        break;
      case 'data_requested': {
        const record = contactId ? await tx.describeContact(contactId) : null;
        const message = myDataMessage(record, {
          translator,
          flows: input.flows,
          language,
          sets: input.choiceSets,
        });
        outbound.push({
          channel: to.channel,
          userId: to.userId,
          ...translator.render(message, language),
        });
        break;
      }
      case 'erase':
        if (contactId) await tx.eraseContact(contactId, now);
        contactId = null;
        forgotten = true;
        break;
      case 'forget':
        if (contactId) await tx.forgetContact(contactId, now);
        contactId = null;
        forgotten = true;
        break;
      case 'flow_started':
      case 'flow_paused':
      case 'flow_resumed':
      case 'flow_ended':
      case 'invalid_answer':
        break;
    }
  }
  return { contactId, chats, forgotten, outbound };
}

/** An answer the engine saved, as it is stored. */
export function answerRow(event: Extract<EngineEvent, { type: 'answer_saved' }>) {
  return {
    runId: event.runId,
    flowId: event.flow,
    flowVersion: event.flowVersion,
    stepId: event.step,
    name: event.name,
    value: event.value,
    indicator: event.indicator,
  };
}
