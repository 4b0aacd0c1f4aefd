/**
 * The global keywords, in the order they are matched: what each does wherever the resident
 * is (stop, menu, language, help, person, later, continue, my data, forget me). A keyword's
 * words are the `keywords.<name>` text in every language; `person` is also recognised inside
 * a sentence ("kan ik iemand spreken?"). An entry's `run` returns false when the keyword
 * means nothing here, so the message is taken as an answer instead.
 *
 * Adding a keyword is one entry here and its `keywords.<name>` text in every locale.
 */
import { asksForPerson } from './answers/asks-for-person.js';
import { coreFlows } from './core-flows.js';
import type { TurnOps } from './turn-ops.js';

export interface KeywordEntry {
  /** Also recognises the keyword inside a sentence, in any language. */
  inSentence?: (text: string) => boolean;
  /** Does what the keyword asks; false when it means nothing here. */
  run(turn: TurnOps): boolean;
}

export const keywordTable = {
  stop: {
    run(turn) {
      const { run, consented } = turn.state;
      if (!consented) {
        turn.forget('onboarding.stoppedBeforeConsent');
        return true;
      }
      // Kept, not dropped: a resident who comes back goes on with the questionnaire they left.
      turn.setAside(run);
      turn.emit({ type: 'stopped' });
      turn.say('system.stopped');
      return true;
    },
  },
  menu: { run: (turn) => menuOrPerson(turn, 'menu') },
  language: {
    run(turn) {
      turn.interrupt(coreFlows.language);
      return true;
    },
  },
  help: {
    run(turn) {
      turn.say('system.help');
      if (turn.state.run) turn.ask(turn.state.run);
      return true;
    },
  },
  person: { inSentence: asksForPerson, run: (turn) => menuOrPerson(turn, 'person') },
  later: {
    run(turn) {
      const { run } = turn.state;
      if (!run || !turn.flow(run.flow).pausable) return false;
      turn.setAside(run);
      turn.say('system.paused');
      return true;
    },
  },
  continue: {
    run(turn) {
      if (!turn.state.safetyHold) return false;
      turn.state.safetyHold = false;
      turn.onIdle();
      return true;
    },
  },
  // Also before consent: a former trainee WIJeindhoven registered may ask what is kept,
  // or to be forgotten; for anyone else the host answers that nothing is kept.
  myData: {
    run(turn) {
      turn.emit({ type: 'data_requested' });
      if (turn.state.run) turn.ask(turn.state.run);
      return true;
    },
  },
  forgetMe: {
    run(turn) {
      turn.interrupt(coreFlows.forgetMe);
      return true;
    },
  },
} satisfies Record<string, KeywordEntry>;

export type Keyword = keyof typeof keywordTable;

/** The keywords in the order they are matched. */
export const keywords = Object.keys(keywordTable) as Keyword[];

/** Does what `keyword` asks; false when it means nothing here. */
export function runKeyword(turn: TurnOps, keyword: Keyword): boolean {
  return keywordTable[keyword].run(turn);
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
