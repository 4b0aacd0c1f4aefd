/**
 * A flow definition is versioned data: steps, choices, branches and actions. Every text a
 * resident sees is an i18n key, never a literal, so a flow is translated by adding locale
 * files, not by touching the definition. Definitions are validated with zod when loaded.
 *
 * The kinds of step are registered in `steps/` and the actions a step runs in `actions/`;
 * this file puts them together into a flow and names the vocabulary other layers use.
 */
import { z } from 'zod';
import { FlowDefinitionError } from '../errors/flow-definition-error.js';
import { i18nKey, id } from './definition-fields.js';
import { stepSchema } from './steps/index.js';

export const flowSchema = z
  .object({
    id,
    version: z.number().int().positive(),
    /** The flow's title key, shown in menus and summaries. */
    title: i18nKey,
    start: id,
    /** Whether "later" may pause the flow at any question. */
    pausable: z.boolean().default(false),
    steps: z.record(id, stepSchema),
  })
  .refine((f) => f.start in f.steps, { message: 'start must name a step', path: ['start'] });
export type FlowDefinition = z.infer<typeof flowSchema>;
export type FlowInput = z.input<typeof flowSchema>;

/** Validates one definition; throws a readable error naming the flow and the path. */
export function parseFlow(input: unknown): FlowDefinition {
  const result = flowSchema.safeParse(input);
  if (result.success) return result.data;
  const name = (input as { id?: unknown } | null)?.id ?? '<unnamed>';
  const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new FlowDefinitionError(`flow ${String(name)}: ${issues}`, {
    context: { flow: String(name) },
    cause: result.error,
  });
}

export {
  isQuestion,
  stepSchema,
  type QuestionStep,
  type Step,
  type StepInput,
  type StepKindName,
} from './steps/index.js';
export {
  actionSchema,
  consentPurposes,
  contactFields,
  handoffReasons,
  recordKinds,
  type Action,
  type ConsentPurpose,
  type ContactField,
  type HandoffReason,
  type RecordKind,
} from './actions/index.js';
export {
  branchSchema,
  choiceSchema,
  indicatorSubgoals,
  paramsSchema,
  targetSchema,
  type Branch,
  type Choice,
  type ChoiceSetName,
  type Target,
} from './definition-fields.js';
