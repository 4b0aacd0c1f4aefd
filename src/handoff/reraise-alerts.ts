/**
 * The safety net under hand-off alerts: an open hand-off whose alert reached nobody a while
 * after it was raised (its outbox message was lost with an old process, the verbinder's chat
 * refused it, nobody was linked at the time) gets its alert raised again, to the owner and
 * every coordinator. Each raise is claimed with a guarded update first, so several
 * maintenance runs at once raise it once.
 */
import type { ChatAddress } from '../conversations/outbox-ports.js';
import type { Logger } from '../conversations/ports.js';
import type { Store } from '../store/store.js';
import type { HandoffAlerts } from './handoff-alerts.js';

/** How long an alert may take to reach someone before it is raised again. */
export const defaultReraiseAfterMs = 2 * 60_000;

export async function reraiseAlerts(
  store: Store,
  alerts: HandoffAlerts,
  now: Date,
  logger: Logger,
  afterMs = defaultReraiseAfterMs,
): Promise<{ reraised: number; chats: ChatAddress[] }> {
  const before = new Date(now.getTime() - afterMs);
  const chats: ChatAddress[] = [];
  let reraised = 0;
  for (const id of await store.handoffs.unalerted(before)) {
    const raised = await store.transaction(async (s) =>
      (await s.handoffs.claimReraise(id, before, now))
        ? alerts.raise(s, id, 'new', now, true)
        : null,
    );
    if (!raised) continue;
    reraised += 1;
    chats.push(...raised);
    logger.error(
      { handoff: id.slice(0, 8), recipients: raised.length },
      'hand-off alert raised again',
    );
  }
  return { reraised, chats };
}
