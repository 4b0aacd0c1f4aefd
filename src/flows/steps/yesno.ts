/**
 * `yesno`: yes or no, in the resident's words ("ja", "nee hoor", "evet", "та ні") or as the
 * choices 1 and 2. "I don't know" is neither, and is asked again.
 *
 * ```json
 * { "kind": "yesno", "text": "onboarding.consent", "branches": [{ "when": "no", "next": "declined" }],
 *   "next": "thanks" }
 * ```
 */
import { z } from 'zod';
import { parseChoice } from '../answers/parse-choice.js';
import { parseYesNo } from '../answers/parse-yes-no.js';
import { saysDontKnow } from '../answers/says-dont-know.js';
import { shapedWords } from '../lexicon.js';
import type { ViewChoice } from '../step-view.js';
import { defineStepKind } from './step-kind.js';
import { questionFields } from './step-fields.js';

export const yesNoChoices: readonly ViewChoice[] = [
  { id: 'yes', label: { key: 'common.yes' } },
  { id: 'no', label: { key: 'common.no' } },
];

export const yesno = defineStepKind({
  kind: 'yesno',
  schema: z.object({ kind: z.literal('yesno'), ...questionFields }),
  question: {
    choices: () => [...yesNoChoices],
    parse(_step, text, { labelled, lexicon, languages, fail }) {
      // "لا أعرف", "nie wiem", "no idea" start with the word for no, and mean neither.
      if (saysDontKnow(text, lexicon, languages)) return fail;
      const yes = shapedWords(lexicon, 'common.yesWords', languages);
      const no = shapedWords(lexicon, 'common.noWords', languages);
      const value = parseYesNo(text, yes, no) ?? parseChoice(text, labelled);
      return value ? { ok: true, value } : fail;
    },
    words: ['common.yesWords', 'common.noWords', 'common.dontKnowWords'],
  },
});
