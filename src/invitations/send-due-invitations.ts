/**
 * Sends invitations whose time has come: each is marked before it is started, so two
 * workers never send the same one; a resident without consent, who said STOP or blocked the
 * bot is skipped and the invitation marked so.
 */
import type { InboundHandler } from '../conversations/inbound-handler.js';
import type { PrismaClient } from '../store/prisma-client.js';

export async function sendDueInvitations(
  prisma: PrismaClient,
  handler: Pick<InboundHandler, 'startFlow'>,
  now: Date,
): Promise<number> {
  const due = await prisma.invitation.findMany({
    where: { sentAt: null, dueAt: { lte: now } },
    include: { contact: { include: { identities: { take: 1, orderBy: { createdAt: 'asc' } } } } },
    orderBy: { dueAt: 'asc' },
    take: 100,
  });
  let sent = 0;
  for (const invitation of due) {
    const claimed = await prisma.invitation.updateMany({
      where: { id: invitation.id, sentAt: null },
      data: { sentAt: now },
    });
    if (claimed.count !== 1) continue;
    const identity = invitation.contact.identities[0];
    const replies = identity
      ? await handler.startFlow(identity.channel, identity.externalId, invitation.flow)
      : null;
    await prisma.invitation.update({
      where: { id: invitation.id },
      data: { outcome: replies ? 'sent' : 'skipped' },
    });
    if (replies) sent += 1;
  }
  return sent;
}
