/**
 * A resident on Telegram who follows a golden conversation (tests/golden/*.txt): each input
 * becomes an update (typed text, a tap on the newest message's button, a sticker), and the
 * golden file says which messages Bloei must send back, in order, each once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { asPlain } from '../../bots/telegram/telegram-harness.js';
import type { FakeBotApi, FakeUser, MediaKind } from '../../support/fake-bot-api.js';
import { readGolden } from '../../support/golden.js';
import type { Random } from './seeded-random.js';

export const goldenDir = join(import.meta.dirname, '../../golden');

export interface GoldenConversation {
  /** The file, with how much of it is played when not all. */
  name: string;
  file: string;
  hint: string | undefined;
  inputs: string[];
  /** Per input, the messages Bloei sends back, each as `asPlain` prints it. */
  replies: string[][];
}

/** A golden conversation, or its first `length` messages (any prefix is a valid script). */
export function loadGoldenConversation(file: string, length?: number): GoldenConversation {
  const path = join(goldenDir, file);
  const script = readGolden(path);
  const replies: string[][] = [];
  // The messages after the current input, each a list of lines; a lone `<` starts the next.
  let messages: string[][] | null = null;
  const close = () => {
    if (messages) replies.push(messages.filter((m) => m.length > 0).map((m) => m.join('\n')));
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '>' || line.startsWith('> ')) {
      close();
      messages = [[]];
    } else if (messages && line === '<') {
      messages.push([]);
    } else if (messages && line.startsWith('< ')) {
      messages.at(-1)!.push(line.slice(2));
    }
  }
  close();
  const played = length ?? script.inputs.length;
  return {
    name: played < script.inputs.length ? `${file} (first ${played})` : file,
    file,
    hint: script.hint,
    inputs: script.inputs.slice(0, played),
    replies: replies.slice(0, played),
  };
}

export type NewUpdate = Omit<Update, 'update_id'> & { update_id: number };

/**
 * The update a resident sends for `input`, after what Bloei sent so far: a number or label of
 * a button on the newest message is tapped about half the time (seeded), else typed.
 */
export function updateFor(
  api: FakeBotApi,
  user: FakeUser,
  input: string,
  updateId: number,
  random: Random,
): NewUpdate {
  const last = api.sentTo(user.id).at(-1);
  const buttons = last?.keyboard?.flat() ?? [];
  const media = /^<media(?::(\w+))?>$/.exec(input);
  const tapMarker = /^<tap:([\w-]+)>$/.exec(input);
  const named = /^\d+$/.test(input)
    ? buttons[Number(input) - 1]
    : buttons.find((b) => b.text.toLowerCase() === input.trim().toLowerCase());
  let update;
  if (media) update = api.media(user, (media[1] ?? 'photo') as MediaKind);
  else if (tapMarker) {
    const tapped = buttons.find((b) => b.callback_data.endsWith(`|${tapMarker[1]}`));
    if (!tapped || !last) throw new Error(`no button ${tapMarker[1]} to tap`);
    update = api.tap(user, last, tapped.callback_data);
  } else if (named && last && random.chance(0.5)) {
    update = api.tap(user, last, named.callback_data);
  } else update = api.text(user, input);
  return { ...update, update_id: updateId };
}

/** What the resident's chat shows: every message Bloei sent there, in order. */
export function chatTranscript(api: FakeBotApi, user: FakeUser): string[] {
  return api.sentTo(user.id).map((m) => asPlain(m));
}
