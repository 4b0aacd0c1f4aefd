/**
 * Sends scheduled messages whose time has come, from the maintenance job: each is claimed
 * before its flow starts, so two workers never send the same one; a claim a worker left
 * behind when it died is taken over after a while, and the flow's once-key makes sure the
 * resident still gets it exactly once (see InboundHandler.startFlow). Its messages go out
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
  handler: Pick<InboundHandler, 'startFlow' | 'notify'>,
  now: Date,
  logger: Logger,
): Promise<number> {
  let sent = 0;
  for (const message of await store.scheduled.due(now)) {
    if (!insideContactWindow(now, message.preferredTime)) {
      await store.scheduled.postpone(message.id, placeForContact(now, message.preferredTime));
      continue;
    }
    if (!(await store.scheduled.claim(message.id, now))) continue;
    const { identity } = message;
    const kind = scheduledKind(message.kind);
    // Started at most once per message, even by a worker that takes over a dead one's claim.
    const once = { once: `scheduled:${message.id}` };
    let replies = null;
    if (identity && 'flow' in kind) {
      replies = await handler.startFlow(identity.channel, identity.externalId, kind.flow, once);
    } else if (identity && 'text' in kind) {
      const text = await kind.text(store, message.subject, message.language);
      if (text) replies = await handler.notify(identity.channel, identity.externalId, text, once);
    }
    await store.scheduled.finish(message.id, replies ? 'sent' : 'skipped', now);
    logger.info(
      { scheduled: message.id.slice(0, 8), kind: message.kind, sent: Boolean(replies) },
      'scheduled message',
    );
    if (replies) sent += 1;
  }
  return sent;
}
