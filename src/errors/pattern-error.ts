/** A phrase pattern that does not parse: named, with the pattern, so the list can be fixed. */
import { BloeiError } from './bloei-error.js';

export class PatternError extends BloeiError<{ pattern: string }> {
  override readonly name = 'PatternError';
  readonly code = 'PATTERN_INVALID';
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(`${message} in pattern "${pattern}"`, { context: { pattern } });
  }
}
