/**
 * Claiming and closing a hand-off: the same from a verbinder's chat and from the web inbox.
 * Returns what the verbinder is told (a `staff.*` message, rendered in their language by the
 * caller) and, when something changed for the resident, the notice they are to get (see
 * resident-notices.ts).
 */
import type { BotMessage } from '../flows/events.js';
import type { PrismaClient } from '../store/prisma-client.js';
import type { ResidentNotice } from './resident-notices.js';

export type HandoffAction = 'claim' | 'close';

export interface HandoffActionResult {
  reply: BotMessage;
  /** For the resident, when something changed for them. */
  notice: ResidentNotice | null;
}

export async function actOnHandoff(
  prisma: PrismaClient,
  action: HandoffAction,
  number: number,
  verbinder: { id: string; name: string },
  now: Date,
): Promise<HandoffActionResult> {
  const handoff = await prisma.handoff.findUnique({
    where: { number },
    include: { contact: { select: { firstName: true } }, claimedBy: true },
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
      notice: claimed.count === 1 ? { handoffId: handoff.id, event: 'claimed' } : null,
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
    notice: { handoffId: handoff.id, event: 'closed' },
  };
}
