/**
 * What a Telegram button carries back when it is tapped: the choice id and the ref of the
 * question it belongs to, so the engine can refuse a tap on an earlier question's button.
 * Telegram allows at most 64 bytes of callback data; the format is `c|<ref>|<id>`.
 */

/** Telegram's limit on `callback_data`, in bytes (UTF-8). */
export const maxCallbackDataBytes = 64;

/**
 * The data for one button, or null when the choice id cannot fit. When only the ref does
 * not fit, the button goes without it: the tap still answers, unguarded against staleness.
 */
export function encodeCallbackData(choiceId: string, ref: string | undefined): string | null {
  const candidates = ref && !ref.includes('|') ? [`c|${ref}|${choiceId}`] : [];
  candidates.push(`c||${choiceId}`);
  return candidates.find((data) => Buffer.byteLength(data, 'utf8') <= maxCallbackDataBytes) ?? null;
}

/** The choice in a tapped button, or null for data this adapter did not write. */
export function decodeCallbackData(data: string): { id: string; ref?: string } | null {
  const match = /^c\|([^|]*)\|(.+)$/s.exec(data);
  if (!match) return null;
  const [, ref, id] = match;
  return ref ? { id: id!, ref } : { id: id! };
}
