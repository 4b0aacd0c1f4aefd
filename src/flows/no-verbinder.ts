/**
 * What Bloei says when nobody can receive a hand-off now (no verbinder for the wijk and no
 * coordinator, see `EngineContext.verbinderAvailable`): never "a verbinder will call you",
 * but how to reach WIJeindhoven yourself. The hand-off is still recorded, so coordinators
 * see it on the dashboard.
 */
import type { MessageParam } from './events.js';

/**
 * WIJeindhoven's general phone number, shown to residents who cannot be handed to a
 * verbinder. The seed documents give no number: confirm it with WIJeindhoven before go-live.
 */
export const wijPhone = '040 - 238 68 00';

/** Engine texts that promise contact, and what is said instead when nobody can give it. */
export const noVerbinderKeys: Readonly<Record<string, string>> = {
  'system.personRequested': 'handoff.nobody',
  'handoff.waiting': 'handoff.waitingNobody',
  'handoff.alreadyRequested': 'handoff.nobody',
  'safety.continueLater': 'safety.continueLaterNobody',
  'safety.holding': 'safety.holdingNobody',
};

/** The parameters every no-verbinder text may use. */
export const noVerbinderParams: Readonly<Record<string, MessageParam>> = {
  phone: { text: wijPhone },
};
