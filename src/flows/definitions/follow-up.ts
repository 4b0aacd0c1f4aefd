/**
 * The one-year follow-up of former De Wijk Werkt! and Kom tot Bloei! trainees: where on the
 * participation ladder they are now, work found, confidence, tie with the wijk, what the
 * training brought, interest in becoming an ambassador, and a wish for contact. Asks consent
 * for this purpose first; declining stops all messages. "later" pauses it.
 */
import type { FlowInput } from '../spec.js';
import { ladderChoices } from './participation-ladder.js';

const agree = [1, 2, 3, 4, 5].map((n) => `common.agree.${n}`);

export const followUpConsentVersion = 1;

export const followUp = {
  id: 'followUp',
  version: 1,
  title: 'followUp.title',
  start: 'intro',
  pausable: true,
  steps: {
    intro: { kind: 'message', text: 'followUp.intro', next: 'consent' },
    consent: {
      kind: 'yesno',
      text: 'followUp.consent',
      branches: [{ when: 'no', next: 'declined' }],
      next: 'consentGiven',
    },
    consentGiven: {
      kind: 'message',
      text: 'followUp.thanksConsent',
      do: [{ type: 'consent', purpose: 'followUp', textVersion: followUpConsentVersion }],
      next: 'ladderNow',
    },
    declined: {
      kind: 'message',
      text: 'followUp.declined',
      do: [{ type: 'optOut' }],
      next: 'end',
    },
    ladderNow: {
      kind: 'choice',
      text: 'followUp.ladderNow',
      choices: ladderChoices,
      indicator: 'meedoen.ladder',
      next: 'workFound',
    },
    workFound: {
      kind: 'choice',
      text: 'followUp.workFound',
      choices: ['paid', 'unpaid', 'both', 'none'].map((id) => ({
        id,
        label: `followUp.work.${id}`,
      })),
      indicator: 'meedoen.werk',
      next: 'confidence',
    },
    confidence: {
      kind: 'scale',
      text: 'followUp.confidence',
      labels: agree,
      indicator: 'zelfredzaamheid.vertrouwen',
      next: 'wijkTie',
    },
    wijkTie: {
      kind: 'scale',
      text: 'followUp.wijkTie',
      labels: agree,
      indicator: 'thuisgevoel.wijk',
      next: 'brought',
    },
    brought: {
      kind: 'text',
      text: 'followUp.brought',
      indicator: 'zingeving.training',
      next: 'ambassador',
    },
    ambassador: {
      kind: 'yesno',
      text: 'followUp.ambassador',
      indicator: 'inzetVoorElkaar.ambassadeur',
      next: 'contactWish',
    },
    contactWish: {
      kind: 'yesno',
      text: 'followUp.contactWish',
      branches: [{ when: 'yes', next: 'thanksContact' }],
      next: 'thanks',
    },
    thanksContact: {
      kind: 'message',
      text: 'followUp.thanksContact',
      noVerbinderText: 'followUp.thanksContactNobody',
      do: [
        { type: 'record', record: 'followUp' },
        { type: 'handoff', reason: 'followup_contact' },
      ],
      next: 'end',
    },
    thanks: {
      kind: 'message',
      text: 'followUp.thanks',
      do: [{ type: 'record', record: 'followUp' }],
      next: 'end',
    },
  },
} satisfies FlowInput;
