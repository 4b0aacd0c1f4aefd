/**
 * Every registered step kind, action type and keyword has a fixture here, played through the
 * real engine with the real flows and texts: registering one without a fixture fails this
 * test (and the typecheck, since each table is keyed by the registered names).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actionTypes, type ActionName } from '../../src/flows/actions/index.js';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { runEngine, type EngineInput } from '../../src/flows/engine.js';
import type { BotMessage, EngineEvent } from '../../src/flows/events.js';
import { keywords, type Keyword } from '../../src/flows/keywords/index.js';
import { parseFlow, type StepInput, type StepKindName } from '../../src/flows/spec.js';
import { initialState, type AnswerValue, type ConversationState } from '../../src/flows/state.js';
import { stepKinds } from '../../src/flows/steps/index.js';
import { KaartCatalogue } from '../../src/kaart/kaart-catalogue.js';
import { makeOffer, seededNeighbours } from '../kaart/make-offer.js';
import { localeLexicon } from '../support/locale-lexicon.js';
import { seededWijken } from '../support/seeded-wijken.js';

/** A question: what a resident types, the answer it saves, and a reply it refuses. */
interface QuestionFixture {
  step: StepInput;
  says: string;
  saves: AnswerValue;
  refused?: string;
}
/** A message step: what it shows. */
interface MessageFixture {
  step: StepInput;
  shows: string;
}
type StepFixture = QuestionFixture | MessageFixture;

const choices = [
  { id: 'cooking', label: 'talentenscan.interest.cooking' },
  { id: 'garden', label: 'talentenscan.interest.garden' },
];

const stepFixtures: Record<StepKindName, StepFixture> = {
  message: {
    step: { kind: 'message', text: 'talentenscan.intro', next: 'end' },
    shows: 'talentenscan.intro',
  },
  choice: {
    step: { kind: 'choice', text: 'talentenscan.interests', choices, next: 'end' },
    says: 'tuin',
    saves: 'garden',
    refused: 'voetbal',
  },
  multi: {
    step: { kind: 'multi', text: 'talentenscan.interests', choices, next: 'end' },
    says: '1 en 2',
    saves: ['cooking', 'garden'],
    refused: 'voetbal',
  },
  text: {
    step: { kind: 'text', text: 'talentenscan.interests', next: 'end' },
    says: 'Ik bak graag brood',
    saves: 'Ik bak graag brood',
  },
  yesno: {
    step: { kind: 'yesno', text: 'talentenscan.interests', next: 'end' },
    says: 'ja hoor',
    saves: 'yes',
    refused: 'misschien',
  },
  scale: {
    step: {
      kind: 'scale',
      text: 'talentenscan.interests',
      labels: ['common.yes', 'common.no', 'common.yes', 'common.no', 'common.yes'],
      next: 'end',
    },
    says: '4',
    saves: 4,
    refused: '9',
  },
  number: {
    step: { kind: 'number', text: 'talentenscan.interests', min: 1, max: 10, next: 'end' },
    says: '7',
    saves: 7,
    refused: '70',
  },
  phone: {
    step: { kind: 'phone', text: 'talentenscan.interests', next: 'end' },
    says: 'mijn nummer is 06-1234 5678',
    saves: '+31612345678',
    refused: '12345',
  },
};

/** The sociale kaart the engine looks offers up in: one garden offer in Stratum. */
const offer = makeOffer({ name: 'Buurttuin', wijk: 'stratum', interests: ['garden'] });
const catalogue = new KaartCatalogue(
  {
    listOffers: () => Promise.resolve([offer]),
    neighbours: () => Promise.resolve(seededNeighbours),
    kaartVersion: () => Promise.resolve('1'),
  },
  { clock: () => new Date('2026-12-07T10:00:00Z') },
);
beforeAll(() => catalogue.refresh());

/**
 * An action run from a step that interrupted a questionnaire, and an event it emits. With
 * `picks`, the interruption first asks a free question whose answer (saved as `offer`, not
 * stored) is typed, so an action can read it; with `answers`, the action sits on that
 * question itself and reads the answer given to it.
 */
