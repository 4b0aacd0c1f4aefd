/**
 * Accepts a free-text answer: anything with at least one letter or digit. Long answers are
 * kept up to `maxLength` characters and flagged, so the resident can be told.
 */
import { sanitize } from './normalize.js';

export interface TextAnswer {
  value: string;
  truncated: boolean;
}

export function parseText(input: string, maxLength: number): TextAnswer | null {
  const clean = sanitize(input).replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(clean)) return null;
  if (clean.length <= maxLength) return { value: clean, truncated: false };
  return { value: clean.slice(0, maxLength).toWellFormed(), truncated: true };
}
