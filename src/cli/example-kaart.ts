/**
 * The example kaart shipped with Bloei (`examples/sociale-kaart-voorbeeld.csv`, fictional
 * places marked "(voorbeeld)"): what `npm start` on the embedded database puts on an empty
 * kaart, so a newcomer's first talentenscan ends with places.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const exampleKaartPath = fileURLToPath(
  new URL('../../examples/sociale-kaart-voorbeeld.csv', import.meta.url),
);

/** The example file's text; null when it is not there (an image built without it). */
export async function readExampleKaart(): Promise<string | null> {
  try {
    return await readFile(exampleKaartPath, 'utf8');
  } catch {
    return null;
  }
}
