import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../src/flows/answers/parse-answer.js';
import { loadFlows } from '../../../src/flows/definitions/index.js';
import { runEngine } from '../../../src/flows/engine.js';
import type { EngineEvent } from '../../../src/flows/events.js';
import { isQuestion, type QuestionStep } from '../../../src/flows/spec.js';
import { dontKnow, initialState, type ConversationState } from '../../../src/flows/state.js';
import { localeLexicon } from '../../support/locale-lexicon.js';
import { seededWijken } from '../../support/seeded-wijken.js';

const flows = loadFlows();
const step = (flow: string, id: string): QuestionStep => {
  const found = flows.get(flow)?.steps[id];
  if (!found || !isQuestion(found)) throw new Error(`${flow}.${id} is no question`);
  return found;
};
const parse = (flow: string, id: string, language: string, text: string) =>
  parseAnswer(step(flow, id), { type: 'text', text }, localeLexicon, language, {
    wijken: seededWijken,
  });

interface Case {
  language: string;
  typo: string;
  several: string;
  walking: string;
  unsure: string;
  yes: string;
  no: string;
  person: string;
}

const cases: Case[] = [
  {
    language: 'nl',
    typo: 'talentscan',
    several: 'tuin en koken',
    walking: 'lopend',
    unsure: 'weet ik niet',
    yes: 'eens',
    no: 'nee hoor',
    person: 'kan ik iemand spreken?',
  },
  {
    language: 'en',
    typo: 'talentscan',
    several: 'cook and garden',
    walking: 'walking',
    unsure: "don't know",
    yes: 'yeah sure',
    no: 'nah',
    person: 'can I talk to a real person?',
  },
  {
    language: 'ar',
    typo: 'talentscan',
    several: 'الطبخ والحديقة',
    walking: 'مشيا',
    unsure: 'ما بعرف',
    yes: 'اه',
    no: 'لا لا',
    person: 'بدي احكي مع موظف',
  },
  {
    language: 'tr',
    typo: 'talentscan',
    several: 'yemek ve bahçe',
    walking: 'yürüyerek',
    unsure: 'bilmiyorum',
    yes: 'evet evet',
    no: 'yok hayır',
    person: 'biriyle konuşabilir miyim?',
  },
  {
    language: 'pl',
    typo: 'talentscan',
    several: 'gotowanie, ogród',
    walking: 'pieszo',
    unsure: 'nie wiem',
    yes: 'raczej tak',
    no: 'nie nie',
    person: 'czy mogę porozmawiać z kimś?',
  },
  {
    language: 'uk',
    typo: 'talentscan',
    several: 'готування, сад',
    walking: 'пішки',
    unsure: 'не знаю',
    yes: 'так так',
    no: 'та ні',
    person: 'можна поговорити з людиною?',
  },
];

