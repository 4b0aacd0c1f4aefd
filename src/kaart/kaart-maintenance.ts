/**
 * What the maintenance job does for the sociale kaart: put offers nobody checked for six
 * months (and trainings whose start has passed) before the verbinder who owns them, in their
 * own chat. Sent with no transaction open, then marked (see `sendStaleNudges`); a nudge that
 * could not be delivered is logged and tried again on the next run.
 */
import type { BotMessage } from '../flows/events.js';
import type { OfferStore } from './offer-store.js';
import type { NudgeRecipient, StaleOfferNudge } from './plan-stale-nudges.js';
import { sendStaleNudges, type NudgeRun, type SendNudge } from './send-stale-nudges.js';
import { staleNudgeMessage } from './stale-nudge-message.js';

/** A staff member's linked chat, and whether they read it as the offers' owner. */
export interface NudgeChat {
  language: string;
  channel: string;
  externalId: string;
  owner: boolean;
}

/** Who reads nudges where: from storage. */
export interface NudgeDirectory {
  /**
   * The linked chats of a recipient: the owner's, or the coordinators' when the owner has
   * none linked (or for offers nobody owns). Empty when nobody has linked a chat.
   */
  nudgeChats(recipient: NudgeRecipient): Promise<NudgeChat[]>;
  wijkNames(): Promise<ReadonlyMap<string, string>>;
}

interface OutboundChoice {
  id: string;
  label: string;
}

/** Texts in a reader's language (the host's translator). */
export interface NudgeTexts {
  render(message: BotMessage, language: string): { text: string; choices: OutboundChoice[] };
}

/** The channels' send (the host's outbound router). */
export interface NudgeOutbound {
  send(message: {
    channel: string;
    userId: string;
    text: string;
    choices: OutboundChoice[];
  }): Promise<unknown>;
}

export interface KaartLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/**
 * A nudge as chat messages to its recipient. With nobody's chat linked it counts as
 * delivered: the dashboard's kaart marks the same offers, and asking again every minute
 * would only fill the log.
 */
export function nudgeByChat(
  directory: NudgeDirectory,
  texts: NudgeTexts,
  outbound: NudgeOutbound,
  log: KaartLog,
): SendNudge {
  return async (nudge: StaleOfferNudge) => {
    const chats = await directory.nudgeChats(nudge.recipient);
    if (chats.length === 0) {
      log.info(
        { offers: nudge.offers.length },
        'stale offers: no linked chat, left to the dashboard',
      );
      return;
    }
    const wijken = await directory.wijkNames();
    for (const chat of chats) {
      const rendered = texts.render(
        staleNudgeMessage(nudge, chat.language, wijken, chat.owner),
        chat.language,
      );
      await outbound.send({ channel: chat.channel, userId: chat.externalId, ...rendered });
    }
  };
}

/** Sends the stale-offer nudges that are due; failures are logged and tried again next run. */
export async function kaartMaintenance(
  store: OfferStore,
  send: SendNudge,
  clock: () => Date,
  log: KaartLog,
): Promise<NudgeRun> {
  const run = await sendStaleNudges(store, send, clock);
  for (const { recipient, error } of run.failed) {
    log.warn(
      { recipient: recipient.kind, err: (error as Error).message },
      'stale-offer nudge not sent',
    );
  }
  if (run.sent > 0) log.info({ nudges: run.sent, offers: run.offers }, 'stale-offer nudges sent');
  return run;
}
