/**
 * The menu: what a resident can do with Bloei. New entries go at the end, so the numbers
 * residents learned stay the same.
 */
import type { FlowInput } from '../spec.js';

export const menu = {
  id: 'menu',
  version: 1,
  title: 'menu.title',
  start: 'choose',
  steps: {
    choose: {
      kind: 'choice',
      text: 'menu.choose',
      choices: [
        { id: 'talentenscan', label: 'menu.talentenscan' },
        { id: 'wijMatch', label: 'menu.wijMatch' },
        { id: 'checkIn', label: 'menu.checkIn' },
        { id: 'person', label: 'menu.person' },
        { id: 'language', label: 'menu.language' },
        { id: 'myData', label: 'menu.myData' },
        { id: 'help', label: 'menu.help' },
        { id: 'nearby', label: 'menu.nearby' },
      ],
      branches: [
        { when: 'talentenscan', next: '@talentenscan' },
        { when: 'wijMatch', next: '@wijMatch' },
        { when: 'checkIn', next: '@checkIn' },
        { when: 'person', next: 'personRequested' },
        { when: 'language', next: '@language' },
        { when: 'myData', next: 'showData' },
        { when: 'nearby', next: '@nearby' },
      ],
      next: 'help',
    },
    personRequested: {
      kind: 'message',
      text: 'system.personRequested',
      noVerbinderText: 'handoff.nobody',
      do: [{ type: 'handoff', reason: 'contact_requested' }],
      next: 'end',
    },
    showData: {
      kind: 'message',
      text: 'privacy.myDataIntro',
      do: [{ type: 'showData' }],
      next: 'end',
    },
    help: { kind: 'message', text: 'system.help', next: 'choose' },
  },
} satisfies FlowInput;
