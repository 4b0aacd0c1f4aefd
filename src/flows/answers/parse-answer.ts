/**
 * Turns a resident's input into the answer a question expects, in their language, or says
 * why it could not: a wrong answer is an outcome, not an exception. An answer that fits
 * several choices returns them as `candidates`, so the engine can ask which one.
 */
import type { EngineInput } from '../engine.js';
import type { InvalidReason } from '../events.js';
import { alwaysUnderstood, words, type Lexicon } from '../lexicon.js';
import type { QuestionStep } from '../spec.js';
import { dontKnow, type AnswerValue, type Run } from '../state.js';
import { questionChoices, type ChoiceSets } from '../step-view.js';
import { matchChoice, type LabelMatch, type LabelledChoice } from './parse-choice.js';
import { matchMulti } from './parse-multi.js';
import { normalize } from './normalize.js';
import { parseNumber } from './parse-number.js';
import { parseText } from './parse-text.js';
import { parseYesNo } from './parse-yes-no.js';

export type ParsedAnswer =
  | { ok: true; value: AnswerValue; truncated?: false }
  | { ok: true; value: string; truncated: true; max: number }
  | { ok: false; reason: Exclude<InvalidReason, 'ambiguous'> }
  | { ok: false; reason: 'ambiguous'; candidates: string[]; keep: string[] };

type ResidentInput = Exclude<EngineInput, { type: 'start' | 'late' }>;

export function parseAnswer(
  step: QuestionStep,
  input: ResidentInput,
  lexicon: Lexicon,
  language: string,
  sets: ChoiceSets = {},
  clarify?: Run['clarify'],
): ParsedAnswer {
  const reason = step.kind === 'choice' ? 'choice' : step.kind;
  if (input.type === 'media') return { ok: false, reason: 'media' };
  const choices = questionChoices(step, sets);
  const chosen = (id: string, keep: string[] = []): ParsedAnswer => {
    if (step.kind === 'multi') return { ok: true, value: [...new Set([...keep, id])] };
    if (step.kind === 'scale') return { ok: true, value: Number(id) };
    return { ok: true, value: id };
  };
  if (input.type === 'choice') {
    if (!choices.some((c) => c.id === input.id)) return { ok: false, reason };
    return chosen(input.id, clarify?.keep);
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
  if (clarify) {
    const among = labelled.filter((c) => clarify.ids.includes(c.id));
    const picked = /^\d+$/.test(normalize(text))
      ? clarify.ids[Number(normalize(text)) - 1]
      : found(matchChoice(text, among));
    if (picked) return chosen(picked, clarify.keep);
  }
  const fail = { ok: false, reason } as const;
  const ask = (candidates: string[], keep: string[] = []): ParsedAnswer => ({
    ok: false,
    reason: 'ambiguous',
    candidates,
    keep,
  });
  switch (step.kind) {
    case 'choice': {
      const match = matchChoice(text, labelled);
      if (!match) return fail;
      return 'found' in match ? chosen(match.found) : ask(match.ambiguous);
    }
    case 'multi': {
      const match = matchMulti(text, labelled, words(lexicon, 'common.and', languages));
      if (!match) return fail;
      return 'found' in match ? { ok: true, value: match.found } : ask(match.ambiguous, match.keep);
    }
    case 'yesno': {
      // "لا أعرف", "nie wiem", "no idea" start with the word for no, and mean neither.
      if (saysDontKnow(text, lexicon, languages)) return fail;
      const yes = words(lexicon, 'common.yesWords', languages);
      const no = words(lexicon, 'common.noWords', languages);
      const value = parseYesNo(text, yes, no) ?? found(matchChoice(text, labelled));
      return value ? { ok: true, value } : fail;
    }
    case 'scale': {
      if (saysDontKnow(text, lexicon, languages)) return { ok: true, value: dontKnow };
      const match = matchChoice(text, labelled);
      if (!match) return fail;
      return 'found' in match ? chosen(match.found) : ask(match.ambiguous);
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

function saysDontKnow(text: string, lexicon: Lexicon, languages: string[]): boolean {
  return words(lexicon, 'common.dontKnowWords', languages).map(normalize).includes(normalize(text));
}

function found(match: LabelMatch): string | null {
  return match && 'found' in match ? match.found : null;
}
