/**
 * The check-up of a WIJ match, sent to both residents of a match a while after a verbinder
 * recorded it (one week, one month, three months): did you meet, how did it go, shall you go
 * on. A no-show or "geen klik" hands off to the verbinder at once; the answers of the last
 * check-up decide whether the match lasted (`matchLasted`), which the verbinder may still
 * change.
 */
import type { AnswerValue } from '../state.js';
import type { FlowInput } from '../spec.js';

const choices = (step: string, ids: readonly string[]) =>
  ids.map((id) => ({ id, label: `matchCheckUp.${step}Choice.${id}` }));

export const matchCheckUp = {
  id: 'matchCheckUp',
  version: 1,
  title: 'matchCheckUp.title',
  start: 'intro',
  pausable: true,
  steps: {
    intro: { kind: 'message', text: 'matchCheckUp.intro', next: 'met' },
    met: {
      kind: 'choice',
      text: 'matchCheckUp.met',
      choices: choices('met', ['yes', 'notYet', 'noShow']),
      branches: [
        { when: 'noShow', next: 'noShow' },
        { when: 'notYet', next: 'goOn' },
      ],
      next: 'howWent',
    },
    howWent: {
      kind: 'choice',
      text: 'matchCheckUp.howWent',
      choices: choices('howWent', ['good', 'okay', 'noClick']),
      branches: [{ when: 'noClick', next: 'noClick' }],
      next: 'goOn',
    },
    goOn: {
      kind: 'yesno',
      text: 'matchCheckUp.goOn',
      next: 'thanks',
    },
    thanks: {
      kind: 'message',
      text: 'matchCheckUp.thanks',
      do: [{ type: 'record', record: 'matchCheckUp' }],
      next: 'end',
    },
    noShow: {
      kind: 'message',
      text: 'matchCheckUp.noShow',
      noVerbinderText: 'matchCheckUp.nobody',
      do: [
        { type: 'record', record: 'matchCheckUp' },
        { type: 'handoff', reason: 'match_no_show' },
      ],
      next: 'end',
    },
    noClick: {
      kind: 'message',
      text: 'matchCheckUp.noClick',
      noVerbinderText: 'matchCheckUp.nobody',
      do: [
        { type: 'record', record: 'matchCheckUp' },
        { type: 'handoff', reason: 'match_no_click' },
      ],
      next: 'end',
    },
  },
} satisfies FlowInput;

/**
 * Whether a match lasted, by one resident's answers at its last check-up: a no-show, no
 * click or not going on says no; meeting and going on says yes; not met yet says nothing.
 */
export function matchLasted(answers: Record<string, AnswerValue>): boolean | null {
  if (answers.met === 'noShow' || answers.howWent === 'noClick' || answers.goOn === 'no') {
    return false;
  }
  if (answers.met === 'yes' && answers.goOn === 'yes') return true;
  return null;
}
