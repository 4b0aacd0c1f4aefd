/**
 * A voice note, photo or file that could not be fetched from the channel it came from, to be
 * passed on: that channel runs in no adapter of this process, or its platform refused. The
 * outbox tries again later. Never carries the media's handle or content.
 */
import { BloeiError } from './bloei-error.js';

export class MediaFetchError extends BloeiError<{ channel: string; kind: string }> {
  override readonly name = 'MediaFetchError';
  readonly code = 'MEDIA_FETCH_FAILED';
}
