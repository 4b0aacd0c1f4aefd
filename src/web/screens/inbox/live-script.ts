/**
 * The hand-off page's one script, served as /inbox/live.js: new messages of the conversation
 * show up without a reload. It asks /inbox/<number>/latest (the region's `data-latest-url`)
 * for the conversation's version (how many messages, how many settled) and, when that
 * changed, swaps in the page's `#conversation-live`; the reply box and what is being typed
 * stay. Polls every 3 s for ten minutes, then every 15 s, for an hour.
 */
import { liveRegionScript } from '../../components/live-region-script.js';

export const inboxLiveScript = liveRegionScript({
  regionId: 'conversation-live',
  fastMs: 3000,
  fastForMs: 10 * 60 * 1000,
  slowMs: 15000,
  stopAfterMs: 60 * 60 * 1000,
});
