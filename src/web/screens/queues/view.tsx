/** Where the queue board would be, on a dashboard without Redis. */
import type { PageContext } from '../../page-context.js';

export function QueuesUnavailable({ ctx }: { ctx: PageContext }) {
  return <p>{ctx.t('queues.unavailable')}</p>;
}
