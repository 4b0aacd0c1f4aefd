/**
 * The check-up after a talentenscan, at the time the resident chose at its end: did they try
 * one of the ideas (and how it went), and shall a verbinder help with a next step — a yes
 * hands off to the wijk's verbinder. Three questions at most: a check, not a second scan.
 */
import type { FlowInput } from '../spec.js';

export const scanCheckUp = {
  id: 'scanCheckUp',
  version: 1,
  title: 'scanCheckUp.title',
  start: 'intro',
  pausable: true,
  steps: {
    intro: { kind: 'message', text: 'scanCheckUp.intro', next: 'tried' },
    tried: {
      kind: 'yesno',
      text: 'scanCheckUp.tried',
      branches: [{ when: 'yes', next: 'triedWhat' }],
      next: 'help',
    },
    triedWhat: { kind: 'text', text: 'scanCheckUp.triedWhat', next: 'help' },
    help: {
      kind: 'yesno',
      text: 'scanCheckUp.help',
      branches: [{ when: 'yes', next: 'helpYes' }],
      next: 'helpNo',
    },
    helpYes: {
      kind: 'message',
      text: 'scanCheckUp.helpYes',
      noVerbinderText: 'scanCheckUp.helpYesNobody',
      do: [{ type: 'handoff', reason: 'scan_checkup_help' }],
      next: 'end',
    },
    helpNo: { kind: 'message', text: 'scanCheckUp.helpNo', next: 'end' },
  },
} satisfies FlowInput;
