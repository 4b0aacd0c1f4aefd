/**
 * WIJ match sign-up: offer help, ask for help, or both. Captures what the match should
 * bring both sides (two-way value), availability, distance and wijk; a verbinder makes the
 * actual match. Ends with what happens next and an alert to the wijk's verbinder.
 */
import type { FlowInput } from '../spec.js';

const options = (prefix: string, ids: readonly string[]) =>
  ids.map((id) => ({ id, label: `wijMatch.${prefix}.${id}` }));

export const wijMatch = {
  id: 'wijMatch',
  version: 2,
  title: 'wijMatch.title',
  start: 'intro',
  pausable: true,
  steps: {
    intro: { kind: 'message', text: 'wijMatch.intro', next: 'kind' },
    kind: {
      kind: 'choice',
      text: 'wijMatch.kind',
      choices: options('kinds', ['offer', 'request', 'both']),
      next: 'category',
    },
    category: {
      kind: 'choice',
      text: 'wijMatch.category',
      choices: options('categories', [
        'company',
        'oddJobs',
        'garden',
        'language',
        'digital',
        'shopping',
        'cooking',
        'creative',
        'other',
      ]),
      next: 'description',
    },
    description: { kind: 'text', text: 'wijMatch.description', next: 'gain' },
    gain: {
      kind: 'text',
      text: 'wijMatch.gain',
      save: 'helperGain',
      indicator: 'inzetVoorElkaar.wederkerig',
      next: 'availability',
    },
    availability: {
      kind: 'multi',
      text: 'wijMatch.availability',
      choices: options('times', ['mornings', 'afternoons', 'evenings', 'weekend', 'flexible']),
      next: 'mobility',
    },
    mobility: {
      kind: 'choice',
      text: 'wijMatch.mobility',
      choices: options('distances', ['street', 'wijk', 'city', 'home']),
      next: 'wijk',
    },
    wijk: {
      kind: 'choice',
      text: 'wijMatch.wijk',
      choicesFrom: 'wijken',
      choices: [{ id: 'unknown', label: 'wijken.unknown' }],
      do: [{ type: 'setContact', field: 'wijk' }],
      next: 'contactPreference',
    },
    contactPreference: {
      kind: 'choice',
      text: 'wijMatch.contactPreference',
      choices: options('contactWays', ['chat', 'phone', 'visit']),
      branches: [{ when: 'phone', next: 'phoneNumber' }],
      next: 'summary',
    },
    // The number is kept as a contact detail for the verbinder, not with the answers.
    phoneNumber: {
      kind: 'phone',
      text: 'wijMatch.phoneNumber',
      stored: false,
      do: [{ type: 'keepContactDetail', kind: 'phone', purpose: 'callBack' }],
      next: 'summary',
    },
    summary: {
      kind: 'message',
      text: 'wijMatch.summary',
      params: {
        kind: '$kind',
        category: '$category',
        description: '$description',
        helperGain: '$helperGain',
        availability: '$availability',
        mobility: '$mobility',
        wijk: '$wijk',
        contactPreference: '$contactPreference',
      },
      next: 'confirm',
    },
    confirm: {
      kind: 'yesno',
      text: 'wijMatch.confirm',
      branches: [{ when: 'no', next: 'correction' }],
      next: 'done',
    },
    correction: { kind: 'text', text: 'wijMatch.correction', next: 'done' },
    done: {
      kind: 'message',
      text: 'wijMatch.done',
      noVerbinderText: 'wijMatch.doneNobody',
      do: [
        { type: 'record', record: 'signUp' },
        { type: 'handoff', reason: 'wij_match_signup' },
      ],
      next: 'end',
    },
  },
} satisfies FlowInput;
