/**
 * What one turn of the engine can do, for the modules that decide a part of it (keywords,
 * actions, signals, media) outside `engine.ts`. Only the engine's `Turn` implements it.
 */
import type { EngineContext } from './engine.js';
import type { EngineEvent, MessageParam } from './events.js';
import type { FlowDefinition } from './spec.js';
import type { ConversationState, Run } from './state.js';

export interface TurnOps {
  readonly ctx: EngineContext;
  state: ConversationState;
  say(key: string, params?: Record<string, MessageParam>): void;
  emit(event: EngineEvent): void;
  /** Asks the question `run` waits at (again). */
  ask(run: Run): void;
  /** Puts the run and the runs waiting under it away: paused when they may pause. */
  setAside(run: Run | null): void;
  /** Keeps each run for later when its flow may pause, otherwise ends it. */
  putAway(runs: readonly Run[]): void;
  startFlow(flowId: string): void;
  /**
   * Starts a flow on top of the current run, which waits on the stack and is asked again
   * when the flow ends; `seed` is put in the new run (answers, media).
   */
  interrupt(flowId: string, seed?: Pick<Run, 'answers' | 'media'>): void;
  /** No run waits: onboarding, the hand-off notice, the paused questionnaire, or the menu. */
  onIdle(): void;
  /** Forgets the conversation (no consent), then says `messageKey` if given. */
  forget(messageKey: string | null): void;
  flow(id: string): FlowDefinition;
}

/** Whether `iso` lies less than a day before `now`. */
export function withinADay(iso: string | undefined, now: Date): boolean {
  return iso !== undefined && now.getTime() - Date.parse(iso) < 24 * 60 * 60 * 1000;
}
