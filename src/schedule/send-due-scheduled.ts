/**
 * Sends scheduled messages whose time has come, from the maintenance job: each is claimed
 * before its flow starts, so two workers never send the same one, and its messages go out
 * through the resident's outbox like every reply. A resident who said STOP, blocked the bot
 * or has no identity on the channel any more is skipped and the message marked so. A message
 * whose time came outside the resident's preferred hours (they chose them later, or the job
 * ran late) waits for the next moment inside them.
 */
import type { InboundHandler } from '../conversations/inbound-handler.js';
import type { Logger } from '../conversations/ports.js';
import type { Store } from '../store/store.js';
import { insideContactWindow, placeForContact } from './contact-window.js';
import { scheduledKind } from './scheduled-kinds.js';

export async function sendDueScheduled(
  store: Store,
  handler: Pick<InboundHandler, 'startFlow'>,
  now: Date,
  logger: Logger,
): Promise<number> {
  let sent = 0;
  for (const message of await store.scheduled.due(now)) {
    if (!insideContactWindow(now, message.preferredTime)) {
      await store.scheduled.postpone(message.id, placeForContact(now, message.preferredTime));
      continue;
    }
    if (!(await store.scheduled.claim(message.id))) continue;
    const { identity } = message;
    const replies = identity
      ? await handler.startFlow(
          identity.channel,
          identity.externalId,
          scheduledKind(message.kind).flow,
        )
      : null;
    await store.scheduled.finish(message.id, replies ? 'sent' : 'skipped', now);
    logger.info(
      { scheduled: message.id.slice(0, 8), kind: message.kind, sent: Boolean(replies) },
      'scheduled message',
    );
    if (replies) sent += 1;
  }
  return sent;
}
