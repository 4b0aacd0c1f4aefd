/**
 * How Bloei answers a signal. A crisis: at once the numbers that help (112, 113, Veilig
 * Thuis) in the chat's language, an urgent hand-off once, and the questionnaire waits until
 * the resident says to go on. A concern: a gentle offer of a verbinder, at most once a day,
 * never during onboarding, another offer or an open hand-off.
 */
import { careFlow, interruptions } from '../core-flows.js';
import { withinADay, type TurnOps } from '../turn-ops.js';
import { detectConcern, detectCrisis } from './detect-signals.js';
import type { ConcernKind } from './phrase-book.js';

/** Answers a crisis message; false when the message is none. */
export function respondToCrisis(turn: TurnOps, text: string): boolean {
  const crisis = detectCrisis(text);
  if (!crisis) return false;
  turn.say('safety.message');
  if (!turn.state.consented) return true;
  if (!turn.state.safetyHold) {
    const run = turn.state.run;
    turn.emit({
      type: 'handoff_requested',
      reason: 'safety_signal',
      urgency: 'urgent',
      flow: run?.flow ?? null,
      answers: { signal: crisis.kind },
    });
    turn.setAside(run);
    turn.state.safetyHold = true;
  }
  turn.say('safety.continueLater');
  return true;
}

/** The concern to offer a verbinder for, when this message tells of one and may get an offer. */
export function concernToOffer(turn: TurnOps, text: string): ConcernKind | null {
  const { state, ctx } = turn;
  if (!state.consented || ctx.handoffOpen) return null;
  if (state.run && interruptions.has(state.run.flow)) return null;
  if (withinADay(state.concernOfferedAt, ctx.now)) return null;
  return detectConcern(text)?.kind ?? null;
}

/** Offers a verbinder; the current questionnaire waits and is asked again afterwards. */
export function offerCare(turn: TurnOps, concern: ConcernKind): void {
  turn.state.concernOfferedAt = turn.ctx.now.toISOString();
  turn.interrupt(careFlow(concern));
}
