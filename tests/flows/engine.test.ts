import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { maxInvalid, runEngine, type EngineInput } from '../../src/flows/engine.js';
import type { EngineEvent } from '../../src/flows/events.js';
import { parseFlow } from '../../src/flows/spec.js';
import { initialState, type ConversationState } from '../../src/flows/state.js';
import { localeLexicon } from '../support/locale-lexicon.js';
import { seededWijken } from '../support/seeded-wijken.js';

const flows = loadFlows();

function engine(extra: unknown[] = []) {
  const registry = new Map(flows);
  for (const f of extra) {
    const flow = parseFlow(f);
    registry.set(flow.id, flow);
  }
  let ids = 0;
  const ctx = {
    flows: registry,
    lexicon: localeLexicon,
    now: new Date('2026-03-02T10:00:00Z'),
    newId: () => `run-${++ids}`,
    choiceSets: { wijken: seededWijken },
  };
  return (state: ConversationState, ...inputs: (string | EngineInput)[]) => {
    let events: EngineEvent[] = [];
    for (const input of inputs) {
      const result = runEngine(
        ctx,
        state,
        typeof input === 'string' ? { type: 'text', text: input } : input,
      );
      state = result.state;
      events = result.events;
    }
    return { state, events };
  };
}

const keys = (events: EngineEvent[]) =>
  events.flatMap((e) => (e.type === 'message' ? [e.message.key] : []));

/** A consented resident in the menu. */
function inMenu() {
  const run = engine();
  return run(initialState('nl'), 'hoi', '1', 'ja', 'nee');
}

