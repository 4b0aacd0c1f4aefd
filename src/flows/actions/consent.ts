/**
 * `consent`: records consent for a purpose, with the version of the text the resident agreed
 * to. Put it on the "yes" branch of a yes/no question: the action itself means "granted".
 *
 * ```json
 * { "type": "consent", "purpose": "registration", "textVersion": 1 }
 * ```
 */
import { z } from 'zod';
import type { FlowDefinition } from '../spec.js';
import { defineAction } from './action-type.js';

export const consentPurposes = ['registration', 'monitoring', 'followUp'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const consent = defineAction({
  type: 'consent',
  schema: z.object({
    type: z.literal('consent'),
    purpose: z.enum(consentPurposes),
    textVersion: z.number().int().positive(),
  }),
  run(turn, action) {
    turn.state.consented = true;
    if (action.purpose === 'registration') turn.state.consentVersion = action.textVersion;
    turn.emit({ type: 'consent_given', purpose: action.purpose, textVersion: action.textVersion });
    return 'continue';
  },
});

/**
 * The registration consent version `onboarding` asks for now: a resident who agreed to an
 * older text is asked again.
 */
export function registrationConsentVersion(onboarding: FlowDefinition | undefined): number {
  const versions = Object.values(onboarding?.steps ?? {}).flatMap((step) =>
    step.do.flatMap((a) =>
      a.type === 'consent' && a.purpose === 'registration' ? [a.textVersion] : [],
    ),
  );
  return Math.max(1, ...versions);
}
