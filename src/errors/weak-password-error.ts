/** A staff password too short to set; the dashboard and the CLI say so in words. */
import { BloeiError } from './bloei-error.js';

export class WeakPasswordError extends BloeiError {
  override readonly name = 'WeakPasswordError';
  readonly code = 'PASSWORD_WEAK';
}
