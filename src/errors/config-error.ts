/** A setting that is missing or wrong: start-up stops with one line naming the variable. */
import { BloeiError } from './bloei-error.js';

export class ConfigError extends BloeiError<{ variable?: string }> {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
}
