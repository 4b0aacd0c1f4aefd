/**
 * The hand-off a verbinder answers by replying (Telegram's reply) to a message Bloei sent
 * them: a hand-off alert or a resident's relayed message. The outbox keeps what each sent
 * message was about and the id the platform gave it, so the reply finds its hand-off as
 * surely as "antwoord 12" names it.
 */
import { chatOf } from '../conversations/identity-key.js';
import type { Store } from '../store/store.js';
import { handoffSubject } from './handoff-alerts.js';
import { relayEntry } from './relay-kinds.js';

const handoffPrefix = handoffSubject('');
const relayPrefix = relayEntry('', '').subject!;

/** The number of the hand-off the message `platformId` in this chat was about, or null. */
export async function repliedHandoff(
  store: Store,
  chat: { channel: string; userId: string },
  platformId: string,
): Promise<number | null> {
  const key = chatOf(chat.channel, chat.userId).key;
  const subject = await store.outbox.subjectOfSent(key, platformId);
  if (subject?.startsWith(handoffPrefix)) {
    return store.relay.handoffNumber({ handoffId: subject.slice(handoffPrefix.length) });
  }
  if (subject?.startsWith(relayPrefix)) {
    return store.relay.handoffNumber({ relayId: subject.slice(relayPrefix.length) });
  }
  return null;
}
