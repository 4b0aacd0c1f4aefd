/** A flow definition that does not validate: names the flow and the path of each problem. */
import { BloeiError } from './bloei-error.js';

export class FlowDefinitionError extends BloeiError<{ flow: string }> {
  override readonly name = 'FlowDefinitionError';
  readonly code = 'FLOW_DEFINITION_INVALID';
}
