/**
 * Keys the engine itself uses, outside any definition; `flows:check` requires them in every
 * language like the keys of the definitions. Every question kind has its "not an answer"
 * text, `system.invalid.<kind>`, and the word lists its parser reads.
 */
import { keywords } from './keywords/index.js';
import { kaartQuestionKeys } from './kaart-questions.js';
import { offerMessageKeys } from './offer-messages.js';
import { noVerbinderKeys } from './no-verbinder.js';
import { questionKinds, stepKinds } from './steps/index.js';

export const engineKeys: readonly string[] = [
  'system.stopped',
  'system.help',
  'system.personRequested',
  'system.paused',
  'system.welcomeBack',
  'system.backAgain',
  'system.resumed',
  'system.truncated',
  'system.stuck',
  'system.clarify',
  ...[...questionKinds, 'media', 'command', 'stale'].map((reason) => `system.invalid.${reason}`),
  'safety.message',
  'safety.continueLater',
  'safety.holding',
  'handoff.waiting',
  'handoff.alreadyRequested',
  ...Object.values(noVerbinderKeys),
  'offers.media.forwarded',
  'privacy.nothingStored',
  'onboarding.stoppedBeforeConsent',
  'onboarding.consentFirst',
  'common.yes',
  'common.no',
  'common.dontKnow',
  'common.notAnswered',
  ...stepKinds.flatMap((kind) => kind.question?.words ?? []),
  ...keywords.map((k) => `keywords.${k}`),
  ...offerMessageKeys,
  ...kaartQuestionKeys,
];
