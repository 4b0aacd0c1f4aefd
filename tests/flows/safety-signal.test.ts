import { describe, expect, it } from 'vitest';
import { detectSafetySignal } from '../../src/flows/answers/detect-safety-signal.js';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { runEngine } from '../../src/flows/engine.js';
import { initialState, type ConversationState } from '../../src/flows/state.js';
import { localeLexicon } from '../support/locale-lexicon.js';
import { seededWijken } from '../support/seeded-wijken.js';

const ctx = {
  flows: loadFlows(),
  lexicon: localeLexicon,
  now: new Date('2026-03-02T10:00:00Z'),
  newId: () => 'run-1',
  choiceSets: { wijken: seededWijken },
};
const send = (state: ConversationState, ...texts: string[]) => {
  let result = { state, events: [] as ReturnType<typeof runEngine>['events'] };
  for (const text of texts) result = runEngine(ctx, result.state, { type: 'text', text });
  return result;
};
const keys = (events: ReturnType<typeof runEngine>['events']) =>
  events.flatMap((e) => (e.type === 'message' ? [e.message.key] : []));

describe(detectSafetySignal.name, () => {
  it.each([
    ['nl', 'Ik wil niet meer leven', 'suicide'],
    ['nl', 'soms denk ik aan zelfmoord...', 'suicide'],
    ['nl', 'Ik wil er een einde aan maken', 'suicide'],
    ['nl', 'ik doe mezelf iets aan', null],
    ['nl', 'Ik wil mezelf iets aandoen', 'selfHarm'],
    ['nl', 'Mijn man slaat me als hij gedronken heeft', 'violence'],
    ['nl', 'Er is huiselijk geweld bij ons', 'violence'],
    ['nl', 'Help, ik ben in gevaar!', 'danger'],
    ['en', 'I want to kill myself', 'suicide'],
    ['en', "I don't want to live anymore", 'suicide'],
    ['en', 'sometimes I cut myself', 'selfHarm'],
    ['en', 'my husband hits me', 'violence'],
    ['en', "I'm not safe at home", 'danger'],
    ['nl', 'I want to die', 'suicide'],
  ])('%s: %s', (language, text, expected) => {
    expect(detectSafetySignal(text, localeLexicon, language)).toBe(expected);
  });

  it.each([
    'Ik ga dood van het lachen om mijn buurman',
    'Mijn tuin is helemaal dood, wie helpt?',
    'Ik sla graag een balletje',
    'Wij spelen een moordspel op zaterdag',
    'Ik word blij van koken',
    'I could die for a good pizza',
    'This app is a killer feature',
    'I am dying to meet my neighbours',
    'We watched Die Hard last night',
    'Ik ben veilig thuis en het gaat goed',
    '',
  ])('does not fire on a harmless sentence: %s', (text) => {
    expect(detectSafetySignal(text, localeLexicon, 'nl')).toBeNull();
    expect(detectSafetySignal(text, localeLexicon, 'en')).toBeNull();
  });
});

describe('safety signals in a conversation', () => {
  const inScan = () => send(initialState('nl'), 'hoi', '1', 'ja', 'nee', '1', 'Van koken').state;

  it('answers with 112, 113 and Veilig Thuis, raises one urgent alert and pauses the scan', () => {
    const { state, events } = send(inScan(), 'ik wil niet meer leven');
    expect(keys(events)).toEqual(['safety.message', 'safety.continueLater']);
    expect(events.filter((e) => e.type === 'handoff_requested')).toEqual([
      expect.objectContaining({
        reason: 'safety_signal',
        urgency: 'urgent',
        answers: { signal: 'suicide' },
      }),
    ]);
    expect(state.run).toBeNull();
    expect(state.paused[0]?.answers).toEqual({ energy: 'Van koken' });
    expect(localeLexicon.text('safety.message', 'nl')).toMatch(
      /112[\s\S]*0800-0113[\s\S]*0800-2000/,
    );
    expect(localeLexicon.text('safety.message', 'en')).toMatch(
      /112[\s\S]*0800-0113[\s\S]*0800-2000/,
    );
  });

  it('does not simply continue: it waits until the resident says to go on', () => {
    const after = send(inScan(), 'ik wil niet meer leven').state;
    const holding = send(after, 'ik weet het niet meer');
    expect(keys(holding.events)).toEqual(['safety.holding']);
    const again = send(after, 'mijn man slaat me');
    expect(again.events.some((e) => e.type === 'handoff_requested')).toBe(false);
    const resumed = send(after, 'verder');
    expect(keys(resumed.events)).toEqual([
      'system.welcomeBack',
      'system.resumed',
      'talentenscan.skills',
    ]);
  });

  it('before consent it gives the numbers but stores and alerts nothing', () => {
    const { events } = send(initialState('en'), 'hi', 'I want to kill myself');
    expect(keys(events)).toEqual(['safety.message']);
    expect(events.some((e) => e.type === 'handoff_requested')).toBe(false);
  });
});
