/**
 * What a step kind is: one file per kind in this folder exports one `StepKind`, listed once
 * in `index.ts`. The table gives the schema of a step (a union over the kinds), the choices
 * a question shows, how a typed answer is understood, what a step shows and keeps, and the
 * texts `flows:check` requires.
 */
import type { z } from 'zod';
import type { LabelledChoice } from '../answers/parse-choice.js';
import type { MessageParam } from '../events.js';
import type { Lexicon } from '../lexicon.js';
import type { AnswerValue } from '../state.js';
import type { ChoiceSets, ViewChoice } from '../step-view.js';

/** Every step has a kind and a text; a question also saves an answer and may branch. */
interface StepBase {
  kind: string;
  text: string;
}

/**
 * What a kind's parser makes of a typed answer: the answer (a long text cut to its maximum),
 * the choices it fits when it fits several, or not understood (`tools.fail`).
 */
export type KindAnswer =
  | { ok: true; value: AnswerValue; truncated?: false }
  | { ok: true; value: string; truncated: true; max: number }
  | { ok: false; reason: 'ambiguous'; candidates: string[]; keep: string[] }
  | NotUnderstood;

/** Not understood: the resident hears the kind's own "not an answer" text. */
export interface NotUnderstood {
  ok: false;
  reason: 'notUnderstood';
}

/** What a kind's parser gets besides the step and the text typed. */
export interface AnswerTools {
  /** The step's choices with their labels in every language understood. */
  labelled: readonly LabelledChoice[];
  lexicon: Lexicon;
  /** The resident's language first, then the languages always understood. */
  languages: readonly string[];
  /** The answer that picking choice `id` gives (see `QuestionBehaviour.picked`). */
  chosen(id: string): KindAnswer;
  /** The text fits several choices: ask which, keeping the parts already understood. */
  ask(candidates: string[], keep?: string[]): KindAnswer;
  /** Not understood: the question is asked again. */
  fail: NotUnderstood;
}

/** How a question kind asks and understands. */
export interface QuestionBehaviour<S> {
  /** The numbered choices shown (as buttons or numbered lines); none for a free answer. */
  choices(step: S, sets: ChoiceSets): ViewChoice[];
  /** Understands a typed answer, or says why not (a picked choice never gets here). */
  parse(step: S, text: string, tools: AnswerTools): KindAnswer;
  /** The answer that picking a choice gives; `keep` holds ids understood before. Default: the id. */
  picked?(id: string, keep: readonly string[]): AnswerValue;
  /** The parameters of the "that is not an answer" text. Default: 1 to the number of choices. */
  invalidParams?(step: S, choices: readonly ViewChoice[]): Record<string, MessageParam>;
  /** Every message is an answer: an offer made meanwhile waits until it is saved. */
  freeText?: boolean;
  /** Word lists (yes/no words, "and") the parser reads; `flows:check` requires them. */
  words?: readonly string[];
}

/** What a step shows: its text key and parameters, and answers it keeps in the run. */
export interface ShownStep {
  key: string;
  params: Record<string, MessageParam>;
  /** Saved with the run's answers (not as the resident's answer), e.g. the suggestions chosen. */
  keep?: Record<string, AnswerValue>;
}

/** What a kind's `show` gets: the parameters worked out from the definition, and the run. */
export interface StepShowing {
  params: Record<string, MessageParam>;
  answers: Readonly<Record<string, AnswerValue>>;
  /** Whether anyone can receive a hand-off now (see `EngineContext.verbinderAvailable`). */
  verbinderAvailable: boolean;
}

type StepSchema = z.ZodType<StepBase>;

export interface StepKind<Schema extends StepSchema = StepSchema> {
  /** The `kind` written in a definition. */
  readonly kind: z.output<Schema>['kind'];
  /** Validates one step of this kind (its `kind` literal included). */
  readonly schema: Schema;
  /** Present for a question, which waits for an answer; a message step is passed at once. */
  readonly question?: QuestionBehaviour<z.output<Schema>>;
  /** What the step shows. Default: its `text` with the parameters. */
  show?(step: z.output<Schema>, showing: StepShowing): ShownStep;
  /** Texts the step may show besides its text and choice labels (for `flows:check`). */
  keys?(step: z.output<Schema>): string[];
}

/** Declares a step kind; the identity, for type inference of its functions. */
export function defineStepKind<Schema extends StepSchema>(
  kind: StepKind<Schema>,
): StepKind<Schema> {
  return kind;
}
