/**
 * What each global keyword does (stop, menu, person, language, help, later, continue, my
 * data, forget me, what is there to do nearby), wherever the resident is. Returns false when the keyword means nothing
 * here, so the message is taken as an answer instead.
 */
import type { Keyword } from './answers/match-keyword.js';
import { coreFlows } from './core-flows.js';
import type { TurnOps } from './turn-ops.js';

export function runKeyword(turn: TurnOps, keyword: Keyword): boolean {
  const { run, consented } = turn.state;
  switch (keyword) {
    case 'stop':
      if (!consented) {
        turn.forget('onboarding.stoppedBeforeConsent');
        return true;
      }
      // Kept, not dropped: a resident who comes back goes on with the questionnaire they left.
      turn.setAside(run);
      turn.emit({ type: 'stopped' });
      turn.say('system.stopped');
      return true;
    case 'help':
      turn.say('system.help');
      if (run) turn.ask(run);
      return true;
    case 'language':
      turn.interrupt(coreFlows.language);
      return true;
    case 'menu':
    case 'person':
      return menuOrPerson(turn, keyword);
    case 'later':
      if (!run || !turn.flow(run.flow).pausable) return false;
      turn.setAside(run);
      turn.say('system.paused');
      return true;
    case 'continue':
      if (!turn.state.safetyHold) return false;
      turn.state.safetyHold = false;
      turn.onIdle();
      return true;
    // Also before consent: a former trainee WIJeindhoven registered may ask what is kept,
    // or to be forgotten; for anyone else the host answers that nothing is kept.
    case 'myData':
      turn.emit({ type: 'data_requested' });
      if (run) turn.ask(run);
      return true;
    case 'forgetMe':
      turn.interrupt(coreFlows.forgetMe);
      return true;
    // Looking around on the kaart, then back to whatever the resident was doing.
    case 'nearby':
      if (!consented || turn.state.safetyHold || run?.flow === coreFlows.nearby) return false;
      turn.interrupt(coreFlows.nearby);
      return true;
  }
}

function menuOrPerson(turn: TurnOps, keyword: 'menu' | 'person'): boolean {
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
