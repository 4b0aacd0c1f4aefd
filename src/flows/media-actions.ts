/**
 * Voice notes and photos. Bloei cannot read them (no speech recognition), but a resident who
 * speaks rather than types should not meet a closed door: while a verbinder handles their
 * hand-off the media is passed on; otherwise Bloei offers to pass it to a verbinder (once a
 * day; the hand-off carries the media for the host to attach). Before consent, and for
 * stickers, the question is simply asked again.
 */
import type { EngineInput } from './engine.js';
import { coreFlows } from './core-flows.js';
import type { MediaRef } from './state.js';
import { withinADay, type TurnOps } from './turn-ops.js';

/** Media kinds that carry no message to pass on. */
const decorative = new Set(['sticker', 'reaction']);

/** Handles a media message; false when it is answered like any wrong answer. */
export function respondToMedia(turn: TurnOps, input: Extract<EngineInput, { type: 'media' }>) {
  const { state, ctx } = turn;
  const media: MediaRef = { kind: input.kind ?? null, ref: input.ref ?? null };
  if (!state.consented || (media.kind && decorative.has(media.kind))) return false;
  if (ctx.handoffOpen || state.safetyHold) {
    turn.emit({ type: 'media_forwarded', media });
    if (state.safetyHold) return (turn.say('safety.holding'), true);
    turn.say('offers.media.forwarded');
    if (state.run) turn.ask(state.run);
    return true;
  }
  const run = state.run;
  if (run?.flow === coreFlows.mediaOffer) {
    run.media = [...(run.media ?? []), media];
    turn.ask(run);
    return true;
  }
  if (withinADay(state.mediaOfferedAt, ctx.now)) return false;
  state.mediaOfferedAt = ctx.now.toISOString();
  turn.interrupt(coreFlows.mediaOffer, { answers: {}, media: [media] });
  return true;
}
