/**
 * Sends follow-ups and their reminders. The database decides what is due (`stage`, `nextAt`);
 * each send claims its stage first (`sendingStage`), so duplicate jobs, retries and a second
 * worker find nothing to do. The messages go out through the outbox of the resident's chat,
 * at most once each: a worker that dies mid-send leaves the claim behind, and a message it
 * had in flight is recorded as uncertain and not sent again, because never twice beats
 * maybe twice.
 * Unanswered after the last reminder, a verbinder is asked to call: seniors prefer a person.
 */
import type { InboundHandler } from '../conversations/inbound-handler.js';
import type { ChatAddress } from '../conversations/outbox-ports.js';
import type { ConversationStore, HandoffOpener, Logger } from '../conversations/ports.js';
import { identityKey } from '../conversations/identity-key.js';
import { BloeiError } from '../errors/bloei-error.js';
import type { Store } from '../store/store.js';
import type { FollowUpUpdate } from '../store/follow-up-repository.js';
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
      store: Store;
      conversations: ConversationStore;
      handler: Pick<InboundHandler, 'startFlow'>;
      handoffs: HandoffOpener;
      /** Sends what waits in these chats now (alerts of an unanswered follow-up). */
      send: (chats: readonly ChatAddress[]) => Promise<void>;
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
    const rows = await this.deps.store.followUps.due(now, limit);
    return rows.map((r) => ({
      followUpId: r.id,
      stage: r.stage as FollowUpStage,
      channel: r.channel,
    }));
  }

  /**
   * Sends one stage of one follow-up, if it is still due and nobody else is sending it. Its
   * messages go out through the outbox of the resident's chat, written with the turn.
   */
  async deliver(followUpId: string, stage: FollowUpStage): Promise<string> {
    const { store, logger } = this.deps;
    const now = this.deps.clock();
    if (!(await store.followUps.claim(followUpId, stage, now))) {
      const current = await store.followUps.get(followUpId);
      if (current?.stage === stage && current.sendingStage) {
        // Another worker holds it, or held it and died: try again once that is settled.
        throw new FollowUpBusyError(`follow-up ${followUpId.slice(0, 8)} ${stage} is being sent`);
      }
      return 'not due';
    }
    const followUp = (await store.followUps.get(followUpId))!;
    const { contact } = followUp;
    const identity = contact.identity;
    if (stage === 'unanswered') {
      const { chats } = await this.deps.conversations.transaction((tx) =>
        this.deps.handoffs.open(tx, contact.id, {
          reason: 'followup_unanswered',
          urgency: 'normal',
          wijk: contact.wijk,
          summary: { flow: 'followUp', answers: {} },
          at: now,
        }),
      );
      await store.followUps.finish(followUpId, {
        status: 'unanswered',
        stage: 'done',
        closedAt: now,
      });
      await this.deps.send(chats);
      return 'unanswered';
    }
    const replies =
      contact.status === 'active' && identity
        ? await this.deps.handler.startFlow(
            identity.channel,
            identity.externalId,
            'followUp',
            stage === 'initial' ? {} : { notice: 'followUp.reminder' },
          )
        : null;
    if (!replies) {
      await store.followUps.finish(followUpId, {
        status: 'cancelled',
        stage: 'done',
        closedAt: now,
      });
      return 'cancelled';
    }
    await store.followUps.finish(followUpId, this.advance(stage, followUp.sentAt ?? now, now));
    logger.info({ followUp: followUpId.slice(0, 8), stage }, 'follow-up sent');
    return 'sent';
  }

  private advance(stage: FollowUpStage, sentAt: Date, now: Date): FollowUpUpdate {
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

  /**
   * Claims left by a worker that stopped mid-send. When the conversation shows the follow-up
   * never started (the worker died before its turn was saved), nothing went out: the claim is
   * released and the follow-up sent as usual. When it started, its messages are in the
   * outbox, which sends each at most once: the stage moves on, recorded as uncertain only
   * when a message of it was in flight as the worker died and so is not sent again.
   */
  private async recoverInterrupted(now: Date): Promise<void> {
    const { store, logger } = this.deps;
    const before = new Date(now.getTime() - this.settings.claimTimeoutMs);
    for (const f of await store.followUps.staleClaims(before)) {
      const stage = f.sendingStage as FollowUpStage;
      const identity = f.contact.identity;
      const since = f.sendingSince!;
      const started =
        stage !== 'initial' ||
        !identity ||
        (await this.followUpStartedSince(identity.channel, identity.externalId, since));
      const uncertain =
        started &&
        (!identity ||
          (await store.outbox.uncertainSince(
            identityKey(identity.channel, identity.externalId),
            since,
          )));
      logger.warn(
        { followUp: f.id.slice(0, 8), stage, started, uncertain },
        !started
          ? 'follow-up claim released'
          : uncertain
            ? 'follow-up send interrupted; not resent'
            : 'follow-up send interrupted after its turn was saved; the outbox sends it',
      );
      const moved = f.stage === stage ? this.advance(stage, f.sentAt ?? now, now) : {};
      await store.followUps.settleClaim(
        f.id,
        stage,
        !started ? {} : uncertain ? { ...moved, uncertainStage: stage } : moved,
      );
    }
  }

  /** Whether a follow-up run began in this conversation at or after `since`. */
  private async followUpStartedSince(channel: string, userId: string, since: Date) {
    const state = await this.deps.store.conversations.state(identityKey(channel, userId));
    const runs = [state?.run, ...(state?.paused ?? []), ...(state?.stack ?? [])];
    return runs.some((r) => r?.flow === 'followUp' && new Date(r.startedAt) >= since);
  }
}
