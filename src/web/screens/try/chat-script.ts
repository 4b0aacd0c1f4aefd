/**
 * The web chat's one script, served as /try/chat.js: Bloei's replies show up as they come
 * in. It asks /try/latest for the newest line's id and, when that changed, swaps in the
 * page's `#chat-live` and scrolls to the last line; what is being typed stays. Polls every
 * 1.5 s for two minutes, then every 10 s, for half an hour.
 */
import { liveRegionScript } from '../../components/live-region-script.js';

export const chatScript = liveRegionScript({
  regionId: 'chat-live',
  latestUrl: '/try/latest',
  fastMs: 1500,
  fastForMs: 2 * 60 * 1000,
  slowMs: 10000,
  stopAfterMs: 30 * 60 * 1000,
  scrollToLast: '.chat > li:last-child',
});
