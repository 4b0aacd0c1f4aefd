/**
 * What an action type is: one file per type in this folder exports one `ActionType`, listed
 * once in `index.ts`. The table gives the schema of a step's `do` list, and the engine runs
 * each action through it; `flows:check` asks each type what it needs of its step.
 */
import type { z } from 'zod';
import type { Run } from '../state.js';
import type { TurnOps } from '../turn-ops.js';

/** Where an action runs: the run whose step carries it, and the answer just given (if any). */
export interface ActionSite {
  run: Run;
  /** The step's parsed answer; undefined on a message step. */
  answer: unknown;
}

/**
 * `continue`: the step goes on to its next actions and target. `ended`: the action wiped the
 * conversation (forget, erase, opt out), so nothing after it runs.
 */
export type ActionOutcome = 'continue' | 'ended';

type ActionSchema = z.ZodType<{ type: string }>;

/** A step of any kind, as the actions it carries see it. */
export type StepFields = { readonly kind: string } & Readonly<Record<string, unknown>>;

export interface ActionType<Schema extends ActionSchema = ActionSchema> {
  /** The `type` written in a definition. */
  readonly type: z.output<Schema>['type'];
  /** Validates one action of this type (its `type` literal included). */
  readonly schema: Schema;
  /** Does the action: changes the turn's state and emits the events that say so. */
  run(turn: TurnOps, action: z.output<Schema>, at: ActionSite): ActionOutcome;
  /**
   * What is wrong with the step that carries it, for `flows:check` (e.g. a missing text).
   * The step is seen as plain fields: step kinds are built on actions, not the other way.
   */
  check?(action: z.output<Schema>, step: StepFields): string[];
}

/** Declares an action type; the identity, for type inference of `run` and `check`. */
export function defineAction<Schema extends ActionSchema>(
  type: ActionType<Schema>,
): ActionType<Schema> {
  return type;
}
