/**
 * The talentenscan: a strength-based conversation about energy, talents and wishes, at the
 * resident's pace ("later" pauses it). It never probes problems the resident did not raise,
 * ends with a summary to confirm, then 2–3 places from the sociale kaart near the resident
 * (and a training where one fits) to pick from — go there with a verbinder the first time, or
 * get the details — or, when the kaart has nothing that fits, 2–3 general directions; then
 * the news that volunteering is allowed on a benefit, and an offer of contact with the wijk's
 * verbinder.
 */
import type { FlowInput } from '../spec.js';

const interests = [
  'cooking',
  'garden',
  'oddJobs',
  'creative',
  'music',
  'sports',
  'language',
  'digital',
  'care',
  'organising',
  'other',
] as const;

const direction = (interest: (typeof interests)[number]) => ({
  if: { answer: 'interests', includes: interest },
  key: `talentenscan.directions.${interest}`,
});

export const talentenscan = {
  id: 'talentenscan',
  version: 2,
  title: 'talentenscan.title',
  start: 'intro',
  pausable: true,
  steps: {
    intro: { kind: 'message', text: 'talentenscan.intro', next: 'energy' },
    energy: { kind: 'text', text: 'talentenscan.energy', next: 'skills' },
    skills: { kind: 'text', text: 'talentenscan.skills', next: 'interests' },
    interests: {
      kind: 'multi',
      text: 'talentenscan.interests',
      choices: interests.map((id) => ({ id, label: `talentenscan.interest.${id}` })),
      next: 'forOthers',
    },
    forOthers: { kind: 'text', text: 'talentenscan.forOthers', next: 'ownWish' },
    ownWish: { kind: 'text', text: 'talentenscan.ownWish', next: 'time' },
    time: {
      kind: 'choice',
      text: 'talentenscan.time',
      choices: ['hour', 'fewHours', 'dayPart', 'unsure'].map((id) => ({
        id,
        label: `talentenscan.timeChoice.${id}`,
      })),
      next: 'mobility',
    },
    mobility: {
      kind: 'choice',
      text: 'talentenscan.mobility',
      choices: ['street', 'wijk', 'city', 'home'].map((id) => ({
        id,
        label: `talentenscan.mobilityChoice.${id}`,
      })),
      next: 'dutchComfort',
    },
    dutchComfort: {
      kind: 'scale',
      text: 'talentenscan.dutchComfort',
      labels: [1, 2, 3, 4, 5].map((n) => `talentenscan.dutchScale.${n}`),
      next: 'wijk',
    },
    wijk: {
      kind: 'choice',
      text: 'talentenscan.wijk',
      choicesFrom: 'wijken',
      choices: [{ id: 'unknown', label: 'wijken.unknown' }],
      do: [{ type: 'setContact', field: 'wijk' }],
      next: 'summary',
    },
    summary: {
      kind: 'message',
      text: 'talentenscan.summary',
      params: {
        energy: '$energy',
        skills: '$skills',
        interests: '$interests',
        forOthers: '$forOthers',
        ownWish: '$ownWish',
        time: '$time',
        mobility: '$mobility',
        wijk: '$wijk',
      },
      next: 'confirm',
    },
    confirm: {
      kind: 'yesno',
      text: 'talentenscan.confirm',
      branches: [{ when: 'no', next: 'correction' }],
      next: 'access',
    },
    correction: { kind: 'text', text: 'talentenscan.correction', next: 'access' },
    // Asked only when the kaart has places for this resident: what they need to get in.
    access: {
      kind: 'multi',
      text: 'talentenscan.access',
      choices: ['wheelchair', 'busStop', 'nothing'].map((id) => ({
        id,
        label: `talentenscan.accessChoice.${id}`,
      })),
      stored: false,
      kaart: { ask: 'scan', otherwise: 'directions' },
      next: 'offers',
    },
    offers: {
      kind: 'choice',
      text: 'talentenscan.offers',
      choicesFrom: 'offers',
      choices: [{ id: 'none', label: 'talentenscan.offerNone' }],
      save: 'offer',
      stored: false,
      kaart: { ask: 'scan', otherwise: 'directions' },
      branches: [{ when: 'none', next: 'benefit' }],
      next: 'offerAction',
    },
    offerAction: {
      kind: 'choice',
      text: 'kaart.action',
      params: { offer: '$offer' },
      choices: ['go', 'details', 'other'].map((id) => ({ id, label: `kaart.actionChoice.${id}` })),
      stored: false,
      branches: [
        { when: 'go', next: 'offerGo' },
        { when: 'other', next: 'offers' },
      ],
      next: 'offerDetails',
    },
    offerGo: {
      kind: 'message',
      text: 'kaart.go',
      noVerbinderText: 'kaart.goNobody',
      do: [
        { type: 'offerChosen', answer: 'offer', as: 'go' },
        { type: 'record', record: 'talentProfile' },
        { type: 'handoff', reason: 'offer_go' },
      ],
      next: 'benefitEnd',
    },
    benefitEnd: { kind: 'message', text: 'talentenscan.benefitEnd', next: 'end' },
    offerDetails: {
      kind: 'message',
      text: 'kaart.details',
      do: [{ type: 'offerChosen', answer: 'offer', as: 'details' }],
      next: 'benefit',
    },
    directions: {
      kind: 'message',
      text: 'talentenscan.directions.intro',
      suggestions: {
        max: 3,
        rules: [
          ...interests.filter((i) => i !== 'other').map(direction),
          { key: 'talentenscan.directions.volunteer' },
          { key: 'talentenscan.directions.komTotBloei' },
          { key: 'talentenscan.directions.deWijkWerkt' },
        ],
      },
      next: 'benefit',
    },
    benefit: { kind: 'message', text: 'talentenscan.benefit', next: 'contactWish' },
    contactWish: {
      kind: 'yesno',
      text: 'talentenscan.contactWish',
      branches: [{ when: 'yes', next: 'contactYes' }],
      next: 'contactNo',
    },
    contactYes: {
      kind: 'message',
      text: 'talentenscan.contactYes',
      noVerbinderText: 'talentenscan.contactYesNobody',
      do: [
        { type: 'record', record: 'talentProfile' },
        { type: 'handoff', reason: 'scan_contact_wish' },
      ],
      next: 'end',
    },
    contactNo: {
      kind: 'message',
      text: 'talentenscan.contactNo',
      do: [{ type: 'record', record: 'talentProfile' }],
      next: 'end',
    },
  },
} satisfies FlowInput;
