/**
 * Sends invitations whose time has come: each is marked before it is started, so two
 * workers never send the same one, and started with a once-key, so a worker that takes over
 * a dead one's claim never starts it twice; a resident without consent, who said STOP or
 * blocked the bot is skipped and the invitation marked so.
 */
import type { InboundHandler } from '../conversations/inbound-handler.js';
import type { Store } from '../store/store.js';

export async function sendDueInvitations(
  store: Store,
  handler: Pick<InboundHandler, 'startFlow'>,
  now: Date,
): Promise<number> {
  let sent = 0;
  for (const invitation of await store.invitations.due(now)) {
    if (!(await store.invitations.claim(invitation.id, now))) continue;
    const { identity } = invitation;
    const replies = identity
      ? await handler.startFlow(identity.channel, identity.externalId, invitation.flow, {
          once: `invitation:${invitation.id}`,
        })
      : null;
    await store.invitations.record(invitation.id, replies ? 'sent' : 'skipped');
    if (replies) sent += 1;
  }
  return sent;
}
