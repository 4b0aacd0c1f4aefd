/**
 * Answers in words, for whoever reads them: a resident's own answers in "my data", a
 * hand-off's summary for a verbinder. Choice ids become their labels in the reader's
 * language, several choices are listed with commas, a wijk id becomes the wijk's name, and
 * the question is the text the resident was asked.
 */
import type { Lexicon } from '../flows/lexicon.js';
import type { MessageParam } from '../flows/events.js';
import type { FlowDefinition } from '../flows/spec.js';
import type { AnswerValue } from '../flows/state.js';
import { describeAnswer, stepSaving, type ChoiceSets } from '../flows/step-view.js';

/** One answer as the reader says it: "Koken of bakken, Tuinieren", "Ja", "Stratum". */
export function answerInWords(
  lexicon: Lexicon,
  flow: FlowDefinition | undefined,
  name: string,
  value: AnswerValue,
  language: string,
  sets: ChoiceSets = {},
): string {
  const described: MessageParam = flow
    ? describeAnswer(flow, name, value, sets)
    : { text: [value].flat().join(', ') };
  return inWords(lexicon, described, language);
}

/**
 * The question that asked for an answer, as the resident read it, up to its question mark
 * (the instructions after it, "Kies er een of meer…", left out); undefined when no step of
 * the flow saves that answer.
 */
export function questionInWords(
  lexicon: Lexicon,
  flow: FlowDefinition | undefined,
  name: string,
  language: string,
): string | undefined {
  const step = flow ? stepSaving(flow, name) : undefined;
  const text = step && 'text' in step ? lexicon.text(step.text, language) : undefined;
  const firstLine = text
    ?.split('\n')
    .find((line) => line.trim())
    ?.trim();
  if (!firstLine) return undefined;
  const asked = /^.*?[?؟]/u.exec(firstLine)?.[0];
  return asked ?? firstLine;
}

function inWords(lexicon: Lexicon, param: MessageParam, language: string): string {
  if ('text' in param) return param.text;
  if ('key' in param) return lexicon.text(param.key, language) ?? param.key;
  return param.list.map((item) => inWords(lexicon, item, language)).join(', ');
}
