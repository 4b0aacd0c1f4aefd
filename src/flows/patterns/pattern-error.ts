/** A pattern that does not parse: named, with the pattern, so the list can be fixed. */
export class PatternError extends Error {
  override readonly name = 'PatternError';
  readonly code = 'PATTERN_INVALID';
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(`${message} in pattern "${pattern}"`);
  }
}
