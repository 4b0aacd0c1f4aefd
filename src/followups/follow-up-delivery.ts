/**
 * Sends follow-ups and their reminders. The database decides what is due (`stage`, `nextAt`);
 * each send claims its stage first (`sendingStage`), so duplicate jobs, retries and a second
 * worker find nothing to do. A worker that dies mid-send leaves the claim behind: that stage
 * is recorded as uncertain and not sent again, because never twice beats maybe twice.
 * Unanswered after the last reminder, a verbinder is asked to call: seniors prefer a person.
 */
import type { InboundHandler } from '../conversations/inbound-handler.js';
import type { ConversationStore, HandoffNotifier, Logger } from '../conversations/ports.js';
import { identityKey } from '../conversations/identity-key.js';
import { BloeiError } from '../errors/bloei-error.js';
import type { ConversationState } from '../flows/state.js';
import type { PrismaClient } from '../store/prisma-client.js';
import { daysLater, defaultWindow, type DeliveryWindow } from './follow-up-schedule.js';

export interface FollowUpSettings {
  window: DeliveryWindow;
  /** Days after the first message at which reminders go out. */
  reminderDays: readonly [number, number];
  /** Days after the first message after which it counts as unanswered. */
  unansweredDays: number;
  /** A claim older than this belongs to a worker that is gone. */
  claimTimeoutMs: number;
}

export const defaultFollowUpSettings: FollowUpSettings = {
  window: defaultWindow,
  reminderDays: [3, 7],
  unansweredDays: 14,
  claimTimeoutMs: 2 * 60_000,
};

/** Thrown so the job is retried later, instead of finishing while another claim stands. */
export class FollowUpBusyError extends BloeiError {
  override readonly name = 'FollowUpBusyError';
  readonly code = 'FOLLOWUP_BUSY';
}

export type FollowUpStage = 'initial' | 'reminder1' | 'reminder2' | 'unanswered';

export interface DueFollowUp {
  followUpId: string;
  stage: FollowUpStage;
  channel: string;
}

