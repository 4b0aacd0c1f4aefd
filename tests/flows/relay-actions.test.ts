import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { runEngine, type EngineInput } from '../../src/flows/engine.js';
import { relayToVerbinder } from '../../src/flows/relay-actions.js';
import { initialState, type ConversationState } from '../../src/flows/state.js';
import { localeLexicon } from '../support/locale-lexicon.js';
import { seededWijken } from '../support/seeded-wijken.js';

const flows = loadFlows();
const ctx = (relay: boolean) => ({
  flows,
  lexicon: localeLexicon,
  now: new Date('2026-03-02T10:00:00Z'),
  newId: () => 'run-1',
  choiceSets: { wijken: seededWijken },
  handoffOpen: true,
  relay,
});

/** The turn's events, without the menu being put away (it is, once, by the first relay). */
function turn(state: ConversationState, input: string | EngineInput, relay = true) {
  const result = runEngine(
    ctx(relay),
    state,
    typeof input === 'string' ? { type: 'text', text: input } : input,
  );
  return { ...result, events: result.events.filter((e) => e.type !== 'flow_ended') };
}

/** A consented resident whose hand-off a verbinder claimed. */
function consented(): ConversationState {
  let state = initialState('nl');
  for (const line of ['hoi', '1', 'ja', 'nee']) state = turn(state, line, false).state;
  return state;
}

describe(relayToVerbinder.name, () => {
  it('relays text, menu and media to the verbinder and says nothing itself', () => {
    const state = consented();
    expect(turn(state, 'Morgen na 3 uur').events).toEqual([
      { type: 'relayed', text: 'Morgen na 3 uur' },
    ]);
    expect(turn(state, 'menu').events).toEqual([{ type: 'relayed', text: 'menu' }]);
    expect(turn(state, { type: 'media', kind: 'voice', ref: 'm-1' }).events).toEqual([
      { type: 'relayed', media: { kind: 'voice', ref: 'm-1' } },
    ]);
  });

  it('keeps stop, my data and safety working, and relays the safety message too', () => {
    const state = consented();
    expect(turn(state, 'stop').events.map((e) => e.type)).toContain('stopped');
    expect(turn(state, 'mijn gegevens').events.map((e) => e.type)).toContain('data_requested');
    const crisis = turn(state, 'ik wil niet meer leven').events.map((e) => e.type);
    expect(crisis).toContain('handoff_requested');
    expect(crisis).toContain('relayed');
  });

  it('answers a question Bloei itself asked meanwhile, such as the language', () => {
    const asked = turn(consented(), 'taal').state;
    expect(asked.run?.flow).toBe('language');
    const answered = turn(asked, '2');
    expect(answered.events.map((e) => e.type)).not.toContain('relayed');
    expect(answered.state.language).toBe('en');
  });
});
