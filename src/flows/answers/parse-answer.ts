/**
 * Turns a resident's input into the answer a question expects, in their language, or says
 * why it could not: a wrong answer is an outcome, not an exception.
 */
import type { EngineInput } from '../engine.js';
import type { InvalidReason } from '../events.js';
import { alwaysUnderstood, words, type Lexicon } from '../lexicon.js';
import type { QuestionStep } from '../spec.js';
import type { AnswerValue } from '../state.js';
import { questionChoices, type ChoiceSets } from '../step-view.js';
import type { LabelledChoice } from './parse-choice.js';
import { parseChoice } from './parse-choice.js';
import { parseMulti } from './parse-multi.js';
import { parseNumber } from './parse-number.js';
import { parseText } from './parse-text.js';
import { parseYesNo } from './parse-yes-no.js';

export type ParsedAnswer =
  | { ok: true; value: AnswerValue; truncated?: false }
  | { ok: true; value: string; truncated: true; max: number }
  | { ok: false; reason: InvalidReason };

type ResidentInput = Exclude<EngineInput, { type: 'start' | 'late' }>;

export function parseAnswer(
  step: QuestionStep,
  input: ResidentInput,
  lexicon: Lexicon,
  language: string,
  sets: ChoiceSets = {},
): ParsedAnswer {
  const reason: InvalidReason = step.kind === 'choice' ? 'choice' : step.kind;
  if (input.type === 'media') return { ok: false, reason: 'media' };
  const choices = questionChoices(step, sets);
  if (input.type === 'choice') {
    if (!choices.some((c) => c.id === input.id)) return { ok: false, reason };
    if (step.kind === 'multi') return { ok: true, value: [input.id] };
    if (step.kind === 'scale') return { ok: true, value: Number(input.id) };
    return { ok: true, value: input.id };
  }
  const languages = [language, ...alwaysUnderstood.filter((l) => l !== language)];
  const labelled: LabelledChoice[] = choices.map(({ id, label }) => ({
    id,
    labels:
      'text' in label
        ? [label.text]
        : languages.map((l) => lexicon.text(label.key, l)).filter((t): t is string => !!t),
  }));
  const text = input.text;
  const fail = { ok: false, reason } as const;
  switch (step.kind) {
    case 'choice': {
      const id = parseChoice(text, labelled);
      return id ? { ok: true, value: id } : fail;
    }
    case 'multi': {
      const ids = parseMulti(text, labelled, words(lexicon, 'common.and', languages));
      return ids ? { ok: true, value: ids } : fail;
    }
    case 'yesno': {
      const yes = words(lexicon, 'common.yesWords', languages);
      const no = words(lexicon, 'common.noWords', languages);
      const value = parseYesNo(text, yes, no) ?? parseChoice(text, labelled);
      return value ? { ok: true, value } : fail;
    }
    case 'scale': {
      const id = parseChoice(text, labelled);
      return id ? { ok: true, value: Number(id) } : fail;
    }
    case 'number': {
      const value = parseNumber(text, step.min, step.max);
      return value === null ? fail : { ok: true, value };
    }
    case 'text': {
      const answer = parseText(text, step.maxLength);
      if (!answer) return fail;
      return answer.truncated
        ? { ok: true, value: answer.value, truncated: true, max: step.maxLength }
        : { ok: true, value: answer.value };
    }
  }
}
