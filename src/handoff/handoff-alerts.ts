/**
 * Tells verbinders about a hand-off in their own chat and language: who (as far as the
 * resident consented: first name, channel, language, how to reach them), wijk, reason, urgency, a short summary
 * of the answers, and buttons to claim or close. New and reminder alerts go to the owner (or
 * every coordinator when the owner is not linked); escalations to the whole wijkteam and the
 * coordinators. An alert is an outbox message written with the change that causes it (the
 * hand-off, the reminder mark), rendered when it is sent from the hand-off as it is then:
 * a claimed or closed one is not announced. The first "new" alert that goes out marks the
 * hand-off as alerted.
 */
import type { BotMessage } from '../flows/events.js';
import type { FlowRegistry } from '../flows/engine.js';
import { chatOf } from '../conversations/identity-key.js';
import type { OutboxKind } from '../conversations/outbox-kinds.js';
import type { ChatAddress, OutboxEntry } from '../conversations/outbox-ports.js';
import type { OwnerCandidateRow, RenderedMessage, Translator } from '../conversations/ports.js';
import type { Store } from '../store/store.js';
import { reachLine, reachWays } from './reach-resident.js';
import { summarizeAnswers } from './summarize-answers.js';

/**
 * `new`, `reminder` and `escalation` are about a hand-off nobody claimed; `relayReminder`
 * (to the verbinder who claimed it) and `relayEscalation` (to the wijkteam) about a
 * resident's message that verbinder left unanswered (see remind-unanswered-relay.ts).
 */
export type AlertKind = 'new' | 'reminder' | 'escalation' | 'relayReminder' | 'relayEscalation';

const aboutRelay = (kind: AlertKind) => kind === 'relayReminder' || kind === 'relayEscalation';
const toTeam = (kind: AlertKind) => kind === 'escalation' || kind === 'relayEscalation';

/** The outbox kind of hand-off alerts. */
export const handoffAlertKind = 'handoff-alert';

/** What an alert message in the outbox carries: row ids and the reader's language only. */
export interface AlertBody {
  handoffId: string;
  alert: AlertKind;
  language: string;
}

/** The ref a staff button carries: the hand-off's number. */
export const handoffRef = (number: number) => `h${number}`;

/** The outbox subject of a hand-off's alerts, so a missing one can be told from a slow one. */
export const handoffSubject = (handoffId: string) => `handoff:${handoffId}`;

/**
 * Who gets an alert. `widened` (an alert raised again because the first reached nobody)
 * adds the coordinators to the owner.
 */
export function alertRecipients(
  staff: readonly OwnerCandidateRow[],
  handoff: { ownerId: string | null; wijk: string | null },
  kind: AlertKind,
  widened = false,
): OwnerCandidateRow[] {
  const reachable = staff.filter((s) => s.channel && s.externalId);
  const coordinators = reachable.filter((s) => s.role === 'coordinator');
  const owner = reachable.find((s) => s.id === handoff.ownerId);
  const team =
    toTeam(kind) && handoff.wijk ? reachable.filter((s) => s.wijkId === handoff.wijk) : [];
  const chosen = toTeam(kind)
    ? [...team, ...coordinators]
    : owner
      ? [owner, ...(widened ? coordinators : [])]
      : coordinators;
  return [...new Map(chosen.map((s) => [s.id, s])).values()];
}

/** The alert for one recipient, as an outbox message of their chat. */
export function alertMessage(
  handoffId: string,
  kind: AlertKind,
  recipient: OwnerCandidateRow,
): { chat: ChatAddress; entry: OutboxEntry } {
  const body: AlertBody = { handoffId, alert: kind, language: recipient.language };
  return {
    chat: chatOf(recipient.channel!, recipient.externalId!),
    entry: { kind: handoffAlertKind, body, subject: handoffSubject(handoffId) },
  };
}

/** The resident's language as the verbinder reads it: "Arabisch" for a Dutch verbinder. */
function languageName(language: string, reader: string): string {
  return new Intl.DisplayNames([reader], { type: 'language' }).of(language) ?? language;
}

export class HandoffAlerts implements OutboxKind {
  constructor(
    private readonly deps: {
      store: Store;
      translator: Translator;
      flows: FlowRegistry;
      clock?: () => Date;
    },
  ) {}

  /**
   * Puts an alert about a hand-off in the outbox of every recipient, in `store`'s
   * transaction. Returns the chats written to (empty when nobody is linked yet).
   */
  async raise(
    store: Store,
    handoffId: string,
    kind: AlertKind,
    at: Date,
    widened = false,
  ): Promise<ChatAddress[]> {
    const handoff = await store.handoffs.forAlert(handoffId);
    if (!handoff) return [];
    const staff = await store.handoffs.linkedStaff();
    const ownerId = aboutRelay(kind)
      ? await store.handoffs.claimerOf(handoffId)
      : await store.handoffs.ownerOf(handoffId);
    const chats: ChatAddress[] = [];
    for (const recipient of alertRecipients(
      staff,
      { ownerId, wijk: handoff.wijk },
      kind,
      widened,
    )) {
      const { chat, entry } = alertMessage(handoffId, kind, recipient);
      await store.outbox.enqueue(chat, [entry], null, at);
      chats.push(chat);
    }
    return chats;
  }

  async render(body: unknown): Promise<RenderedMessage | null> {
    const { handoffId, alert, language } = body as AlertBody;
    const handoff = await this.deps.store.handoffs.forAlert(handoffId);
    if (!handoff || handoff.status !== (aboutRelay(alert) ? 'claimed' : 'open')) return null;
    // About a message left unanswered: not sent once it was answered; counted from it.
    const since = aboutRelay(alert)
      ? await this.deps.store.relay.oldestUnanswered(handoffId)
      : handoff.createdAt;
    if (!since) return null;
    const now = this.deps.clock?.() ?? new Date();
    const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
    const { contact, summary } = handoff;
    const message: BotMessage = {
      key: `staff.${alert === 'new' ? 'alert' : alert}`,
      params: {
        number: { text: String(handoff.number) },
        urgency: { key: `staff.urgency.${handoff.urgency}` },
        name: contact.firstName ? { text: contact.firstName } : { key: 'staff.noName' },
        channel: { text: contact.channel ?? '-' },
        language: { text: languageName(contact.language, language) },
        reach: { text: reachLine(this.deps.translator, reachWays(contact), language) },
        wijk: handoff.wijkName ? { text: handoff.wijkName } : { key: 'staff.unknownWijk' },
        reason: { key: `staff.reasons.${handoff.reason}` },
        summary: {
          text: summarizeAnswers(
            this.deps.translator,
            this.deps.flows,
            summary.flow ?? null,
            summary.answers ?? {},
            language,
            // The summary names the wijk a resident chose, not its id.
            { wijken: await this.deps.store.staff.wijken() },
          ).join('\n'),
        },
        hours: { text: String(hours) },
      },
      // Claiming means nothing once it is claimed: a reminder about a message has no buttons.
      choices: aboutRelay(alert)
        ? []
        : [
            { id: 'claim', label: { key: 'staff.claim' } },
            { id: 'close', label: { key: 'staff.close' } },
          ],
      ref: handoffRef(handoff.number),
    };
    return this.deps.translator.render(message, language);
  }

  async sent(body: unknown, _chat: ChatAddress, at: Date): Promise<void> {
    const { handoffId, alert } = body as AlertBody;
    if (alert === 'new') await this.deps.store.handoffs.markAlerted(handoffId, at);
  }
}
