/**
 * Every kind of step a flow may have, one kind per file. Register a new kind here: the schema
 * of a step, the choices a question shows, how its answer is understood, what it shows and
 * the texts `flows:check` requires all come from this table, and
 * `tests/flows/registries.test.ts` asks for the kind's fixture.
 */
import { z } from 'zod';
import type { Branch } from '../definition-fields.js';
import { choice } from './choice.js';
import { message } from './message.js';
import { multi } from './multi.js';
import { number } from './number.js';
import { phone } from './phone.js';
import { scale } from './scale.js';
import type { StepKind } from './step-kind.js';
import { text } from './text.js';
import { yesno } from './yesno.js';

export const stepKinds = [message, choice, multi, text, yesno, scale, number, phone] as const;

type SchemasOf<T extends readonly StepKind[]> = { [I in keyof T]: T[I]['schema'] };

export const stepSchema = z.discriminatedUnion(
  'kind',
  stepKinds.map((k) => k.schema) as unknown as SchemasOf<typeof stepKinds>,
);
export type Step = z.infer<typeof stepSchema>;
export type StepInput = z.input<typeof stepSchema>;
/** A step that waits for an answer: it saves one and may branch on it. */
export type QuestionStep = Extract<Step, { branches: Branch[] }>;
export type StepKindName = Step['kind'];
export type QuestionKindName = QuestionStep['kind'];

const byKind: ReadonlyMap<string, StepKind> = new Map(stepKinds.map((k) => [k.kind, k]));

/**
 * The kind of `step`. Each kind's functions take its own steps; the table cannot say so to
 * the compiler, so the lookup widens them, which is sound because it looks up by `kind`.
 */
export function kindOf<S extends Step>(step: S): StepKind<z.ZodType<S>> {
  return byKind.get(step.kind) as unknown as StepKind<z.ZodType<S>>;
}

/** Whether `step` waits for an answer. */
export function isQuestion(step: Step): step is QuestionStep {
  return kindOf(step).question !== undefined;
}

/** The kinds that ask: each names the "not an answer" text `system.invalid.<kind>`. */
export const questionKinds: readonly QuestionKindName[] = stepKinds.flatMap((k) =>
  k.question ? [k.kind as QuestionKindName] : [],
);

export type {
  AnswerTools,
  KindAnswer,
  QuestionBehaviour,
  ShownStep,
  StepKind,
} from './step-kind.js';
