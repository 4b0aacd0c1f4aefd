/**
 * Saved replies a verbinder sends with `antwoord 12 /bel-morgen`: written once in every
 * language (locales: `relay.saved.<name>`), sent in the resident's, so a verbinder reaches a
 * resident whose language they do not speak. The names are typed by verbinders: Dutch words.
 */
export const savedReplies = ['bel-morgen', 'buurthuis', 'collega', 'typ-maar'] as const;

export type SavedReply = (typeof savedReplies)[number];

/** The saved reply a text names (`/bel-morgen`), null when it names none, undefined when no slash. */
export function savedReplyOf(text: string): SavedReply | null | undefined {
  const named = /^\/(\S+)$/.exec(text.trim())?.[1]?.toLowerCase();
  if (named === undefined) return undefined;
  return savedReplies.find((r) => r === named) ?? null;
}

/** The locale key of a saved reply's text. */
export const savedReplyKey = (name: string) => `relay.saved.${name}`;
