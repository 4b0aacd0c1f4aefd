/**
 * "Wat is er te doen in mijn wijk?": the sociale kaart by interest, from the menu or as a
 * keyword at any moment. Only interests with something nearby are offered; a resident whose
 * wijk Bloei does not know yet is asked for it first. A place can be picked the same way as at
 * the end of a talentenscan: go there with a verbinder the first time, or get the details.
 * Nothing is kept of the browsing itself, only the offers a resident chose.
 */
import type { FlowInput } from '../spec.js';

export const nearby = {
  id: 'nearby',
  version: 1,
  title: 'nearby.title',
  start: 'wijk',
  steps: {
    wijk: {
      kind: 'choice',
      text: 'nearby.wijk',
      choicesFrom: 'wijken',
      choices: [{ id: 'unknown', label: 'wijken.unknown' }],
      kaart: { ask: 'wijk', otherwise: 'interest' },
      do: [{ type: 'setContact', field: 'wijk' }],
      next: 'interest',
    },
    interest: {
      kind: 'choice',
      text: 'nearby.interest',
      choicesFrom: 'offerInterests',
      choices: [{ id: 'done', label: 'nearby.done' }],
      stored: false,
      kaart: { ask: 'interests', otherwise: 'nothing' },
      branches: [{ when: 'done', next: 'bye' }],
      next: 'list',
    },
    list: {
      kind: 'choice',
      text: 'nearby.list',
      params: { interest: '$interest' },
      choicesFrom: 'offers',
      choices: [
        { id: 'back', label: 'nearby.back' },
        { id: 'done', label: 'nearby.done' },
      ],
      save: 'offer',
      stored: false,
      kaart: { ask: 'interest', otherwise: 'interest' },
      branches: [
        { when: 'back', next: 'interest' },
        { when: 'done', next: 'bye' },
      ],
      next: 'action',
    },
    action: {
      kind: 'choice',
      text: 'kaart.action',
      params: { offer: '$offer' },
      choices: ['go', 'details', 'other'].map((id) => ({ id, label: `kaart.actionChoice.${id}` })),
      stored: false,
      branches: [
        { when: 'go', next: 'go' },
        { when: 'other', next: 'list' },
      ],
      next: 'details',
    },
    go: {
      kind: 'message',
      text: 'kaart.go',
      noVerbinderText: 'kaart.goNobody',
      do: [
        { type: 'offerChosen', answer: 'offer', as: 'go' },
        { type: 'handoff', reason: 'offer_go' },
      ],
      next: 'bye',
    },
    details: {
      kind: 'message',
      text: 'kaart.details',
      do: [{ type: 'offerChosen', answer: 'offer', as: 'details' }],
      next: 'more',
    },
    more: {
      kind: 'yesno',
      text: 'nearby.more',
      stored: false,
      branches: [{ when: 'yes', next: 'interest' }],
      next: 'bye',
    },
    nothing: { kind: 'message', text: 'nearby.nothing', next: 'end' },
    bye: { kind: 'message', text: 'nearby.bye', next: 'end' },
  },
} satisfies FlowInput;
