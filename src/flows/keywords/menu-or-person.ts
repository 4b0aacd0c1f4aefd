/**
 * What `menu` and `person` share: before consent the resident is asked for consent first;
 * with a hand-off open they hear that a verbinder is coming; otherwise the run is set aside
 * for the menu, or for a hand-off.
 */
import { coreFlows } from '../core-flows.js';
import type { TurnOps } from '../turn-ops.js';

export function menuOrPerson(turn: TurnOps, keyword: 'menu' | 'person'): boolean {
  const { run, consented } = turn.state;
  if (!consented) {
    // Telegram sends /start when someone first opens the bot: that is a hello.
    if (!run) return false;
    turn.say('onboarding.consentFirst');
    turn.ask(run);
    return true;
  }
  turn.state.safetyHold = false;
  if (turn.ctx.handoffOpen) {
    turn.setAside(run);
    turn.say(keyword === 'person' ? 'handoff.alreadyRequested' : 'handoff.waiting');
    return true;
  }
  if (keyword === 'menu' && run && turn.flow(run.flow).pausable) {
    // Halfway through a questionnaire: ask before setting it aside.
    if (Object.keys(run.answers).length > 0) {
      turn.interrupt(coreFlows.leaveQuestionnaire);
      return true;
    }
  }
  if (keyword === 'person') {
    turn.emit({
      type: 'handoff_requested',
      reason: 'contact_requested',
      urgency: 'normal',
      flow: run?.flow ?? null,
      answers: run?.answers ?? {},
    });
  }
  turn.setAside(run);
  if (keyword === 'menu') turn.startFlow(coreFlows.menu);
  else turn.say('system.personRequested');
  return true;
}
