/**
 * Every flow Bloei knows, validated at load. Register a new flow here; `npm run flows:check`
 * then checks its targets, reachability and translations.
 */
import type { FlowRegistry } from '../engine.js';
import { parseFlow, type FlowInput } from '../spec.js';
import { language } from './language.js';
import { menu } from './menu.js';
import { nearby } from './nearby.js';
import { preferredTime } from './preferred-time.js';
import { onboarding } from './onboarding.js';
import { talentenscan } from './talentenscan.js';
import { checkIn } from './check-in.js';
import { scanCheckUp } from './scan-check-up.js';
import { matchCheckUp } from './match-check-up.js';
import { wijMatch } from './wij-match.js';
import { followUp } from './follow-up.js';
import { forgetMe, reconsent } from './privacy.js';
import { careOffers, leaveQuestionnaire, mediaOffer } from './offers.js';

export const flowInputs: readonly FlowInput[] = [
  onboarding,
  menu,
  language,
  preferredTime,
  talentenscan,
  scanCheckUp,
  matchCheckUp,
  wijMatch,
  checkIn,
  nearby,
  followUp,
  forgetMe,
  reconsent,
  leaveQuestionnaire,
  mediaOffer,
  ...careOffers,
];

export function loadFlows(inputs: readonly unknown[] = flowInputs): FlowRegistry {
  return new Map(inputs.map((input) => parseFlow(input)).map((flow) => [flow.id, flow]));
}
