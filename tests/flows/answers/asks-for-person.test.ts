import { describe, expect, it } from 'vitest';
import { asksForPerson } from '../../../src/flows/answers/asks-for-person.js';

/** Requests for a person as residents write them, colloquial and formal, per language. */
const requests: Record<string, string[]> = {
  nl: ['kan ik iemand spreken?', 'ik wil graag een mens spreken', 'bel me alsjeblieft terug'],
  en: ['can I talk to a real person?', "I'd rather speak with a human", 'call me back please'],
  ar: [
    'بدي احكي مع موظف',
    'هل يمكنني التحدث مع شخص؟',
    'أود التحدث إلى موظف من فضلك',
    'أريد أن أتكلم مع أحد',
    'هل يمكن لشخص الاتصال بي؟',
  ],
  tr: ['biriyle konuşabilir miyim?', 'beni arayabilir misiniz?'],
  pl: ['czy mogę porozmawiać z kimś?', 'oddzwońcie do mnie'],
  uk: ['можна поговорити з людиною?', 'передзвоніть мені'],
};

/** Answers that mention someone but ask for nobody. */
const answers = [
  'ik zoek iemand om mee te praten over de tuin',
  'I like talking to people',
  'أحب التحدث مع الناس',
  'insanlarla konuşmayı severim',
  'lubię rozmawiać z ludźmi',
  'люблю говорити з людьми',
];

describe('asking for a person inside a sentence', () => {
  it.each(Object.entries(requests).flatMap(([lng, ss]) => ss.map((s) => [lng, s])))(
    '%s: "%s" asks for a person',
    (_lng, sentence) => {
      expect(asksForPerson(sentence)).toBe(true);
    },
  );

  it.each(answers)('"%s" is an answer, not a request', (sentence) => {
    expect(asksForPerson(sentence)).toBe(false);
  });
});
