/**
 * The resident's privacy flows: "forget me" with a confirmation step, and asking consent
 * again when its text changed (the onboarding's consent text, new version).
 */
import type { FlowInput } from '../spec.js';
import { consentTextVersion } from './onboarding.js';

export const forgetMe = {
  id: 'forgetMe',
  version: 1,
  title: 'privacy.forgetTitle',
  start: 'confirm',
  steps: {
    confirm: {
      kind: 'yesno',
      text: 'privacy.confirmForget',
      branches: [{ when: 'yes', next: 'erased' }],
      next: 'kept',
    },
    erased: { kind: 'message', text: 'privacy.erased', do: [{ type: 'erase' }], next: 'end' },
    kept: { kind: 'message', text: 'privacy.kept', next: 'end' },
  },
} satisfies FlowInput;

export const reconsent = {
  id: 'reconsent',
  version: 1,
  title: 'privacy.reconsentTitle',
  start: 'changed',
  steps: {
    changed: { kind: 'message', text: 'privacy.consentChanged', next: 'consent' },
    consent: {
      kind: 'yesno',
      text: 'onboarding.consent',
      branches: [{ when: 'yes', next: 'agreed' }],
      next: 'erased',
    },
    agreed: {
      kind: 'message',
      text: 'onboarding.thanks',
      do: [{ type: 'consent', purpose: 'registration', textVersion: consentTextVersion }],
      next: 'end',
    },
    erased: { kind: 'message', text: 'privacy.erased', do: [{ type: 'erase' }], next: 'end' },
  },
} satisfies FlowInput;
