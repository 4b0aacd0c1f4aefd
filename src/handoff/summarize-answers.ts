/**
 * A hand-off's answers as a verbinder reads them: one line per answer the staff texts name
 * ("Goed in: koken"), in the verbinder's language, choices shown by their labels.
 */
import type { Translator } from '../conversations/ports.js';
import type { FlowRegistry } from '../flows/engine.js';
import type { BotMessage, MessageParam } from '../flows/events.js';
import type { AnswerValue } from '../flows/state.js';
import { describeAnswer } from '../flows/step-view.js';

export function summarizeAnswers(
  translator: Translator,
  flows: FlowRegistry,
  flowId: string | null,
  answers: Record<string, AnswerValue>,
  language: string,
): string[] {
  const flow = flowId ? flows.get(flowId) : undefined;
  return Object.entries(answers)
    .filter(([name]) => translator.text(`staff.fields.${name}`, language))
    .map(([name, value]) => {
      const described: MessageParam = flow
        ? describeAnswer(flow, name, value)
        : { text: [value].flat().join(', ') };
      const line: BotMessage = {
        key: 'staff.summaryLine',
        params: { field: { key: `staff.fields.${name}` }, value: described },
      };
      return translator.render(line, language).text;
    });
}
