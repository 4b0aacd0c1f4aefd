/** Choosing the language: at first contact and whenever the resident types "taal". */
import type { FlowInput } from '../spec.js';

/** The languages Bloei speaks, Dutch first: every text exists in each. */
export const bloeiLanguages = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'] as const;

/** The languages a resident can choose; each label is the language's own name. */
export const languageChoices = bloeiLanguages.map((id) => ({
  id,
  label: `language.names.${id}`,
}));

export const language = {
  id: 'language',
  version: 1,
  title: 'language.title',
  start: 'choose',
  steps: {
    choose: {
      kind: 'choice',
      text: 'language.choose',
      choices: languageChoices,
      do: [{ type: 'setContact', field: 'language' }],
      next: 'changed',
    },
    changed: { kind: 'message', text: 'language.changed', next: 'end' },
  },
} satisfies FlowInput;
