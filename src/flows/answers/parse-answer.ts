/**
 * Turns a resident's input into the answer a question expects, in their language, or says
 * why it could not: a wrong answer is an outcome, not an exception. An answer that fits
 * several choices returns them as `candidates`, so the engine can ask which one.
 *
 * What every question shares is done here (a tapped button, a number among the candidates
 * of a clarification); what a typed answer means is up to the step's kind (`steps/`).
 */
import type { EngineInput } from '../engine.js';
import type { InvalidReason } from '../events.js';
import { alwaysUnderstood, type Lexicon } from '../lexicon.js';
import type { AnswerValue, Run } from '../state.js';
import { questionChoices, type ChoiceSets } from '../step-view.js';
import { kindOf, type AnswerTools, type QuestionStep } from '../steps/index.js';
import { matchChoice, type LabelMatch, type LabelledChoice } from './parse-choice.js';
import { normalize } from './normalize.js';

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
  const kind = kindOf(step).question!;
  const reason = step.kind;
  if (input.type === 'media') return { ok: false, reason: 'media' };
  const choices = questionChoices(step, sets);
  const chosen = (id: string, keep: readonly string[] = []): ParsedAnswer => ({
    ok: true,
    value: kind.picked ? kind.picked(id, keep) : id,
  });
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
  const tools: AnswerTools = {
    labelled,
    lexicon,
    languages,
    chosen: (id) => ({ ok: true, value: kind.picked ? kind.picked(id, []) : id }),
    ask: (candidates, keep = []) => ({ ok: false, reason: 'ambiguous', candidates, keep }),
    fail: { ok: false, reason: 'notUnderstood' },
  };
  const answer = kind.parse(step, text, tools);
  return answer.ok || answer.reason === 'ambiguous' ? answer : { ok: false, reason };
}

function found(match: LabelMatch): string | null {
  return match && 'found' in match ? match.found : null;
}
