import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { runEngine, type EngineContext, type EngineInput } from '../../src/flows/engine.js';
import type { EngineEvent } from '../../src/flows/events.js';
import { initialState, type ConversationState } from '../../src/flows/state.js';
import { localeLexicon } from '../support/locale-lexicon.js';
import { seededWijken } from '../support/seeded-wijken.js';

function engine(extra: Partial<EngineContext> = {}) {
  let ids = 0;
  let now = new Date('2026-03-02T10:00:00Z').getTime();
  const ctx = (): EngineContext => ({
    flows: loadFlows(),
    lexicon: localeLexicon,
    now: new Date(now),
    newId: () => `run-${++ids}`,
    choiceSets: { wijken: seededWijken },
    ...extra,
  });
  const run = (state: ConversationState, ...inputs: (string | EngineInput)[]) => {
    let events: EngineEvent[] = [];
    for (const input of inputs) {
      const result = runEngine(
        ctx(),
        state,
        typeof input === 'string' ? { type: 'text', text: input } : input,
      );
      state = result.state;
      events = result.events;
    }
    return { state, events };
  };
  return Object.assign(run, { later: (hours: number) => (now += hours * 3_600_000) });
}

const keys = (events: EngineEvent[]) =>
  events.flatMap((e) => (e.type === 'message' ? [e.message.key] : []));
const handoffs = (events: EngineEvent[]) => events.filter((e) => e.type === 'handoff_requested');
const consented = (language = 'nl') =>
  engine()(initialState(language), 'hoi', language === 'nl' ? '1' : '2', 'ja', 'nee').state;
/** Consented, nothing asked: as after asking for a verbinder. */
const waiting = () => ({ ...consented(), run: null });

describe('concern offers', () => {
  it('offers a verbinder once, and goes back to the question the resident was at', () => {
    const run = engine();
    const inScan = run(consented(), '1').state;
    const offered = run(inScan, 'ik heb schulden en kan de huur niet betalen');
    // A free-text answer is kept; the next question waits behind the offer.
    expect(offered.events).toContainEqual(
      expect.objectContaining({ type: 'answer_saved', name: 'energy' }),
    );
    expect(keys(offered.events)).toEqual(['offers.care.debts']);
    const declined = run(offered.state, 'nee');
    expect(keys(declined.events)).toEqual(['offers.care.declined', 'talentenscan.skills']);
    expect(handoffs(declined.events)).toEqual([]);
    // Not again the same day.
    const again = run(declined.state, 'ik voel me zo eenzaam');
    expect(keys(again.events)).toEqual(['talentenscan.interests']);
  });

  it('raises a normal hand-off for the concern when the resident says yes', () => {
    const run = engine();
    const inMenu = consented();
    const offered = run(inMenu, 'we hebben niks te eten thuis');
    expect(keys(offered.events)).toEqual(['offers.care.food']);
    expect(offered.state.stack.map((r) => r.flow)).toEqual(['menu']);
    const accepted = run(offered.state, 'ja graag');
    expect(handoffs(accepted.events)).toEqual([
      expect.objectContaining({ reason: 'care_food', urgency: 'normal', flow: 'careFood' }),
    ]);
    expect(keys(accepted.events)).toEqual(['offers.care.accepted', 'menu.choose']);
  });

  it('offers again after a day, but never before consent or while a hand-off is open', () => {
    const run = engine();
    const once = run(consented(), 'ik ben zo eenzaam', 'nee').state;
    run.later(25);
    expect(keys(run(once, 'ik ben dakloos').events)).toEqual(['offers.care.homeless']);
    expect(keys(run(initialState('nl'), 'hoi', 'ik ben zo eenzaam').events)).not.toContain(
      'offers.care.loneliness',
    );
    const open = engine({ handoffOpen: true });
    expect(keys(open(waiting(), 'ik ben zo eenzaam').events)).toEqual(['handoff.waiting']);
  });
});

