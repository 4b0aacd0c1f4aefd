/**
 * `offerChosen`: the resident chose the offer saved under `answer` (see `kaart` on a
 * question). Recorded as a choice (`offer_chosen`), its details sent as a card, and its name
 * kept in the run (`offerName`) for a hand-off that follows. `go`: a verbinder goes along the
 * first time; `details`: the card is all they asked for.
 *
 * ```json
 * { "type": "offerChosen", "answer": "offer", "as": "go" }
 * ```
 */
import { z } from 'zod';
import { id } from '../definition-fields.js';
import { offerChosen as chooseOffer } from '../kaart-questions.js';
import { defineAction } from './action-type.js';

export const offerChosen = defineAction({
  type: 'offerChosen',
  schema: z.object({
    type: z.literal('offerChosen'),
    answer: id,
    as: z.enum(['go', 'details']),
  }),
  run(turn, action, { run }) {
    chooseOffer(turn, run, action);
    return 'continue';
  },
});
