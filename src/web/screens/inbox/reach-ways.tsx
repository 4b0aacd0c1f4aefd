/**
 * How the verbinder can reach the resident directly, as links: WhatsApp (wa.me), Telegram
 * (t.me/@username or the account link) and a number the resident gave to be called on
 * (tel:). Without any, that the resident is reachable only through Bloei.
 */
import { reachWayMessage, reachWays } from '../../../handoff/reach-resident.js';
import type { HandoffDetail } from '../../../store/finders/inbox-finder.js';
import type { PageContext } from '../../page-context.js';

export function ReachWays({
  ctx,
  handoff,
}: {
  ctx: PageContext;
  handoff: Pick<HandoffDetail, 'identities' | 'details'>;
}) {
  const ways = reachWays(handoff);
  if (ways.length === 0) return <>{ctx.render({ key: 'staff.reachNone', params: {} })}</>;
  return (
    <ul class="inline reach">
      {ways.map((way) => (
        <li>
          <a href={way.link}>{ctx.render(reachWayMessage(way))}</a>
        </li>
      ))}
    </ul>
  );
}