describe(runEngine.name, () => {
  it('starts onboarding on first contact: welcome, then the language question', () => {
    const { state, events } = engine()(initialState('nl'), 'hallo');
    expect(keys(events)).toEqual(['onboarding.welcome', 'language.choose']);
    expect(state.run?.flow).toBe('onboarding');
    expect(state.consented).toBe(false);
  });

  it('records consent only when the resident agrees, asks about monitoring, then shows the menu', () => {
    const run = engine();
    const agreed = run(initialState('nl'), 'hoi', '1', 'ja');
    expect(agreed.events).toContainEqual({
      type: 'consent_given',
      purpose: 'registration',
      textVersion: 1,
    });
    expect(agreed.state.consented).toBe(true);
    expect(keys(agreed.events)).toEqual(['onboarding.thanks', 'onboarding.monitoring']);
    const monitoring = run(agreed.state, 'ja');
    expect(monitoring.events).toContainEqual({
      type: 'consent_given',
      purpose: 'monitoring',
      textVersion: 1,
    });
    expect(keys(monitoring.events)).toEqual(['onboarding.monitoringThanks', 'menu.choose']);
    const declined = run(agreed.state, 'nee');
    expect(declined.events.some((e) => e.type === 'consent_given')).toBe(false);
    expect(keys(declined.events)).toEqual(['menu.choose']);
  });

  it('forgets everything when consent is declined', () => {
    const { state, events } = engine()(initialState('nl'), 'hoi', '1', 'nee');
    expect(events.map((e) => e.type)).toContain('forget');
    expect(events.some((e) => e.type === 'consent_given')).toBe(false);
    expect(state).toEqual(initialState('nl'));
  });

  it('sets the language from the choice and speaks it from then on', () => {
    const { state, events } = engine()(initialState('nl'), 'hi', 'English');
    expect(state.language).toBe('en');
    expect(events).toContainEqual({ type: 'contact_field_set', field: 'language', value: 'en' });
  });

  it('understands a choice by number, by label without accents or case, and by button id', () => {
    const run = engine();
    const menu = inMenu().state;
    for (const input of [
      '1',
      'TALENTENSCAN',
      'talentenscan: ontdek wat je goed kunt',
      { type: 'choice', id: 'talentenscan' } as const,
    ]) {
      const { state } = run(menu, input);
      expect(state.run?.flow).toBe('talentenscan');
    }
  });

  it('reprompts a wrong answer and offers the menu or a person after three in a row', () => {
    const run = engine();
    const menu = inMenu().state;
    const first = run(menu, 'blabla');
    expect(keys(first.events)).toEqual(['system.invalid.choice', 'menu.choose']);
    expect(first.events).toContainEqual(
      expect.objectContaining({ type: 'invalid_answer', attempt: 1 }),
    );
    const third = run(menu, 'blabla', '17', '');
    expect(keys(third.events)).toEqual(['system.stuck', 'menu.choose']);
    expect(maxInvalid).toBe(3);
    expect(third.state.run?.step).toBe('choose');
  });

  it('answers a sticker with a text-only note and keeps waiting', () => {
    const { state, events } = engine()(inMenu().state, { type: 'media', kind: 'sticker' });
    expect(keys(events)).toEqual(['system.invalid.media', 'menu.choose']);
    expect(state.run?.step).toBe('choose');
  });

  it('pauses the talentenscan on "later" and resumes it with earlier answers on the next message', () => {
    const run = engine();
    const paused = run(inMenu().state, '1', 'Van muziek', 'later');
    expect(keys(paused.events)).toEqual(['system.paused']);
    expect(paused.state.run).toBeNull();
    expect(paused.state.paused[0]?.answers).toEqual({ energy: 'Van muziek' });
    const resumed = run(paused.state, 'hoi');
    expect(keys(resumed.events)).toEqual([
      'system.welcomeBack',
      'system.resumed',
      'talentenscan.skills',
    ]);
    expect(resumed.state.run?.answers).toEqual({ energy: 'Van muziek' });
  });

  it('asks before leaving a scan for the menu, keeps it, and resumes it from the menu', () => {
    const run = engine();
    const asked = run(inMenu().state, '1', 'Van muziek', 'menu');
    expect(keys(asked.events)).toEqual(['offers.leave.confirm']);
    const left = run(asked.state, 'ja');
    expect(keys(left.events)).toEqual(['offers.leave.left', 'menu.choose']);
    expect(left.state.paused.map((p) => p.flow)).toEqual(['talentenscan']);
    const viaMenu = run(left.state, '1');
    expect(keys(viaMenu.events)).toEqual(['system.resumed', 'talentenscan.skills']);
    expect(viaMenu.state.run?.answers).toEqual({ energy: 'Van muziek' });
  });

  it('changes language mid-flow and repeats the current question in the new language', () => {
    const run = engine();
    const { state, events } = run(inMenu().state, '1', 'Van muziek', 'language', '2');
    expect(state.language).toBe('en');
    expect(keys(events)).toEqual(['language.changed', 'talentenscan.skills']);
    expect(state.run?.answers).toEqual({ energy: 'Van muziek' });
  });

  it('keeps a scan waiting under the language question when the resident opens the menu there', () => {
    const run = engine();
    const viaMenu = run(inMenu().state, '1', 'Van muziek', 'language', 'menu', '1');
    expect(keys(viaMenu.events)).toEqual(['system.resumed', 'talentenscan.skills']);
    expect(viaMenu.state.run?.answers).toEqual({ energy: 'Van muziek' });
    expect(viaMenu.state.stack).toEqual([]);
  });

  it('honours STOP at any moment, and before consent keeps nothing', () => {
    const run = engine();
    const stopped = run(inMenu().state, '1', 'STOP');
    expect(stopped.events).toContainEqual({ type: 'stopped' });
    expect(stopped.state.run).toBeNull();
    const early = run(initialState('nl'), 'hoi', 'stop');
    expect(early.events).toContainEqual({ type: 'forget' });
  });

  it('asks for a person with "verbinder" and requests a hand-off with the answers so far', () => {
    const { events } = engine()(inMenu().state, '1', 'Van muziek', 'verbinder');
    expect(events).toContainEqual({
      type: 'handoff_requested',
      reason: 'contact_requested',
      urgency: 'normal',
      flow: 'talentenscan',
      answers: { energy: 'Van muziek' },
    });
  });

  it('treats /start as a hello on first contact', () => {
    const { events } = engine()(initialState('nl'), '/start');
    expect(keys(events)).toEqual(['onboarding.welcome', 'language.choose']);
  });

  it('does not hand off or open the menu before consent', () => {
    const { events, state } = engine()(initialState('nl'), 'hoi', 'verbinder');
    expect(keys(events)).toEqual(['onboarding.consentFirst', 'language.choose']);
    expect(events.some((e) => e.type === 'handoff_requested')).toBe(false);
    expect(state.run?.step).toBe('chooseLanguage');
  });

  it('answers an unknown command with a friendly note', () => {
    const { events } = engine()(inMenu().state, '/foo');
    expect(keys(events)).toEqual(['system.invalid.command', 'menu.choose']);
  });

  it('runs number questions with a range and branches on the answer', () => {
    const quiz = {
      id: 'quiz',
      version: 1,
      title: 'menu.title',
      start: 'age',
      steps: {
        age: {
          kind: 'number',
          text: 'menu.choose',
          min: 16,
          max: 120,
          branches: [{ when: '16', next: 'young' }],
          next: 'end',
        },
        young: { kind: 'message', text: 'menu.title', next: 'end' },
      },
    };
    const run = engine([quiz]);
    const state = { ...inMenu().state, run: null };
    const started = runEngine(
      {
        flows: new Map([...flows, ['quiz', parseFlow(quiz)]]),
        lexicon: localeLexicon,
        now: new Date(0),
        newId: () => 'q',
      },
      state,
      { type: 'start', flow: 'quiz' },
    );
    expect(keys(started.events)).toEqual(['menu.choose']);
    expect(keys(run(started.state, '300').events)).toEqual([
      'system.invalid.number',
      'menu.choose',
    ]);
    const young = run(started.state, '١٦');
    expect(young.events).toContainEqual(
      expect.objectContaining({ type: 'answer_saved', value: 16 }),
    );
    expect(keys(young.events)).toEqual(['menu.title']);
  });

  it('completes the talentenscan with a summary, 2–3 directions and a recorded profile', () => {
    const run = engine();
    const { events, state } = run(
      inMenu().state,
      '1',
      'Van koken',
      'Koken',
      '1, 2',
      'Koken voor ouderen',
      'Nederlands leren',
      '2',
      '2',
      '4',
      'Stratum',
      'ja',
      'nee',
    );
    const record = events.find((e) => e.type === 'record_completed');
    expect(record).toMatchObject({
      record: 'talentProfile',
      answers: {
        energy: 'Van koken',
        interests: ['cooking', 'garden'],
        time: 'fewHours',
        mobility: 'wijk',
        dutchComfort: 4,
        wijk: 'stratum',
        confirm: 'yes',
        contactWish: 'no',
        directions: [
          'talentenscan.directions.cooking',
          'talentenscan.directions.garden',
          'talentenscan.directions.volunteer',
        ],
      },
    });
    expect(events.some((e) => e.type === 'handoff_requested')).toBe(false);
    expect(state.run).toMatchObject({ flow: 'talentenscan', step: 'checkUp' });
    expect(run(state, 'nee').state.run).toBeNull();
  });

  it('schedules the check-up the resident chose at the end of the talentenscan, or none', () => {
    const run = engine();
    const atCheckUp = run(
      inMenu().state,
      ...['1', 'a', 'b', '1', 'c', 'd', '2', '2', '4', '1', 'ja', 'nee'],
    );
    expect(atCheckUp.events.at(-1)).toMatchObject({
      type: 'message',
      message: { key: 'talentenscan.checkUp' },
    });
    const chosen = (answer: string) =>
      run(atCheckUp.state, answer).events.filter((e) => e.type === 'message_scheduled');
    expect(chosen('over twee weken')).toEqual([
      { type: 'message_scheduled', kind: 'scanCheckUp', after: 'P14D', runId: expect.any(String) },
    ]);
    expect(chosen('een maand')).toMatchObject([{ after: 'P1M' }]);
    expect(chosen('3')).toMatchObject([{ after: 'P1M' }]);
    expect(chosen('nee')).toEqual([]);
  });

  it('is deterministic and does not mutate the state it is given', () => {
    const start = inMenu().state;
    const copy = structuredClone(start);
    const a = engine()(start, '1', 'Van muziek');
    const b = engine()(start, '1', 'Van muziek');
    expect(a).toEqual(b);
    expect(start).toEqual(copy);
  });
});