describe('loose answers in every language', () => {
  it.each(cases)('$language: a menu label with a typo', ({ language, typo }) => {
    expect(parse('menu', 'choose', language, typo)).toEqual({ ok: true, value: 'talentenscan' });
  });

  it.each(cases)(
    '$language: several labels, or parts of them, in one line',
    ({ language, several }) => {
      expect(parse('talentenscan', 'interests', language, several)).toEqual({
        ok: true,
        value: expect.arrayContaining(['cooking', 'garden']),
      });
    },
  );

  it.each(cases)('$language: one unambiguous word of a label', ({ language, walking }) => {
    expect(parse('wijMatch', 'mobility', language, walking)).toEqual({ ok: true, value: 'street' });
  });

  it.each(cases)(
    '$language: "don\'t know" on a scale is kept as such, not as a score',
    ({ language, unsure }) => {
      expect(parse('checkIn', 'know', language, unsure)).toEqual({ ok: true, value: dontKnow });
      expect(localeLexicon.text('common.dontKnow', language)).toBeTruthy();
    },
  );

  it.each(cases)('$language: yes and no as people say them', ({ language, yes, no }) => {
    expect(parse('onboarding', 'consent', language, yes)).toEqual({ ok: true, value: 'yes' });
    expect(parse('onboarding', 'consent', language, no)).toEqual({ ok: true, value: 'no' });
  });

  it.each(cases)(
    '$language: a choice with a "yes" among others takes yes as people say it',
    ({ language, yes, unsure }) => {
      expect(parse('matchCheckUp', 'met', language, yes)).toEqual({ ok: true, value: 'yes' });
      expect(parse('matchCheckUp', 'met', language, unsure)).toEqual({
        ok: false,
        reason: 'choice',
      });
    },
  );

  it.each(cases)('$language: "don\'t know" is neither yes nor no', ({ language, unsure }) => {
    expect(parse('onboarding', 'consent', language, unsure)).toEqual({
      ok: false,
      reason: 'yesno',
    });
  });

  it('never corrects numbers, and leaves nonsense and mixed yes-and-no alone', () => {
    expect(parse('menu', 'choose', 'nl', '12')).toEqual({ ok: false, reason: 'choice' });
    expect(parse('onboarding', 'consent', 'nl', 'nee, dat klopt niet')).toEqual({
      ok: true,
      value: 'no',
    });
    expect(parse('onboarding', 'consent', 'nl', 'ja nee')).toEqual({ ok: false, reason: 'yesno' });
    expect(parse('menu', 'choose', 'nl', 'blabla')).toEqual({ ok: false, reason: 'choice' });
  });

  it.each([
    ['nl', 'eens'],
    ['en', 'agree'],
    ['ar', 'أوافق'],
    ['tr', 'katılıyorum'],
    ['pl', 'zgadzam się'],
    ['uk', 'погоджуюся'],
  ])('%s: "%s" fits both agreeing answers, not the ones that say "not"', (language, agree) => {
    expect(parse('checkIn', 'know', language, agree)).toEqual({
      ok: false,
      reason: 'ambiguous',
      candidates: ['4', '5'],
      keep: [],
    });
  });

  it('takes the one label all words fit', () => {
    expect(parse('checkIn', 'know', 'nl', 'helemaal mee eens')).toEqual({ ok: true, value: 5 });
    expect(parse('checkIn', 'know', 'en', 'strongly disagree')).toEqual({ ok: true, value: 1 });
  });
});

describe('asking which one, and asking for a person, in a conversation', () => {
  let ids = 0;
  const ctx = {
    flows,
    lexicon: localeLexicon,
    now: new Date('2026-03-02T10:00:00Z'),
    newId: () => `run-${++ids}`,
    choiceSets: { wijken: seededWijken },
  };
  const send = (state: ConversationState, ...inputs: string[]) => {
    let events: EngineEvent[] = [];
    for (const text of inputs) ({ state, events } = runEngine(ctx, state, { type: 'text', text }));
    return { state, events };
  };
  const consent = (language: string) =>
    send(
      initialState(language),
      'hi',
      String(['nl', 'en', 'ar', 'tr', 'pl', 'uk'].indexOf(language) + 1),
      '1',
      '2',
    ).state;

  it('shows the candidates as choices, and takes a number among them', () => {
    const atScale = send(consent('nl'), '3').state;
    const asked = send(atScale, 'eens');
    const clarify = asked.events.find((e) => e.type === 'message');
    expect(clarify).toMatchObject({
      message: {
        key: 'system.clarify',
        choices: ['4', '5'].map((id) => ({ id, label: { key: `common.agree.${id}` } })),
      },
    });
    const answered = send(asked.state, '2');
    expect(answered.events).toContainEqual(
      expect.objectContaining({ type: 'answer_saved', name: 'know', value: 5 }),
    );
  });

  it('forgets the candidates once the full question is asked again', () => {
    const asked = send(send(consent('nl'), '3').state, 'eens').state;
    const again = runEngine(ctx, asked, { type: 'media', kind: 'voice' });
    const back = send(again.state, 'nee', '2');
    expect(back.events).toContainEqual(
      expect.objectContaining({ type: 'answer_saved', name: 'know', value: 2 }),
    );
  });

  it.each(cases)('$language: "$person" asks for a person', ({ language, person }) => {
    const { events } = send(consent(language), person);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'handoff_requested', reason: 'contact_requested' }),
    );
  });

  it('takes a keyword with a typo when the message is no answer', () => {
    const { events } = send(consent('nl'), 'verbindr');
    expect(events).toContainEqual(expect.objectContaining({ type: 'handoff_requested' }));
    const asText = send(consent('nl'), '1', 'verbindr');
    expect(asText.events).toContainEqual(
      expect.objectContaining({ type: 'answer_saved', value: 'verbindr' }),
    );
  });
});
