/**
 * When a resident likes to be messaged ("alleen 's avonds"): one question, whenever they type
 * a keyword for it. Check-ups, follow-ups and campaigns then go out in that part of the day,
 * inside the allowed hours; "my data" shows it and "forget me" erases it.
 */
import type { FlowInput } from '../spec.js';

/** The parts of the day, as in schedule/contact-window.ts, and `any` for no wish. */
export const preferredTimeChoices = ['morning', 'afternoon', 'evening', 'any'].map((id) => ({
  id,
  label: `preferredTime.choices.${id}`,
}));

export const preferredTime = {
  id: 'preferredTime',
  version: 1,
  title: 'preferredTime.title',
  start: 'choose',
  steps: {
    choose: {
      kind: 'choice',
      text: 'preferredTime.choose',
      choices: preferredTimeChoices,
      do: [{ type: 'setContact', field: 'preferredTime' }],
      next: 'saved',
    },
    saved: { kind: 'message', text: 'preferredTime.saved', next: 'end' },
  },
} satisfies FlowInput;
