/**
 * Conversations outside the message pipeline: what a follow-up looks up, and retention.
 * A conversation of someone who never consented holds only the engine's state under a hash;
 * it is kept a short while (to go on where they left off) and then forgotten. The inbound ids
 * that recognise a redelivery are needed only for as long as a platform redelivers.
 */
import type { ConversationState } from '../flows/state.js';
import type { Db } from './db.js';

export class ConversationRecords {
  constructor(private readonly db: Db) {}

  async state(identityKey: string): Promise<ConversationState | null> {
    const found = await this.db.conversation.findUnique({
      where: { identityKey },
      select: { state: true },
    });
    return (found?.state as ConversationState | undefined) ?? null;
  }

  /** Forgets conversations with no consented contact, untouched since `before`. */
  async pruneUnconsented(before: Date): Promise<number> {
    const gone = await this.db.conversation.deleteMany({
      where: { contactId: null, updatedAt: { lt: before } },
    });
    return gone.count;
  }

  /** Forgets inbound ids recorded before `before`. */
  async pruneProcessed(before: Date): Promise<number> {
    const gone = await this.db.processedInbound.deleteMany({
      where: { processedAt: { lt: before } },
    });
    return gone.count;
  }
}
