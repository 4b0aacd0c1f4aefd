/**
 * What a resident hears about their hand-off: who will contact them once a verbinder claims
 * it, that they can go on with Bloei once it is closed. Told by whichever process holds the
 * resident's channel: with job queues the notice waits on that channel's queue (a WhatsApp
 * resident can only be reached by the process with the WhatsApp session), without them it
 * is sent at once. The text is rendered when it is sent, from the rows as they are then.
 */
import type { OutboundMessage } from '../conversations/messages.js';
import type { Outbound, Translator } from '../conversations/ports.js';
import type { BotMessage } from '../flows/events.js';
import type { PrismaClient } from '../store/prisma-client.js';

export type NoticeEvent = 'claimed' | 'closed';

export interface ResidentNotice {
  handoffId: string;
  event: NoticeEvent;
}

/** Puts a notice on the queue of `channel`; false when that channel has no queue. */
export type NoticeQueue = (channel: string, notice: ResidentNotice) => Promise<boolean>;

export class ResidentNotices {
  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      translator: Translator;
      outbound: Outbound;
      queue: NoticeQueue | null;
    },
  ) {}

  /** Tells the resident now, or queues it for the process that holds their channel. */
  async send(notice: ResidentNotice): Promise<void> {
    const message = await this.render(notice);
    if (!message) return;
    if (await this.deps.queue?.(message.channel, notice)) return;
    await this.deps.outbound.send(message);
  }

  /** Sends a queued notice (the job handler). */
  async deliver(notice: ResidentNotice): Promise<void> {
    const message = await this.render(notice);
    if (message) await this.deps.outbound.send(message);
  }

  /** Null when the resident cannot be reached: stopped, blocked, forgotten. */
  private async render({ handoffId, event }: ResidentNotice): Promise<OutboundMessage | null> {
    const handoff = await this.deps.prisma.handoff.findUnique({
      where: { id: handoffId },
      include: { contact: { include: { identities: true } }, claimedBy: true },
    });
    const identity = handoff?.contact.identities[0];
    if (!handoff || !identity || handoff.contact.status !== 'active') return null;
    const message: BotMessage =
      event === 'claimed'
        ? { key: 'handoff.claimed', params: { name: { text: handoff.claimedBy?.name ?? '' } } }
        : { key: 'handoff.closed', params: {} };
    return {
      channel: identity.channel,
      userId: identity.externalId,
      ...this.deps.translator.render(message, handoff.contact.language),
    };
  }
}
