/**
 * The fields flow definitions are built from, shared by every step kind and action: ids,
 * i18n keys, targets, choices, branches, message parameters and indicator codes. A leaf
 * module (zod only), so step kinds and actions can use it without importing each other.
 */
import { z } from 'zod';

export const id = z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'ids are lower camel case');
export const i18nKey = z.string().regex(/^[a-z][\w-]*(\.[\w-]+)+$/, 'an i18n key like ns.key');

/** A step id in the same flow, `@flowId` to start another flow, or `end`. */
export const targetSchema = z.string().min(1);
export type Target = z.infer<typeof targetSchema>;

/** A choice: a stable id (stored, and sent as button data) and the key of its label. */
export const choiceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][\w-]{0,31}$/),
  label: i18nKey,
});
export type Choice = z.infer<typeof choiceSchema>;

/**
 * Named choice sets given at run time: by the host, kept as data and edited without code
 * (`wijken`), or by the sociale kaart for this run (`offers`, `offerInterests`).
 */
export const choiceSetNames = ['wijken', 'offers', 'offerInterests'] as const;
export type ChoiceSetName = (typeof choiceSetNames)[number];

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
