/**
 * Keys the engine itself uses, outside any definition; `flows:check` requires them in every
 * language like the keys of the definitions.
 */
import { keywords } from './answers/match-keyword.js';
import { kaartQuestionKeys } from './kaart-questions.js';
import { offerMessageKeys } from './offer-messages.js';
import { noVerbinderKeys } from './no-verbinder.js';

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
  ...(
    ['choice', 'multi', 'yesno', 'scale', 'number', 'text', 'media', 'command', 'stale'] as const
  ).map((reason) => `system.invalid.${reason}`),
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
  'common.yesWords',
  'common.noWords',
  'common.dontKnowWords',
  'common.and',
  ...keywords.map((k) => `keywords.${k}`),
  ...offerMessageKeys,
  ...kaartQuestionKeys,
];
