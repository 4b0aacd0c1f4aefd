/**
 * `person`: asks for a verbinder, as a word ("verbinder") or inside a sentence in any
 * language ("kan ik iemand spreken?").
 */
import { asksForPerson } from '../answers/asks-for-person.js';
import { defineKeyword } from './keyword.js';
import { menuOrPerson } from './menu-or-person.js';

export const person = defineKeyword({
  name: 'person',
  inSentence: asksForPerson,
  run: (turn) => menuOrPerson(turn, 'person'),
});
