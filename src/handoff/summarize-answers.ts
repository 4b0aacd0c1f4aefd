/**
 * A hand-off's answers as a verbinder reads them: one line per answer the staff texts name
 * ("Goed in: koken"), in the verbinder's language, in words (see `answerInWords`).
 */
import { answerInWords } from '../conversations/answer-in-words.js';
import type { Translator } from '../conversations/ports.js';
import type { FlowRegistry } from '../flows/engine.js';
import type { BotMessage } from '../flows/events.js';
import type { AnswerValue } from '../flows/state.js';
import type { ChoiceSets } from '../flows/step-view.js';

export function summarizeAnswers(
  translator: Translator,
  flows: FlowRegistry,
  flowId: string | null,
  answers: Record<string, AnswerValue>,
  language: string,
  sets: ChoiceSets = {},
): string[] {
  const flow = flowId ? flows.get(flowId) : undefined;
  return Object.entries(answers)
    .filter(([name]) => translator.text(`staff.fields.${name}`, language))
    .map(([name, value]) => {
      const line: BotMessage = {
        key: 'staff.summaryLine',
        params: {
          field: { key: `staff.fields.${name}` },
          value: { text: answerInWords(translator, flow, name, value, language, sets) },
        },
      };
      return translator.render(line, language).text;
    });
}
