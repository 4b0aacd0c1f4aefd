/**
 * Every action a step may carry in its `do` list, one type per file. Register a new type
 * here: the schema of `do`, the engine and `flows:check` all read this table, and
 * `tests/flows/registries.test.ts` asks for its fixture.
 */
import { z } from 'zod';
import type { TurnOps } from '../turn-ops.js';
import type { ActionOutcome, ActionSite, ActionType, StepFields } from './action-type.js';
import { consent } from './consent.js';
import { erase } from './erase.js';
import { forget } from './forget.js';
import { handoff } from './handoff.js';
import { keepContactDetail } from './keep-contact-detail.js';
import { offerChosen } from './offer-chosen.js';
import { optOut } from './opt-out.js';
import { pauseInterrupted } from './pause-interrupted.js';
import { record } from './record.js';
import { schedule } from './schedule.js';
import { setContact } from './set-contact.js';
import { showData } from './show-data.js';

export const actionTypes = [
  setContact,
  consent,
  handoff,
  record,
  forget,
  optOut,
  erase,
  showData,
  pauseInterrupted,
  offerChosen,
  schedule,
  keepContactDetail,
] as const;

type SchemasOf<T extends readonly ActionType[]> = { [I in keyof T]: T[I]['schema'] };

export const actionSchema = z.discriminatedUnion(
  'type',
  actionTypes.map((a) => a.schema) as unknown as SchemasOf<typeof actionTypes>,
);
export type Action = z.infer<typeof actionSchema>;
export type ActionName = Action['type'];

const byType: ReadonlyMap<string, ActionType> = new Map(actionTypes.map((a) => [a.type, a]));

/**
 * The type of `action`. Each type's functions take its own actions; the table cannot say so
 * to the compiler, so the lookup widens them, which is sound because it looks up by `type`.
 */
function typeOf(action: Action): ActionType<z.ZodType<Action>> {
  return byType.get(action.type) as unknown as ActionType<z.ZodType<Action>>;
}

/** Runs one action of a step. */
export function runAction(turn: TurnOps, action: Action, at: ActionSite): ActionOutcome {
  return typeOf(action).run(turn, action, at);
}

/** What the step's actions find wrong with it, for `flows:check`. */
export function checkActions(step: StepFields & { do: readonly Action[] }): string[] {
  return [...new Set(step.do.flatMap((action) => typeOf(action).check?.(action, step) ?? []))];
}

export { consentPurposes, registrationConsentVersion, type ConsentPurpose } from './consent.js';
export { contactFields, type ContactField } from './set-contact.js';
export {
  contactDetailKinds,
  contactDetailPurposes,
  type ContactDetailKind,
  type ContactDetailPurpose,
} from './keep-contact-detail.js';
export { handoffReasons, type HandoffReason } from './handoff.js';
export { recordKinds, type RecordKind } from './record.js';
export { scheduleKinds, type ScheduleKind } from './schedule.js';
export type { ActionOutcome, ActionSite, ActionType } from './action-type.js';
