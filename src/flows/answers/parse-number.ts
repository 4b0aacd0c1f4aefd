/** Understands a whole number in a range, in any digits ("12", "١٢"). */
import { normalize } from './normalize.js';

export function parseNumber(input: string, min: number, max: number): number | null {
  const answer = normalize(input);
  if (!/^-?\d{1,9}$/.test(answer)) return null;
  const value = Number(answer);
  return value >= min && value <= max ? value : null;
}
