/**
 * A message the resident sent while Bloei was away, handled long after: no answer to a
 * question they may no longer see, but one note that Bloei is back and the question again;
 * safety words and keywords count as always.
 */
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { runEngine, type EngineInput } from '../../src/flows/engine.js';
import type { EngineEvent } from '../../src/flows/events.js';
import { initialState, type ConversationState } from '../../src/flows/state.js';
import { localeLexicon } from '../support/locale-lexicon.js';
import { seededWijken } from '../support/seeded-wijken.js';

const now = new Date('2026-03-02T13:00:00Z');
let ids = 0;
const ctx = {
  flows: loadFlows(),
  lexicon: localeLexicon,
  now,
  newId: () => `run-${++ids}`,
  choiceSets: { wijken: seededWijken },
};

function run(state: ConversationState, ...inputs: EngineInput[]) {
  let events: EngineEvent[] = [];
  for (const input of inputs) ({ state, events } = runEngine(ctx, state, input));
  return { state, events };
}

const text = (value: string): EngineInput => ({ type: 'text', text: value });
const late = (value: string, sentAt: string): EngineInput => ({
  type: 'late',
  sentAt,
  input: { type: 'text', text: value },
});
const keys = (events: EngineEvent[]) =>
  events.flatMap((e) => (e.type === 'message' ? [e.message.key] : []));

/** A consented resident at the talentenscan's first question. */
const atEnergyQuestion = () =>
  run(initialState('nl'), ...['hoi', '1', 'ja', 'nee', '1'].map(text)).state;

describe(`${runEngine.name} with a late message`, () => {
  it('says once that Bloei was away and asks the current question again, keeping no answer', () => {
    const waiting = atEnergyQuestion();
    const first = run(waiting, late('Van wandelen.', '2026-03-02T11:00:00Z'));
    expect(keys(first.events)).toEqual(['system.backAgain', 'talentenscan.energy']);
    expect(first.events.some((e) => e.type === 'answer_saved')).toBe(false);
    expect(first.state.run).toEqual(waiting.run);
    expect(first.state.lateNotedAt).toBe(now.toISOString());

    // Sent in the same absence: nothing more to say.
    const second = run(first.state, late('hallo?', '2026-03-02T11:05:00Z'));
    expect(second.events).toEqual([]);
    // The answer the resident gives now counts.
    const answered = run(second.state, text('Van wandelen.'));
    expect(answered.events).toContainEqual(
      expect.objectContaining({ type: 'answer_saved', step: 'energy' }),
    );
  });

  it('says it again after a later absence', () => {
    const noted = run(atEnergyQuestion(), late('een', '2026-03-02T11:00:00Z')).state;
    const later = run(noted, late('twee', '2026-03-02T14:00:00Z'));
    expect(keys(later.events)).toEqual(['system.backAgain', 'talentenscan.energy']);
  });

  it('answers safety words at once and raises an urgent hand-off, however late', () => {
    const { events } = run(atEnergyQuestion(), late('Ik wil niet meer leven', '2026-03-02T09:00Z'));
    expect(keys(events)).toEqual(['safety.message', 'safety.continueLater']);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'handoff_requested', urgency: 'urgent' }),
    );
  });

  it('still obeys a keyword such as stop', () => {
    const { events, state } = run(atEnergyQuestion(), late('stop', '2026-03-02T09:00:00Z'));
    expect(events).toContainEqual({ type: 'stopped' });
    expect(state.run).toBeNull();
  });

  it('greets a first contact after the note, as any first message', () => {
    const { events } = run(initialState('nl'), late('hallo', '2026-03-02T09:00:00Z'));
    expect(keys(events)).toEqual(['system.backAgain', 'onboarding.welcome', 'language.choose']);
  });

  it('takes a late tap on a button as no answer either', () => {
    const waiting = run(initialState('nl'), text('hoi')).state;
    const tap: EngineInput = {
      type: 'late',
      sentAt: '2026-03-02T09:00:00Z',
      input: { type: 'choice', id: 'nl' },
    };
    const { events, state } = run(waiting, tap);
    expect(keys(events)).toEqual(['system.backAgain', 'language.choose']);
    expect(state.language).toBe('nl');
    expect(events.some((e) => e.type === 'contact_field_set')).toBe(false);
  });
});
