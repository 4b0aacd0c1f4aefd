import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { runEngine, type EngineContext } from '../../src/flows/engine.js';
import { detectCrisis } from '../../src/flows/safety/detect-signals.js';
import { initialState, type ConversationState } from '../../src/flows/state.js';
import { localeLexicon } from '../support/locale-lexicon.js';
import { seededWijken } from '../support/seeded-wijken.js';

const ctx: EngineContext = {
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

describe(detectCrisis.name, () => {
  it.each([
    ['Ik wil niet meer leven', 'suicide'],
    ['soms denk ik aan zelfmoord...', 'suicide'],
    ['Ik wil er een einde aan maken', 'suicide'],
    ['ik doe mezelf iets aan', 'selfHarm'],
    ['Ik wil mezelf iets aandoen', 'selfHarm'],
    ['Mijn man slaat me als hij gedronken heeft', 'violence'],
    ['Er is huiselijk geweld bij ons', 'violence'],
    ['Help, ik ben in gevaar!', 'danger'],
    ['I want to kill myself', 'suicide'],
    ["I don't want to live anymore", 'suicide'],
    ['sometimes I cut myself', 'selfHarm'],
    ['my husband hits me', 'violence'],
    ["I'm not safe at home", 'danger'],
    ['kocam beni dövüyor', 'violence'],
    ['хочу покінчити з життям', 'suicide'],
  ])('%s → %s', (text, expected) => {
    expect(detectCrisis(text)?.kind).toBe(expected);
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
    expect(detectCrisis(text)).toBeNull();
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
    for (const language of ['nl', 'en', 'ar', 'tr', 'pl', 'uk']) {
      expect(localeLexicon.text('safety.message', language)).toMatch(
        /112[\s\S]*0800-0113[\s\S]*0800-2000/,
      );
    }
  });

  it('recognises a crisis in another language than the chat, and answers in the chat language', () => {
    const { state, events } = send(inScan(), 'kocam beni dövüyor, eve gitmeye korkuyorum');
    expect(keys(events)).toEqual(['safety.message', 'safety.continueLater']);
    expect(state.language).toBe('nl');
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'handoff_requested', answers: { signal: 'violence' } }),
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

  it('gives no concern offer instead of, or after, a crisis answer', () => {
    const { events } = send(inScan(), 'ik ben zo eenzaam, ik wil dood');
    expect(keys(events)).toEqual(['safety.message', 'safety.continueLater']);
  });

  it('tells the resident how to reach WIJeindhoven when nobody can receive the hand-off', () => {
    const nobody = { ...ctx, verbinderAvailable: false };
    const { events } = runEngine(nobody, inScan(), { type: 'text', text: 'ik wil dood' });
    expect(keys(events)).toEqual(['safety.message', 'safety.continueLaterNobody']);
    expect(events).toContainEqual(expect.objectContaining({ type: 'handoff_requested' }));
    const nobodyText = events.flatMap((e) => (e.type === 'message' ? [e.message] : []))[1];
    expect(nobodyText?.params['phone']).toEqual({ text: '040 - 238 68 00' });
  });
});
