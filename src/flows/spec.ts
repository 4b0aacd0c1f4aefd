/**
 * A flow definition is versioned data: steps, choices, branches and actions. Every text a
 * resident sees is an i18n key, never a literal, so a flow is translated by adding locale
 * files, not by touching the definition. Definitions are validated with zod when loaded.
 */
import { z } from 'zod';
import { FlowDefinitionError } from '../errors/flow-definition-error.js';

const id = z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'ids are lower camel case');
const i18nKey = z.string().regex(/^[a-z][\w-]*(\.[\w-]+)+$/, 'an i18n key like ns.key');

/** A step id in the same flow, `@flowId` to start another flow, or `end`. */
export const targetSchema = z.string().min(1);
export type Target = z.infer<typeof targetSchema>;

/** A choice: a stable id (stored, and sent as button data) and the key of its label. */
export const choiceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][\w-]{0,31}$/),
  label: i18nKey,
});
export type Choice = z.infer<typeof choiceSchema>;

/** Contact fields a flow may set from an answer or a fixed value. */
export const contactFields = ['language', 'wijk', 'firstName'] as const;
export type ContactField = (typeof contactFields)[number];

export const handoffReasons = [
  'contact_requested',
  'scan_contact_wish',
  'wij_match_signup',
  'followup_contact',
  'followup_unanswered',
  'safety_signal',
  /** The resident accepted a verbinder after telling of loneliness, debts, no home, no food. */
  'care_loneliness',
  'care_debts',
  'care_homeless',
  'care_food',
  /** The resident sent a voice note or photo and wants a verbinder to get in touch. */
  'wants_to_talk',
] as const;
export type HandoffReason = (typeof handoffReasons)[number];

export const recordKinds = ['talentProfile', 'signUp', 'followUp'] as const;

export const consentPurposes = ['registration', 'monitoring', 'followUp'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export type RecordKind = (typeof recordKinds)[number];

export const actionSchema = z.discriminatedUnion('type', [
  /** Copy the answer (or a fixed value) to a field of the contact. */
  z.object({
    type: z.literal('setContact'),
    field: z.enum(contactFields),
    value: z.string().optional(),
  }),
  /** Record consent for a purpose; granted is the step's yes/no answer. */
  z.object({
    type: z.literal('consent'),
    purpose: z.enum(consentPurposes),
    textVersion: z.number().int().positive(),
  }),
  /** Ask for a person; the host routes it to a verbinder. */
  z.object({
    type: z.literal('handoff'),
    reason: z.enum(handoffReasons),
    urgency: z.enum(['normal', 'urgent']).default('normal'),
  }),
  /** Store the structured outcome of this flow run. */
  z.object({ type: z.literal('record'), record: z.enum(recordKinds) }),
  /** The resident declined consent: forget this conversation entirely. */
  z.object({ type: z.literal('forget') }),
  /** The resident wants no more messages (like STOP), e.g. declining a follow-up. */
  z.object({ type: z.literal('optOut') }),
  /** Erase everything about the resident (confirmed "forget me"). */
  z.object({ type: z.literal('erase') }),
  /** Show the resident everything Bloei keeps about them. */
  z.object({ type: z.literal('showData') }),
  /**
   * Keep the questionnaire this flow interrupted for later (paused, answers kept) instead of
   * going back to it when this flow ends: the resident confirmed leaving it.
   */
  z.object({ type: z.literal('pauseInterrupted') }),
]);
export type Action = z.infer<typeof actionSchema>;

/** A branch: when the parsed answer equals one of `when`, go to `next`. */
export const branchSchema = z.object({
  when: z.union([z.string(), z.array(z.string()).min(1)]),
  next: targetSchema,
});
export type Branch = z.infer<typeof branchSchema>;

/**
 * A message parameter: `$name` takes a saved answer of this run, anything else is literal.
 * Answers that are choice ids are rendered as their translated labels.
 */
export const paramsSchema = z.record(z.string(), z.string());

/** A rule that suggests a direction when an earlier answer contains a choice id. */
export const suggestionSchema = z.object({
  if: z.object({ answer: z.string(), includes: z.string() }).optional(),
  key: i18nKey,
});

const common = {
  text: i18nKey,
  params: paramsSchema.optional(),
  do: z.array(actionSchema).default([]),
  next: targetSchema,
};

/** The Movisie subgoals of Buurt in Bloei that answers are mapped to. */
export const indicatorSubgoals = [
  'ontmoeting',
  'meedoen',
  'zingeving',
  'zelfredzaamheid',
  'duurzameVerbinding',
  'verbindingWijk',
  'inzetVoorElkaar',
  'thuisgevoel',
] as const;

const question = {
  ...common,
  /** Name the answer is saved under; defaults to the step id. */
  save: id.optional(),
  /** The monitoring indicator the answer counts for: `<subgoal>.<item>`, e.g. `ontmoeting.kennen`. */
  indicator: z
    .string()
    .refine((code) => indicatorSubgoals.some((goal) => code.startsWith(`${goal}.`)), {
      message: 'an indicator is <subgoal>.<item> with a Movisie subgoal',
    })
    .optional(),
  branches: z.array(branchSchema).default([]),
};

/**
 * Choices of a choice question: fixed ones from the definition, and optionally a named set
 * the host supplies at run time (e.g. `wijken`, kept as data and edited without code),
 * shown before the fixed ones.
 */
const choices = {
  choices: z.array(choiceSchema).default([]),
  choicesFrom: z.enum(['wijken']).optional(),
};
const enoughChoices = (s: { choices: Choice[]; choicesFrom?: string | undefined }) =>
  s.choices.length >= 2 || s.choicesFrom !== undefined;

export const stepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('message'),
    ...common,
    /**
     * Shown instead of `text` when nobody can receive a hand-off now (see
     * `EngineContext.verbinderAvailable`): a step that hands off must not promise a call.
     */
    noVerbinderText: i18nKey.optional(),
    /** Up to `max` suggestions whose rule matches, in order; rules without `if` always match. */
    suggestions: z
      .object({
        rules: z.array(suggestionSchema).min(1),
        max: z.number().int().min(1),
        /** The chosen suggestion keys are kept with the run's answers under this name. */
        save: id.default('directions'),
      })
      .optional(),
  }),
  z
    .object({ kind: z.literal('choice'), ...question, ...choices })
    .refine(enoughChoices, { message: 'a choice question needs two choices or a choice set' }),
  z
    .object({ kind: z.literal('multi'), ...question, ...choices })
    .refine(enoughChoices, { message: 'a choice question needs two choices or a choice set' }),
  z.object({
    kind: z.literal('text'),
    ...question,
    maxLength: z.number().int().positive().default(2000),
  }),
  z.object({ kind: z.literal('yesno'), ...question }),
  z.object({
    kind: z.literal('scale'),
    ...question,
    /** Five label keys, from "strongly disagree" (1) to "strongly agree" (5). */
    labels: z.array(i18nKey).length(5),
  }),
  z.object({
    kind: z.literal('number'),
    ...question,
    min: z.number().int(),
    max: z.number().int(),
  }),
]);
export type Step = z.infer<typeof stepSchema>;
export type StepInput = z.input<typeof stepSchema>;
export type QuestionStep = Exclude<Step, { kind: 'message' }>;
export type ChoiceSetName = NonNullable<Extract<Step, { kind: 'choice' }>['choicesFrom']>;
export type StepKind = Step['kind'];

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

export function isQuestion(step: Step): step is QuestionStep {
  return step.kind !== 'message';
}
