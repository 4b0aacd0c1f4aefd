/**
 * While a verbinder talks with the resident (they claimed the hand-off), what the resident
 * writes is meant for that person: it is relayed to them instead of being taken as an answer
 * to a questionnaire. Stop, language, help, my data and forget me still work (they run before
 * this), and so does safety detection; "menu" or "a person" are words for the verbinder now.
 * A question Bloei itself asked meanwhile (the language, "forget me?") is answered as usual.
 */
import type { Keyword } from './keywords/index.js';
import { coreFlows } from './core-flows.js';
import type { EngineInput } from './engine.js';
import type { TurnOps } from './turn-ops.js';

/** Keywords that go to the verbinder as they are while a relay is on. */
export const relayedKeywords: ReadonlySet<Keyword> = new Set(['menu', 'person', 'later']);

/** Questions Bloei asks meanwhile because the resident asked for them: answered, not relayed. */
const answered: ReadonlySet<string> = new Set([
  coreFlows.language,
  coreFlows.forgetMe,
  coreFlows.reconsent,
]);

/** Media that carry nothing to pass on. */
const decorative = new Set(['reaction']);

/** Relays the message; false when Bloei answers it itself. */
export function relayToVerbinder(
  turn: TurnOps,
  said: Exclude<EngineInput, { type: 'start' | 'late' }>,
): boolean {
  const { state, ctx } = turn;
  if (!ctx.relay || !state.consented) return false;
  const run = state.run;
  if (run && answered.has(run.flow)) return false;
  if (said.type === 'media' && said.kind && decorative.has(said.kind)) return false;
  if (run) turn.setAside(run);
  turn.emit(relayedEvent(said));
  return true;
}

/** The resident's message as the relay event carries it. */
export function relayedEvent(said: Exclude<EngineInput, { type: 'start' | 'late' }>) {
  switch (said.type) {
    case 'text':
      return { type: 'relayed' as const, text: said.text };
    case 'choice':
      return { type: 'relayed' as const, text: said.id };
    case 'media':
      return {
        type: 'relayed' as const,
        media: { kind: said.kind ?? null, ref: said.ref ?? null },
      };
  }
}
