/**
 * Remembers, per chat, the last message Bloei sent with buttons, so the adapter can take
 * those buttons away when it sends the next message: a resident then only ever sees the
 * buttons of the current question. In memory and bounded; after a restart the worst case
 * is an old keyboard that stays visible, and the engine still refuses its taps by ref.
 */
export class KeyboardTracker {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxChats = 10_000) {}

  /** Records that `messageId` in `chatId` has buttons (the newest chats are kept). */
  remember(chatId: string, messageId: number): void {
    this.open.delete(chatId);
    this.open.set(chatId, messageId);
    if (this.open.size > this.maxChats) {
      const oldest = this.open.keys().next().value;
      if (oldest !== undefined) this.open.delete(oldest);
    }
  }

  /** The message with buttons in `chatId`, forgotten as it is returned. */
  take(chatId: string): number | undefined {
    const messageId = this.open.get(chatId);
    this.open.delete(chatId);
    return messageId;
  }

  /** Forgets `messageId` when it is the open keyboard of `chatId` (its buttons are gone). */
  forget(chatId: string, messageId: number): void {
    if (this.open.get(chatId) === messageId) this.open.delete(chatId);
  }

  get size(): number {
    return this.open.size;
  }
}