describe('voice notes and photos', () => {
  it('offers to pass a voice note on, and hands it off with the media to attach', () => {
    const run = engine();
    const inScan = run(consented(), '1', 'Van muziek').state;
    const offered = run(inScan, { type: 'media', kind: 'voice', ref: 'msg-7' });
    expect(keys(offered.events)).toEqual(['offers.media.offer']);
    const second = run(offered.state, { type: 'media', kind: 'photo', ref: 'msg-8' });
    expect(keys(second.events)).toEqual(['offers.media.offer']);
    const accepted = run(second.state, 'ja');
    expect(handoffs(accepted.events)).toEqual([
      expect.objectContaining({
        reason: 'wants_to_talk',
        media: [
          { kind: 'voice', ref: 'msg-7' },
          { kind: 'photo', ref: 'msg-8' },
        ],
      }),
    ]);
    expect(keys(accepted.events)).toEqual(['offers.media.accepted', 'talentenscan.skills']);
  });

  it('asks to type instead when declined, and does not offer again that day', () => {
    const run = engine();
    const declined = run(consented(), { type: 'media' }, 'nee');
    expect(keys(declined.events)).toEqual(['offers.media.declined', 'menu.choose']);
    const again = run(declined.state, { type: 'media', kind: 'voice' });
    expect(keys(again.events)).toEqual(['system.invalid.media', 'menu.choose']);
  });

  it('forwards media while a verbinder handles the hand-off', () => {
    const run = engine({ handoffOpen: true });
    const { events } = run(waiting(), { type: 'media', kind: 'voice', ref: 'm1' });
    expect(events).toContainEqual({ type: 'media_forwarded', media: { kind: 'voice', ref: 'm1' } });
    expect(keys(events)).toEqual(['offers.media.forwarded']);
  });

  it('before consent, asks the onboarding question again', () => {
    const run = engine();
    const { events } = run(initialState('nl'), 'hoi', { type: 'media', kind: 'voice' });
    expect(keys(events)).toEqual(['system.invalid.media', 'language.choose']);
  });
});

describe('leaving and coming back', () => {
  const wijMatchHalfway = () =>
    engine()(consented(), '2', '1', '3', 'Ik help graag in de tuin.').state;

  it('asks before setting a WIJ match sign-up aside, and stays when the resident says no', () => {
    const run = engine();
    const asked = run(wijMatchHalfway(), 'menu');
    expect(keys(asked.events)).toEqual(['offers.leave.confirm']);
    const stay = run(asked.state, 'nee');
    expect(keys(stay.events)).toEqual(['offers.leave.stay', 'wijMatch.gain']);
    expect(stay.state.run?.answers).toMatchObject({ description: 'Ik help graag in de tuin.' });
  });

  it('does not ask when nothing was answered yet', () => {
    const run = engine();
    const { events } = run(consented(), '2', 'menu');
    expect(keys(events)).toEqual(['menu.choose']);
  });

  it('resumes the questionnaire the resident stopped in, not an older one', () => {
    const run = engine();
    const scanPaused = run(consented(), '1', 'Van muziek', 'later').state;
    const stopped = run(scanPaused, 'hoi', 'menu', 'ja', '2', '1', '3', 'Tuin', 'stop');
    expect(keys(stopped.events)).toEqual(['system.stopped']);
    const back = run(stopped.state, 'hallo');
    expect(keys(back.events)).toEqual(['system.welcomeBack', 'system.resumed', 'wijMatch.gain']);
    expect(back.state.run?.flow).toBe('wijMatch');
  });
});

describe('when nobody can receive a hand-off', () => {
  const nobody = engine({ verbinderAvailable: false });

  it.each([
    [['verbinder'], 'handoff.nobody'],
    [['4'], 'handoff.nobody'],
    [['ik ben zo eenzaam', 'ja'], 'offers.care.acceptedNobody'],
  ])('after %j says how to reach WIJeindhoven instead of promising a call', (inputs, key) => {
    const { events } = nobody(consented(), ...inputs);
    expect(handoffs(events)).toHaveLength(1);
    const message = events.flatMap((e) => (e.type === 'message' ? [e.message] : []))[0];
    expect(message).toMatchObject({ key, params: { phone: { text: '040 - 238 68 00' } } });
  });

  it('ends a WIJ match sign-up without promising a call', () => {
    const { events } = nobody(
      consented(),
      '2',
      '1',
      '3',
      'Tuin',
      'Buiten zijn',
      '1',
      '2',
      'Stratum',
      '1',
      'ja',
    );
    expect(keys(events)).toEqual(['wijMatch.doneNobody']);
    for (const language of ['nl', 'en', 'ar', 'tr', 'pl', 'uk']) {
      expect(localeLexicon.text('wijMatch.doneNobody', language)).toContain('{{phone}}');
    }
  });
});
