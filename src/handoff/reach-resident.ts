/**
 * How a verbinder can reach a resident outside Bloei, as far as the resident made it
 * possible: the WhatsApp number they chat from (a wa.me link), their Telegram account (an
 * @username they have, else a link that opens the chat by account), and a phone number they
 * typed to be called back on. Shown with the hand-off in the verbinder's chat and in the web
 * inbox; worked out when shown, from the identities and contact details kept, so an erased
 * resident leaves nothing behind in an alert.
 */
import type { BotMessage } from '../flows/events.js';
import { formatPhone } from '../flows/answers/parse-phone.js';
import type { Translator } from '../conversations/ports.js';

/** What is kept about a resident that says how to reach them. */
export interface ReachFacts {
  identities: readonly { channel: string; externalId: string }[];
  details: readonly { kind: string; value: string }[];
}

/** One way to reach the resident: its words (`staff.reachWays.<text>`) and a link. */
export interface ReachWay {
  kind: 'whatsapp' | 'telegram' | 'phone';
  /** The text key under `staff.reachWays`. */
  text: 'whatsapp' | 'telegram' | 'telegramId' | 'phone';
  /** What the text shows (a number, an @username); empty when it shows none. */
  value: string;
  link: string;
}

/** The ways to reach a resident, chat accounts first, then numbers they gave. */
export function reachWays(facts: ReachFacts): ReachWay[] {
  const ways: ReachWay[] = [];
  for (const { channel, externalId } of facts.identities) {
    // A WhatsApp chat id is the number itself ("31612345678@c.us"); other forms hide it.
    const number = channel === 'whatsapp' ? /^(\d{8,15})@c\.us$/.exec(externalId)?.[1] : undefined;
    if (number) {
      const value = formatPhone(`+${number}`);
      ways.push({ kind: 'whatsapp', text: 'whatsapp', value, link: `https://wa.me/${number}` });
    }
    if (channel === 'telegram' && /^\d+$/.test(externalId)) {
      // Telegram usernames are 5 to 32 letters, digits and _: anything else is not linked.
      const username = facts.details
        .filter((d) => d.kind === 'telegram')
        .map((d) => d.value)
        .find((u) => /^[A-Za-z0-9_]{5,32}$/.test(u));
      ways.push(
        username
          ? {
              kind: 'telegram',
              text: 'telegram',
              value: `@${username}`,
              link: `https://t.me/${username}`,
            }
          : { kind: 'telegram', text: 'telegramId', value: '', link: `tg://user?id=${externalId}` },
      );
    }
  }
  for (const detail of facts.details) {
    if (detail.kind !== 'phone') continue;
    ways.push({
      kind: 'phone',
      text: 'phone',
      value: formatPhone(detail.value),
      link: `tel:${detail.value}`,
    });
  }
  return ways;
}

/** One way as a message to put in words ("WhatsApp +31 6 12345678"). */
export function reachWayMessage(way: ReachWay): BotMessage {
  return { key: `staff.reachWays.${way.text}`, params: { value: { text: way.value } } };
}

/**
 * The line of an alert: "Bereikbaar: WhatsApp +31 6 12345678 https://wa.me/31612345678 · …",
 * or that the resident is reachable only through Bloei. A phone number needs no link in a chat.
 */
export function reachLine(
  translator: Translator,
  ways: readonly ReachWay[],
  language: string,
): string {
  const parts = ways.map((way) => {
    const words = translator.render(reachWayMessage(way), language).text;
    return way.kind === 'phone' ? words : `${words} ${way.link}`;
  });
  const message: BotMessage = {
    key: 'staff.reach',
    params: { ways: parts.length > 0 ? { text: parts.join(' · ') } : { key: 'staff.reachNone' } },
  };
  return translator.render(message, language).text;
}