describe('stale buttons', () => {
  const refOf = (events: EngineEvent[]) =>
    events.flatMap((e) => (e.type === 'message' && e.message.ref ? [e.message.ref] : [])).at(-1);

  it('refuses a button of an earlier question, even when its id fits the current one', () => {
    const run = engine();
    const atTime = run(inMenu().state, '1', 'a', 'b', '1', 'c', 'd');
    const timeRef = refOf(atTime.events);
    const atMobility = run(atTime.state, '2');
    const mobilityRef = refOf(atMobility.events);
    expect(timeRef).toBeDefined();
    expect(mobilityRef).not.toBe(timeRef);

    const stale = run(atMobility.state, { type: 'choice', id: 'wijk', ref: timeRef! });
    expect(keys(stale.events)).toEqual(['system.invalid.stale', 'talentenscan.mobility']);
    const fresh = run(atMobility.state, { type: 'choice', id: 'wijk', ref: mobilityRef! });
    expect(fresh.state.run?.answers['mobility']).toBe('wijk');
  });
});

describe('privacy keywords', () => {
  it('shows "my data" and offers "forget me" even before consent', () => {
    const run = engine();
    const early = run(initialState('nl'), 'hoi', 'mijn gegevens');
    expect(early.events).toContainEqual({ type: 'data_requested' });
    expect(keys(early.events)).toEqual(['language.choose']);
    const forget = run(early.state, 'vergeet mij');
    expect(keys(forget.events)).toEqual(['privacy.confirmForget']);
    const erased = run(forget.state, 'ja');
    expect(erased.events).toContainEqual({ type: 'erase' });
    expect(erased.state).toEqual(initialState('nl'));
  });

  it('keeps everything and returns to the question when "forget me" is not confirmed', () => {
    const run = engine();
    const inScan = run(inMenu().state, '1', 'Van muziek');
    const kept = run(inScan.state, 'vergeet mij', 'nee');
    expect(keys(kept.events)).toEqual(['privacy.kept', 'talentenscan.skills']);
    expect(kept.state.run?.answers).toEqual({ energy: 'Van muziek' });
    expect(kept.events.some((e) => e.type === 'erase')).toBe(false);
  });
});
