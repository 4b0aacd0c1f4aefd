/** The example kaart and a Stratum resident who likes cooking, shared by the kaart's tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consentNl } from '../support/conversation-driver.js';

export const examplePath = join(import.meta.dirname, '../../examples/sociale-kaart-voorbeeld.csv');

/** The example's offers: name and wijk, read from the file itself. */
export function exampleOffers(): { name: string; wijk: string }[] {
  const lines = readFileSync(examplePath, 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [name, wijk] = line.split(',');
    return { name: name!, wijk: wijk! };
  });
}

/** A Stratum resident who likes cooking, up to the question what they need to get in. */
export const stratumCookNl = [
  ...consentNl,
  '1',
  'Van samen eten.',
  'Ik kan goed koken.',
  '1',
  'Koken voor de buren.',
  'Nederlands leren.',
  '2',
  '1',
  '4',
  'Stratum',
  'ja',
];
