/** The talentenscan's interest choices (from its flow definition), labelled for the reader. */
import type { FlowRegistry } from '../../../flows/engine.js';
import type { PageContext } from '../../page-context.js';

export function interestLabels(flows: FlowRegistry, ctx: PageContext): Map<string, string> {
  const step = flows.get('talentenscan')?.steps['interests'];
  const choices = step && 'choices' in step && Array.isArray(step.choices) ? step.choices : [];
  return new Map(
    choices.map((c: { id: string; label: string }) => [
      c.id,
      ctx.render({ key: c.label, params: {} }),
    ]),
  );
}
