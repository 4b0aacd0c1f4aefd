/**
 * First contact: what Buurt in Bloei is (name recognition is a known gap), the language,
 * then consent before anything is stored. Declining keeps nothing.
 */
import type { FlowInput } from '../spec.js';
import { languageChoices } from './language.js';

/** Bump when the consent text changes, so residents are asked again. */
export const consentTextVersion = 1;

export const onboarding = {
  id: 'onboarding',
  version: 1,
  title: 'onboarding.title',
  start: 'welcome',
  steps: {
    welcome: { kind: 'message', text: 'onboarding.welcome', next: 'chooseLanguage' },
    chooseLanguage: {
      kind: 'choice',
      text: 'language.choose',
      choices: languageChoices,
      save: 'language',
      do: [{ type: 'setContact', field: 'language' }],
      next: 'consent',
    },
    consent: {
      kind: 'yesno',
      text: 'onboarding.consent',
      branches: [{ when: 'yes', next: 'consentGiven' }],
      next: 'declined',
    },
    consentGiven: {
      kind: 'message',
      text: 'onboarding.thanks',
      do: [{ type: 'consent', purpose: 'registration', textVersion: consentTextVersion }],
      next: 'monitoring',
    },
    monitoring: {
      kind: 'yesno',
      text: 'onboarding.monitoring',
      branches: [{ when: 'yes', next: 'monitoringGiven' }],
      next: '@menu',
    },
    monitoringGiven: {
      kind: 'message',
      text: 'onboarding.monitoringThanks',
      do: [{ type: 'consent', purpose: 'monitoring', textVersion: consentTextVersion }],
      next: '@menu',
    },
    declined: {
      kind: 'message',
      text: 'onboarding.declined',
      do: [{ type: 'forget' }],
      next: 'end',
    },
  },
} satisfies FlowInput;
