/**
 * The fields step kinds share: every step has a text, parameters, actions and a next
 * target; a question also saves its answer, may count for an indicator and branches on it;
 * a choice question has choices.
 */
import { z } from 'zod';
import { actionSchema } from '../actions/index.js';
import {
  branchSchema,
  choiceSchema,
  choiceSetNames,
  i18nKey,
  id,
  indicatorSubgoals,
  paramsSchema,
  targetSchema,
  type Choice,
} from '../definition-fields.js';

export const commonFields = {
  text: i18nKey,
  params: paramsSchema.optional(),
  do: z.array(actionSchema).default([]),
  next: targetSchema,
};

export const questionFields = {
  ...commonFields,
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
  /**
   * False for an answer that only steers this conversation (which offer was picked): it is
   * not stored with the resident's answers. What matters of it is recorded otherwise.
   */
  stored: z.boolean().default(true),
  /**
   * A question about the sociale kaart (`EngineContext.kaart`, see `kaart-questions.ts`),
   * asked only when there is something to ask; otherwise the flow goes to `otherwise`.
   * `wijk`: the resident's wijk, when Bloei does not know it yet; `interests`: the interests
   * with an offer nearby (choice set `offerInterests`); `scan`: the offers fitting this
   * talentenscan's answers, `interest`: the offers for the interest chosen before (both
   * choice set `offers`).
   */
  kaart: z
    .object({
      ask: z.enum(['wijk', 'interests', 'scan', 'interest']),
      otherwise: targetSchema,
    })
    .optional(),
};

/**
 * Choices of a choice question: fixed ones from the definition, and optionally a named set
 * given at run time (the host's `wijken`, or the kaart's `offers` and `offerInterests`),
 * shown before the fixed ones.
 */
export const choiceListFields = {
  choices: z.array(choiceSchema).default([]),
  choicesFrom: z.enum(choiceSetNames).optional(),
};

export const enoughChoices = (s: { choices: Choice[]; choicesFrom?: string | undefined }) =>
  s.choices.length >= 2 || s.choicesFrom !== undefined;
export const enoughChoicesMessage = {
  message: 'a choice question needs two choices or a choice set',
};
