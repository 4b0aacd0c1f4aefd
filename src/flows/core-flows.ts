/** Flows the engine itself starts, by id; each must be registered in `definitions/index.ts`. */
import { concernKinds, type ConcernKind } from './safety/phrase-book.js';

export const coreFlows = {
  onboarding: 'onboarding',
  menu: 'menu',
  language: 'language',
  forgetMe: 'forgetMe',
  reconsent: 'reconsent',
  /** "Stop these questions? What you told me is kept." */
  leaveQuestionnaire: 'leaveQuestionnaire',
  /** "Shall I pass your voice note or photo on to a verbinder?" */
  mediaOffer: 'mediaOffer',
  /** "Wat is er te doen in mijn wijk?": the sociale kaart by interest. */
  nearby: 'nearby',
  /** "Only evenings": when the resident likes to be messaged. */
  preferredTime: 'preferredTime',
} as const;

/** The offer of a verbinder after a concern of this kind. */
export function careFlow(kind: ConcernKind): string {
  return `care${kind[0]!.toUpperCase()}${kind.slice(1)}`;
}

/**
 * Flows that interrupt a conversation for a moment (a question about the question, an
 * offer): no offer interrupts them in turn.
 */
export const interruptions: ReadonlySet<string> = new Set([
  coreFlows.onboarding,
  coreFlows.language,
  coreFlows.preferredTime,
  coreFlows.forgetMe,
  coreFlows.reconsent,
  coreFlows.leaveQuestionnaire,
  coreFlows.mediaOffer,
  ...concernKinds.map(careFlow),
]);