const actionFixtures: Record<
  ActionName,
  { action: unknown; picks?: string; answers?: string; emits: Partial<EngineEvent> }
> = {
  setContact: {
    action: { type: 'setContact', field: 'firstName', value: 'Sam' },
    emits: { type: 'contact_field_set', field: 'firstName', value: 'Sam' },
  },
  consent: {
    action: { type: 'consent', purpose: 'followUp', textVersion: 1 },
    emits: { type: 'consent_given', purpose: 'followUp', textVersion: 1 },
  },
  handoff: {
    action: { type: 'handoff', reason: 'wants_to_talk' },
    emits: { type: 'handoff_requested', reason: 'wants_to_talk', urgency: 'normal' },
  },
  record: {
    action: { type: 'record', record: 'signUp' },
    emits: { type: 'record_completed', record: 'signUp' },
  },
  forget: { action: { type: 'forget' }, emits: { type: 'forget' } },
  optOut: { action: { type: 'optOut' }, emits: { type: 'stopped' } },
  erase: { action: { type: 'erase' }, emits: { type: 'erase' } },
  showData: { action: { type: 'showData' }, emits: { type: 'data_requested' } },
  pauseInterrupted: {
    action: { type: 'pauseInterrupted' },
    emits: { type: 'flow_paused', flow: 'questionnaire' },
  },
  offerChosen: {
    action: { type: 'offerChosen', answer: 'offer', as: 'go' },
    picks: offer.id,
    emits: { type: 'offer_chosen', offerId: offer.id, action: 'go' },
  },
  schedule: {
    action: { type: 'schedule', kind: 'scanCheckUp', after: { soon: 'P14D' } },
    answers: 'soon',
    emits: { type: 'message_scheduled', kind: 'scanCheckUp', after: 'P14D' },
  },
  keepContactDetail: {
    action: { type: 'keepContactDetail', kind: 'phone', purpose: 'callBack' },
    answers: '+31612345678',
    emits: {
      type: 'contact_detail_given',
      kind: 'phone',
      value: '+31612345678',
      purpose: 'callBack',
    },
  },
};

/**
 * A keyword typed in a questionnaire (after `before`, if given), and an event it leads to.
 */
const keywordFixtures: Record<
  Keyword,
  { before?: string; says: string; emits: Partial<EngineEvent> }
> = {
  stop: { says: 'stop', emits: { type: 'stopped' } },
  menu: { says: 'menu', emits: { type: 'flow_started', flow: 'menu' } },
  language: { says: 'taal', emits: { type: 'flow_started', flow: 'language' } },
  help: { says: 'help', emits: { type: 'message', message: shown('system.help') } },
  person: {
    says: 'kan ik iemand spreken?',
    emits: { type: 'handoff_requested', reason: 'contact_requested' },
  },
  later: { says: 'later', emits: { type: 'flow_paused', flow: 'questionnaire' } },
  continue: {
    before: 'ik wil niet meer leven',
    says: 'verder',
    emits: { type: 'flow_resumed', flow: 'questionnaire' },
  },
  myData: { says: 'mijn gegevens', emits: { type: 'data_requested' } },
  forgetMe: { says: 'vergeet mij', emits: { type: 'flow_started', flow: 'forgetMe' } },
  nearby: {
    says: 'wat is er te doen in mijn wijk',
    emits: { type: 'flow_started', flow: 'nearby' },
  },
  preferredTime: {
    says: "alleen 's avonds",
    emits: { type: 'flow_started', flow: 'preferredTime' },
  },
};

/** A message with text `key`, whatever its parameters and choices. */
function shown(key: string): BotMessage {
  return expect.objectContaining({ key }) as BotMessage;
}

/** A pausable questionnaire whose first question is a free text, to play keywords in. */
const questionnaire = {
  id: 'questionnaire',
  version: 1,
  title: 'talentenscan.title',
  start: 'q',
  pausable: true,
  steps: { q: { kind: 'text', text: 'talentenscan.interests', next: 'end' } },
};

