/**
 * Queue names and job payloads. Every queue has exactly one handler; the worker refuses to
 * start when one is missing.
 */
import type { AlertKind } from '../handoff/handoff-alerts.js';

export const queueNames = ['handoff-alerts', 'maintenance'] as const;
export type QueueName = (typeof queueNames)[number];

export interface JobPayloads {
  'handoff-alerts': { handoffId: string; kind: AlertKind };
  maintenance: { task: 'escalation-check' };
}

export type JobHandlers = { [Q in QueueName]: (data: JobPayloads[Q]) => Promise<unknown> };

/** Stable ids: the same alert is never queued twice, whatever retries or restarts happen. */
export const alertJobId = (handoffId: string, kind: AlertKind) => `handoff-${handoffId}-${kind}`;
