/**
 * Tells verbinders about a hand-off in their own chat and language: who (as far as the
 * resident consented: first name, channel, language), wijk, reason, urgency, a short summary
 * of the answers, and buttons to claim or close. New and reminder alerts go to the owner (or
 * a coordinator when the wijk has nobody linked); escalations to the whole wijkteam.
 * The hand-off is re-read before sending: a claimed or closed one is not announced again.
 */
import type { BotMessage } from '../flows/events.js';
import type { FlowRegistry } from '../flows/engine.js';
import type { AnswerValue } from '../flows/state.js';
import type { Logger, Outbound, Translator } from '../conversations/ports.js';
import type { PrismaClient } from '../store/prisma-client.js';
import { summarizeAnswers } from './summarize-answers.js';

export type AlertKind = 'new' | 'reminder' | 'escalation';

export interface HandoffAlertsDeps {
  prisma: PrismaClient;
  translator: Translator;
  flows: FlowRegistry;
  outbound: Outbound;
  logger: Logger;
  clock?: () => Date;
}

interface Recipient {
  id: string;
  language: string;
  channel: string | null;
  externalId: string | null;
}

/** The resident's language as the verbinder reads it: "Arabisch" for a Dutch verbinder. */
function languageName(language: string, reader: string): string {
  return new Intl.DisplayNames([reader], { type: 'language' }).of(language) ?? language;
}

/** The ref a staff button carries: the hand-off's number. */
export const handoffRef = (number: number) => `h${number}`;

export class HandoffAlerts {
  constructor(private readonly deps: HandoffAlertsDeps) {}

  /** Sends the alert; returns how many verbinders it reached. */
  async deliver(handoffId: string, kind: AlertKind): Promise<number> {
    const { prisma, logger } = this.deps;
    const handoff = await prisma.handoff.findUnique({
      where: { id: handoffId },
      include: { contact: { include: { identities: true } }, owner: true },
    });
    if (!handoff || handoff.status !== 'open') return 0;
    const recipients = await this.recipients(handoff.wijk, handoff.owner, kind);
    if (recipients.length === 0) {
      logger.warn({ handoff: handoff.number }, 'no linked verbinder or coordinator for hand-off');
    }
    // Every wijk's name: the summary names the wijk a resident chose, not its id.
    const wijken = await prisma.wijk.findMany({ select: { id: true, name: true } });
    const wijk = wijken.find((w) => w.id === handoff.wijk) ?? null;
    const now = this.deps.clock?.() ?? new Date();
    const hours = Math.floor((now.getTime() - handoff.createdAt.getTime()) / 3_600_000);
    const identity = handoff.contact.identities[0];
    const summary = handoff.summary as {
      flow?: string | null;
      answers?: Record<string, AnswerValue>;
    };
    let sent = 0;
    for (const r of recipients) {
      if (!r.channel || !r.externalId) continue;
      const message: BotMessage = {
        key: `staff.${kind === 'new' ? 'alert' : kind}`,
        params: {
          number: { text: String(handoff.number) },
          urgency: { key: `staff.urgency.${handoff.urgency}` },
          name: handoff.contact.firstName
            ? { text: handoff.contact.firstName }
            : { key: 'staff.noName' },
          channel: { text: identity?.channel ?? '-' },
          language: { text: languageName(handoff.contact.language, r.language) },
          wijk: wijk ? { text: wijk.name } : { key: 'staff.unknownWijk' },
          reason: { key: `staff.reasons.${handoff.reason}` },
          summary: {
            text: summarizeAnswers(
              this.deps.translator,
              this.deps.flows,
              summary.flow ?? null,
              summary.answers ?? {},
              r.language,
              { wijken },
            ).join('\n'),
          },
          hours: { text: String(hours) },
        },
        choices: [
          { id: 'claim', label: { key: 'staff.claim' } },
          { id: 'close', label: { key: 'staff.close' } },
        ],
        ref: handoffRef(handoff.number),
      };
      const rendered = this.deps.translator.render(message, r.language);
      await this.deps.outbound.send({ channel: r.channel, userId: r.externalId, ...rendered });
      sent += 1;
    }
    logger.info({ handoff: handoff.number, kind, sent }, 'hand-off alert delivered');
    return sent;
  }

  private async recipients(
    wijk: string | null,
    owner: (Recipient & { linkedAt: Date | null; active: boolean }) | null,
    kind: AlertKind,
  ): Promise<Recipient[]> {
    const linked = { active: true, linkedAt: { not: null } };
    const select = { id: true, language: true, channel: true, externalId: true };
    if (kind !== 'escalation' && owner?.linkedAt && owner.active) return [owner];
    const coordinators = await this.deps.prisma.verbinder.findMany({
      where: { ...linked, role: 'coordinator' },
      select,
    });
    if (kind !== 'escalation') return coordinators;
    const team = wijk
      ? await this.deps.prisma.verbinder.findMany({ where: { ...linked, wijkId: wijk }, select })
      : [];
    return [...team, ...coordinators.filter((c) => !team.some((t) => t.id === c.id))];
  }
}