function engine(extra: unknown[]) {
  const registry = new Map(loadFlows());
  for (const definition of [questionnaire, ...extra]) {
    const flow = parseFlow(definition);
    registry.set(flow.id, flow);
  }
  let ids = 0;
  const ctx = {
    flows: registry,
    lexicon: localeLexicon,
    now: new Date('2026-03-02T10:00:00Z'),
    newId: () => `run-${++ids}`,
    choiceSets: { wijken: seededWijken },
    kaart: catalogue.forResident('stratum'),
  };
  return (state: ConversationState, ...inputs: (string | EngineInput)[]) => {
    let events: EngineEvent[] = [];
    for (const input of inputs) {
      const text: EngineInput = { type: 'text', text: input as string };
      ({ state, events } = runEngine(ctx, state, typeof input === 'string' ? text : input));
    }
    return { state, events };
  };
}

/** A consented resident (Dutch, no monitoring) at the first question of `flow`. */
function at(flow: string, extra: unknown[] = []) {
  const play = engine(extra);
  const { state } = play(initialState('nl'), 'hoi', '1', 'ja', 'nee');
  return { play, ...play(state, { type: 'start', flow }) };
}

const registered = (names: readonly string[]) => [...names].sort();

describe('step kinds', () => {
  it('has a fixture for every registered kind', () => {
    expect(registered(Object.keys(stepFixtures))).toEqual(registered(stepKinds.map((k) => k.kind)));
  });

  it.each(Object.entries(stepFixtures))('plays a %s step', (_kind, fixture) => {
    const flow = { ...questionnaire, id: 'fixture', steps: { q: fixture.step } };
    const { play, state, events } = at('fixture', [flow]);
    if ('shows' in fixture) {
      expect(events).toContainEqual({ type: 'message', message: shown(fixture.shows) });
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'flow_ended', flow: 'fixture' }),
      );
      return;
    }
    expect(events).toContainEqual({ type: 'message', message: shown(fixture.step.text) });
    if (fixture.refused) {
      const refused = play(state, fixture.refused).events;
      expect(refused).toContainEqual(expect.objectContaining({ type: 'invalid_answer' }));
    }
    expect(play(state, fixture.says).events).toContainEqual(
      expect.objectContaining({ type: 'answer_saved', step: 'q', value: fixture.saves }),
    );
  });
});

describe('actions', () => {
  it('has a fixture for every registered action type', () => {
    expect(registered(Object.keys(actionFixtures))).toEqual(
      registered(actionTypes.map((a) => a.type)),
    );
  });

  it.each(Object.entries(actionFixtures))('runs %s', (_type, fixture) => {
    // Registered under the language flow's id, so "taal" interrupts the questionnaire with it.
    const interruption = {
      id: 'language',
      version: 1,
      title: 'language.title',
      start: fixture.picks ? 'pick' : 'act',
      steps: {
        pick: { kind: 'text', text: 'system.help', save: 'offer', stored: false, next: 'act' },
        act: fixture.answers
          ? {
              kind: 'text',
              text: 'system.help',
              save: 'when',
              stored: false,
              do: [fixture.action],
              next: 'end',
            }
          : {
              kind: 'message',
              text: 'system.help',
              noVerbinderText: 'system.help',
              do: [fixture.action],
              next: 'end',
            },
      },
    };
    const { play, state } = at('questionnaire', [interruption]);
    const typed = fixture.picks ?? fixture.answers;
    const said = typed ? ['taal', typed] : ['taal'];
    const { events } = play(state, ...said);
    expect(events).toContainEqual(expect.objectContaining(fixture.emits));
    expect(events).not.toContainEqual(expect.objectContaining({ type: 'answer_saved' }));
  });
});

describe('keywords', () => {
  it('has a fixture for every registered keyword', () => {
    expect(registered(Object.keys(keywordFixtures))).toEqual(registered(keywords));
  });

  it.each(Object.entries(keywordFixtures))('answers %s in a questionnaire', (_name, fixture) => {
    const { play, state } = at('questionnaire');
    const before = fixture.before ? play(state, fixture.before).state : state;
    expect(play(before, fixture.says).events).toContainEqual(
      expect.objectContaining(fixture.emits),
    );
  });
});
