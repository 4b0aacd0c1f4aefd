/** A message for a channel no adapter was started for (or a channel name nobody knows). */
import { BloeiError } from './bloei-error.js';

export class UnknownChannelError extends BloeiError<{ channel: string }> {
  override readonly name = 'UnknownChannelError';
  readonly code = 'CHANNEL_UNKNOWN';
}
