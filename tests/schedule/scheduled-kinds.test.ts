import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/definitions/index.js';
import { scheduleKinds } from '../../src/flows/actions/index.js';
import {
  scheduledKind,
  scheduledKinds,
  UnknownScheduledKindError,
} from '../../src/schedule/scheduled-kinds.js';

describe('scheduledKinds', () => {
  const flows = loadFlows();

  it.each(Object.keys(scheduledKinds))('%s starts a flow that exists, or sends a text', (kind) => {
    const found = scheduledKind(kind);
    if ('flow' in found) expect(flows.has(found.flow)).toBe(true);
    else expect(found.text).toBeTypeOf('function');
  });

  it('knows every kind a flow may schedule', () => {
    for (const kind of scheduleKinds) expect(scheduledKinds).toHaveProperty(kind);
  });

  it('refuses a kind nobody registered', () => {
    expect(() => scheduledKind('nothing')).toThrow(UnknownScheduledKindError);
  });

  it('is scheduled only from a choice whose every delay is a real duration', () => {
    for (const flow of flows.values()) {
      for (const step of Object.values(flow.steps)) {
        for (const action of step.do) {
          if (action.type !== 'schedule') continue;
          expect(step.kind).toBe('choice');
          const ids = 'choices' in step ? step.choices.map((c) => c.id) : [];
          expect(Object.keys(action.after).every((id) => ids.includes(id))).toBe(true);
        }
      }
    }
  });
});
