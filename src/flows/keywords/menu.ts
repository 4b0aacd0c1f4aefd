/**
 * `menu`: the main menu, from anywhere. Halfway through a questionnaire it asks first
 * whether to leave it; while a verbinder handles the resident it says one is coming.
 */
import { defineKeyword } from './keyword.js';
import { menuOrPerson } from './menu-or-person.js';

export const menu = defineKeyword({ name: 'menu', run: (turn) => menuOrPerson(turn, 'menu') });
