/**
 * Golden conversations: a transcript file holds the resident's lines (`> …`, a lone `>` is
 * an empty message) and Bloei's replies (`< …`, messages separated by a lone `<`). A test
 * replays the inputs through the real pipeline and compares the whole transcript.
 * `npx vitest run tests/golden -u` rewrites the files from their inputs; review the diff.
 */
import { readFileSync } from 'node:fs';
import type { PrismaClient } from '../../src/store/prisma-client.js';
import type { InboundHandler } from '../../src/conversations/inbound-handler.js';
import type { OutboundMessage } from '../../src/conversations/messages.js';
import { renderForSimulator } from '../../src/bots/simulator/render.js';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';

export interface GoldenScript {
  header: string[];
  hint: string | undefined;
  inputs: string[];
}

export function readGolden(path: string): GoldenScript {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines.filter((l) => l.startsWith('#'));
  const hint = header.map((l) => /^# hint: (\S+)/.exec(l)?.[1]).find(Boolean);
  const inputs = lines.filter((l) => l === '>' || l.startsWith('> ')).map((l) => l.slice(2));
  return { header, hint, inputs };
}

export async function playGolden(
  script: GoldenScript,
  handler: InboundHandler,
  userId: string,
  clock: { advance(): Date },
  options: { channel?: string; opening?: OutboundMessage[] } = {},
): Promise<string> {
  const out = [...script.header, ''];
  if (options.opening) {
    out.push('* Bloei starts the conversation', ...transcribe(options.opening), '');
  }
  for (const input of script.inputs) {
    out.push(input === '' ? '>' : `> ${input}`);
    const inbound = lineToInbound(input, userId, {
      now: clock.advance(),
      ...(script.hint ? { languageHint: script.hint } : {}),
    });
    const replies = await handler.handle({
      ...inbound,
      channel: options.channel ?? inbound.channel,
    });
    out.push(...transcribe(replies), '');
  }
  return out.join('\n');
}

function transcribe(replies: OutboundMessage[]): string[] {
  return replies.flatMap((reply, i) => [
    ...(i > 0 ? ['<'] : []),
    ...renderForSimulator(reply, 'plain')
      .split('\n')
      .map((l) => `< ${l}`),
  ]);
}

/** A clock that starts at a pinned time and moves one minute per message, or as told. */
export function pinnedClock(start = '2026-03-02T10:00:00Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms = 60_000) => new Date((now += ms)),
  };
}

/**
 * Links a coordinator on the simulator channel, as in production someone can receive
 * hand-offs; goldens without one are in `tests/golden/no-verbinder/`.
 */
export async function linkCoordinator(
  prisma: PrismaClient,
  chat: { channel: string; externalId: string } = {
    channel: 'simulator',
    externalId: 'golden-coordinator',
  },
): Promise<void> {
  await prisma.verbinder.create({
    data: { name: 'Cora', role: 'coordinator', ...chat, linkedAt: new Date() },
  });
}
