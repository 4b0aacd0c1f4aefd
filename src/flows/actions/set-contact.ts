/**
 * `setContact`: copies the step's answer (or a fixed `value`) to a field of the contact.
 * Setting the language also switches the conversation to it at once.
 *
 * ```json
 * { "type": "setContact", "field": "language" }
 * ```
 */
import { z } from 'zod';
import { defineAction } from './action-type.js';

/** Contact fields a flow may set from an answer or a fixed value. */
export const contactFields = ['language', 'wijk', 'firstName', 'preferredTime'] as const;
export type ContactField = (typeof contactFields)[number];

export const setContact = defineAction({
  type: 'setContact',
  schema: z.object({
    type: z.literal('setContact'),
    field: z.enum(contactFields),
    value: z.string().optional(),
  }),
  run(turn, action, { answer }) {
    const value = action.value ?? String(answer);
    if (action.field === 'language') turn.state.language = value;
    turn.emit({ type: 'contact_field_set', field: action.field, value });
    return 'continue';
  },
});
