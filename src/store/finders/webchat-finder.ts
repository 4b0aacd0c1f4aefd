/**
 * The reads of the web chat page: a staff member's test conversation as far as it went (what
 * the test resident wrote, what Bloei answered, the buttons of a question), the language it
 * is in, and the newest line's id, which the page polls to know a reply came in.
 */
import type { WebchatAuthor } from '../../bots/webchat/webchat-transcript.js';
import { webchatChannel } from '../../bots/webchat/webchat-channel.js';
import type { OutboundChoice } from '../../conversations/messages.js';
import { identityKey } from '../../conversations/identity-key.js';
import type { PrismaClient } from '../prisma-client.js';

export interface WebchatEntry {
  id: number;
  author: WebchatAuthor;
  text: string;
  choices: OutboundChoice[];
  ref: string | null;
  at: Date;
}

export interface WebchatConversation {
  /** The newest lines, oldest first. */
  lines: WebchatEntry[];
  /** The language Bloei speaks with the test resident; null before the first message. */
  language: string | null;
}

/** How many of the newest lines the page shows. */
export const shownLines = 200;

const choicesOf = (value: unknown): OutboundChoice[] =>
  Array.isArray(value)
    ? value.filter(
        (c): c is OutboundChoice =>
          typeof (c as OutboundChoice)?.id === 'string' &&
          typeof (c as OutboundChoice)?.label === 'string',
      )
    : [];

export async function findWebchatConversation(
  prisma: PrismaClient,
  userId: string,
): Promise<WebchatConversation> {
  const [rows, conversation] = await Promise.all([
    prisma.webchatMessage.findMany({
      where: { userId },
      orderBy: { id: 'desc' },
      take: shownLines,
    }),
    prisma.conversation.findUnique({
      where: { identityKey: identityKey(webchatChannel, userId) },
      select: { state: true },
    }),
  ]);
  const language = (conversation?.state as { language?: unknown } | undefined)?.language;
  return {
    lines: rows.reverse().map((row) => ({
      id: row.id,
      author: row.author === 'resident' ? 'resident' : 'bloei',
      text: row.text,
      choices: choicesOf(row.choices),
      ref: row.ref,
      at: row.at,
    })),
    language: typeof language === 'string' ? language : null,
  };
}

/** The id of the newest line (0: none), which changes when anything is added. */
export async function findWebchatLatest(prisma: PrismaClient, userId: string): Promise<number> {
  const row = await prisma.webchatMessage.findFirst({
    where: { userId },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
  return row?.id ?? 0;
}

/** The button `choiceId` of the newest question `ref`, as the page showed it; null if none. */
export async function findWebchatChoice(
  prisma: PrismaClient,
  userId: string,
  ref: string | null,
  choiceId: string,
): Promise<OutboundChoice | null> {
  const row = await prisma.webchatMessage.findFirst({
    where: { userId, author: 'bloei', ref, NOT: { choices: { equals: [] } } },
    orderBy: { id: 'desc' },
    select: { choices: true },
  });
  return choicesOf(row?.choices).find((c) => c.id === choiceId) ?? null;
}
