/** Drives the real pipeline as a resident or a verbinder would, for integration tests. */
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import type { InboundMessage, OutboundMessage } from '../../src/conversations/messages.js';
import type { TestApp } from './test-app.js';

export function say(app: TestApp, userId: string, ...lines: string[]) {
  return sayOn(app, 'simulator', userId, ...lines);
}

/** Like `say`, on another channel (e.g. a trainee imported with a Telegram id). */
export async function sayOn(app: TestApp, channel: string, userId: string, ...lines: string[]) {
  let last: OutboundMessage[] = [];
  for (const line of lines) {
    last = await app.handler.handle({ ...lineToInbound(line, userId), channel });
  }
  return last;
}

export function tap(app: TestApp, userId: string, id: string, ref?: string) {
  const message: InboundMessage = {
    ...lineToInbound('', userId),
    content: { type: 'choice', id, ...(ref ? { ref } : {}) },
  };
  return app.handler.handle(message);
}

/** Waits until the recording channel has sent `count` messages to `userId`. */
export async function sentTo(app: TestApp, userId: string, count = 1, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sent = app.channel.sent.filter((m) => m.userId === userId);
    if (sent.length >= count) return sent;
    if (Date.now() > deadline) {
      throw new Error(`expected ${count} message(s) to ${userId}, got ${sent.length}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the recording channel has sent `userId` a message that matches. */
export async function messageTo(
  app: TestApp,
  userId: string,
  matches: (m: OutboundMessage) => boolean,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = app.channel.sent.find((m) => m.userId === userId && matches(m));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching message to ${userId}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Onboarding in Dutch with consent, ending in the menu. */
export const consentNl = ['hallo', '1', 'ja', 'nee'] as const;

/** A WIJ match offer in Stratum, from the menu. */
export const wijMatchStratum = [
  '2',
  '1',
  '3',
  'Ik help graag in de tuin.',
  'Buiten zijn.',
  '1',
  '2',
  'Stratum',
  '1',
  'ja',
] as const;
