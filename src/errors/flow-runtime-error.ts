/**
 * A flow the engine cannot run: an unknown flow or step, or message steps that loop without
 * a question. `flows:check` catches these before start-up; at run time they mean a stored
 * conversation points at a definition that changed.
 */
import { BloeiError } from './bloei-error.js';

export class FlowRuntimeError extends BloeiError<{ flow: string; step?: string }> {
  override readonly name = 'FlowRuntimeError';
  readonly code = 'FLOW_RUNTIME';
}