export class FollowUpDelivery {
  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      store: ConversationStore;
      handler: Pick<InboundHandler, 'startFlow'>;
      handoffs: HandoffNotifier;
      logger: Logger;
      clock: () => Date;
      settings?: FollowUpSettings;
    },
  ) {}

  private get settings(): FollowUpSettings {
    return this.deps.settings ?? defaultFollowUpSettings;
  }

  /** What is due now, with the channel it goes out on. */
  async due(limit = 10_000): Promise<DueFollowUp[]> {
    const now = this.deps.clock();
    await this.recoverInterrupted(now);
    const rows = await this.deps.prisma.followUp.findMany({
      where: { stage: { not: 'done' }, nextAt: { lte: now }, sendingStage: null },
      select: {
        id: true,
        stage: true,
        enrolment: {
          select: { contact: { select: { identities: { select: { channel: true } } } } },
        },
      },
      orderBy: { nextAt: 'asc' },
      take: limit,
    });
    return rows.map((r) => ({
      followUpId: r.id,
      stage: r.stage as FollowUpStage,
      channel: r.enrolment.contact.identities[0]?.channel ?? 'none',
    }));
  }

  /** Sends one stage of one follow-up, if it is still due and nobody else is sending it. */
  async deliver(followUpId: string, stage: FollowUpStage): Promise<string> {
    const { prisma, logger } = this.deps;
    const now = this.deps.clock();
    const claimed = await prisma.followUp.updateMany({
      where: { id: followUpId, stage, sendingStage: null, nextAt: { lte: now } },
      data: { sendingStage: stage, sendingSince: now },
    });
    if (claimed.count !== 1) {
      const current = await prisma.followUp.findUnique({ where: { id: followUpId } });
      if (current?.stage === stage && current.sendingStage) {
        // Another worker holds it, or held it and died: try again once that is settled.
        throw new FollowUpBusyError(`follow-up ${followUpId.slice(0, 8)} ${stage} is being sent`);
      }
      return 'not due';
    }
    const followUp = await prisma.followUp.findUniqueOrThrow({
      where: { id: followUpId },
      include: { enrolment: { include: { contact: { include: { identities: true } } } } },
    });
    const contact = followUp.enrolment.contact;
    const identity = contact.identities[0];
    if (stage === 'unanswered') {
      const handoffId = await this.deps.store.transaction((tx) =>
        tx.createHandoff(contact.id, {
          reason: 'followup_unanswered',
          urgency: 'normal',
          wijk: contact.wijk,
          summary: { flow: 'followUp', answers: {} },
          at: now,
        }),
      );
      await this.finish(followUpId, { status: 'unanswered', stage: 'done', closedAt: now });
      await this.deps.handoffs.raised(handoffId);
      return 'unanswered';
    }
    const replies =
      contact.status === 'active' && identity
        ? await this.deps.handler.startFlow(
            identity.channel,
            identity.externalId,
            'followUp',
            stage === 'initial' ? undefined : 'followUp.reminder',
          )
        : null;
    if (!replies) {
      await this.finish(followUpId, { status: 'cancelled', stage: 'done', closedAt: now });
      return 'cancelled';
    }
    await this.finish(followUpId, this.advance(stage, followUp.sentAt ?? now, now));
    logger.info({ followUp: followUpId.slice(0, 8), stage }, 'follow-up sent');
    return 'sent';
  }

  private advance(stage: FollowUpStage, sentAt: Date, now: Date) {
    const { window, reminderDays, unansweredDays } = this.settings;
    switch (stage) {
      case 'initial':
        return {
          status: 'sent',
          sentAt: now,
          stage: 'reminder1',
          nextAt: daysLater(now, reminderDays[0], window),
        };
      case 'reminder1':
        return {
          remindersSent: 1,
          stage: 'reminder2',
          nextAt: daysLater(sentAt, reminderDays[1], window),
        };
      default:
        return {
          remindersSent: 2,
          stage: 'unanswered',
          nextAt: daysLater(sentAt, unansweredDays, window),
        };
    }
  }

  /** Moves on from a stage, unless the follow-up was answered or cancelled meanwhile. */
  private async finish(id: string, data: Record<string, unknown>): Promise<void> {
    const { prisma } = this.deps;
    const moved = await prisma.followUp.updateMany({
      where: { id, stage: { not: 'done' } },
      data: { ...data, sendingStage: null, sendingSince: null },
    });
    if (moved.count === 0) {
      await prisma.followUp.update({
        where: { id },
        data: { sendingStage: null, sendingSince: null },
      });
    }
  }

  /**
   * Claims left by a worker that stopped mid-send. When the conversation shows the follow-up
   * never started (the worker died before its turn was saved), nothing went out: the claim is
   * released and the follow-up sent as usual. Otherwise some of its messages may have gone
   * out: the stage is recorded as uncertain and not sent again.
   */
  private async recoverInterrupted(now: Date): Promise<void> {
    const { prisma, logger } = this.deps;
    const stale = await prisma.followUp.findMany({
      where: {
        sendingStage: { not: null },
        sendingSince: { lt: new Date(now.getTime() - this.settings.claimTimeoutMs) },
      },
      include: { enrolment: { include: { contact: { include: { identities: true } } } } },
    });
    for (const f of stale) {
      const stage = f.sendingStage as FollowUpStage;
      const identity = f.enrolment.contact.identities[0];
      const started =
        stage !== 'initial' ||
        !identity ||
        (await this.followUpStartedSince(identity.channel, identity.externalId, f.sendingSince!));
      logger.warn(
        { followUp: f.id.slice(0, 8), stage, started },
        started ? 'follow-up send interrupted; not resent' : 'follow-up claim released',
      );
      await prisma.followUp.updateMany({
        where: { id: f.id, sendingStage: stage },
        data: started
          ? {
              ...(f.stage === stage ? this.advance(stage, f.sentAt ?? now, now) : {}),
              sendingStage: null,
              sendingSince: null,
              uncertainStage: stage,
            }
          : { sendingStage: null, sendingSince: null },
      });
    }
  }

  /** Whether a follow-up run began in this conversation at or after `since`. */
  private async followUpStartedSince(channel: string, userId: string, since: Date) {
    const conversation = await this.deps.prisma.conversation.findUnique({
      where: { identityKey: identityKey(channel, userId) },
    });
    const state = conversation?.state as ConversationState | undefined;
    const runs = [state?.run, ...(state?.paused ?? []), ...(state?.stack ?? [])];
    return runs.some((r) => r?.flow === 'followUp' && new Date(r.startedAt) >= since);
  }
}
