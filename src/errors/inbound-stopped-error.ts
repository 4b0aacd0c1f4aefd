/** A message offered after the inbound spool was stopped: it was not written. */
import { BloeiError } from './bloei-error.js';

export class InboundStoppedError extends BloeiError {
  override readonly name = 'InboundStoppedError';
  readonly code = 'INBOUND_STOPPED';
}
