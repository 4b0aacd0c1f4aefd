/**
 * Claiming and closing a hand-off: the same from a verbinder's chat and from the web inbox.
 * Returns what the verbinder is told (a `staff.*` message, rendered in their language by the
 * caller) and what the resident is told, in their own language, when something changed for
 * them: who will contact them, or that they can go on with Bloei.
 */
import type { OutboundMessage } from '../conversations/messages.js';
import type { Translator } from '../conversations/ports.js';
import type { BotMessage } from '../flows/events.js';
import type { PrismaClient } from '../store/prisma-client.js';

export type HandoffAction = 'claim' | 'close';

export interface HandoffActionResult {
  reply: BotMessage;
  /** For the resident; null when nothing changed for them or they cannot be reached. */
  notice: OutboundMessage | null;
}

export async function actOnHandoff(
  prisma: PrismaClient,
  translator: Translator,
  action: HandoffAction,
  number: number,
  verbinder: { id: string; name: string },
  now: Date,
): Promise<HandoffActionResult> {
  const handoff = await prisma.handoff.findUnique({
    where: { number },
    include: { contact: { include: { identities: true } }, claimedBy: true },
  });
  const num = { number: { text: String(number) } };
  const only = (key: string, params: BotMessage['params'] = {}) => ({
    reply: { key, params: { ...num, ...params } },
    notice: null,
  });
  if (!handoff) return only('staff.unknownHandoff');
  if (handoff.status === 'closed') return only('staff.alreadyClosed');
  const name = handoff.contact.firstName
    ? { text: handoff.contact.firstName }
    : { key: 'staff.noName' };
  const identity = handoff.contact.identities[0];
  const notify = (key: string, params: BotMessage['params'] = {}) =>
    identity && handoff.contact.status === 'active'
      ? {
          channel: identity.channel,
          userId: identity.externalId,
          ...translator.render({ key, params }, handoff.contact.language),
        }
      : null;
  if (action === 'claim') {
    if (handoff.claimedBy && handoff.claimedById !== verbinder.id) {
      return only('staff.claimedByOther', { by: { text: handoff.claimedBy.name } });
    }
    const claimed = await prisma.handoff.updateMany({
      where: { id: handoff.id, status: 'open' },
      data: { status: 'claimed', claimedById: verbinder.id, claimedAt: now },
    });
    return {
      reply: { key: 'staff.claimed', params: { ...num, name } },
      notice:
        claimed.count === 1 ? notify('handoff.claimed', { name: { text: verbinder.name } }) : null,
    };
  }
  const closed = await prisma.handoff.updateMany({
    where: { id: handoff.id, status: { not: 'closed' } },
    data: {
      status: 'closed',
      closedAt: now,
      claimedById: handoff.claimedById ?? verbinder.id,
      claimedAt: handoff.claimedAt ?? now,
    },
  });
  if (closed.count !== 1) return only('staff.alreadyClosed');
  return {
    reply: { key: 'staff.closedDone', params: { ...num, name } },
    notice: notify('handoff.closed'),
  };
}
