/**
 * Golden conversations of a relay: a resident and the verbinder who claims their hand-off
 * talk through Bloei. The format of tests/golden with a second party: `> …` is what the
 * resident types and `< …` what reaches the resident; `>> …` is what the verbinder types and
 * `<< …` what reaches the verbinder (messages separated by a lone `<` or `<<`). After each
 * line, everything either party received is written down, the resident's first, once the
 * outbox has nothing left to send. Each file plays on a fresh database with one coordinator,
 * Wilma, linked from the test chat `wilma`, so the hand-off is #1.
 * `npx vitest run tests/golden/relay -u` rewrites the files from their inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderForSimulator } from '../../../src/bots/simulator/render.js';
import { lineToInbound } from '../../../src/bots/simulator/to-inbound.js';
import type { OutboundMessage } from '../../../src/conversations/messages.js';
import { addVerbinder } from '../../../src/handoff/verbinder-admin.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createTestDatabase } from '../../support/test-database.js';

const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const resident = 'samira';
const verbinder = 'wilma';

/** Waits until no chat has a message waiting in the outbox. */
async function outboxDrained(app: TestApp): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const waiting = await app.prisma.outboxChat.count({
      where: { doneSeq: { lt: app.prisma.outboxChat.fields.lastSeq } },
    });
    if (waiting === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the outbox never drained');
}

function transcribe(replies: OutboundMessage[], mark: '<' | '<<'): string[] {
  return replies.flatMap((reply, i) => [
    ...(i > 0 ? [mark] : []),
    ...renderForSimulator(reply, 'plain')
      .split('\n')
      .map((l) => `${mark} ${l}`),
  ]);
}

async function play(path: string): Promise<string> {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines.filter((l) => l.startsWith('#'));
  const hint = header.map((l) => /^# hint: (\S+)/.exec(l)?.[1]).find(Boolean);
  const inputs = lines.filter((l) => /^>>? /.test(l) || l === '>' || l === '>>');
  const db = await createTestDatabase();
  const app = await createTestApp(db.url);
  try {
    const { code } = await addVerbinder(
      app.store,
      { name: 'Wilma', role: 'coordinator' },
      app.clock.now(),
    );
    await app.handler.handle(lineToInbound(code, verbinder));
    await outboxDrained(app);
    let seen = app.channel.sent.length;
    const out = [...header, ''];
    for (const line of inputs) {
      const byVerbinder = line.startsWith('>>');
      const text = line.replace(/^>>? ?/, '');
      out.push(line);
      const inbound = lineToInbound(text, byVerbinder ? verbinder : resident, {
        now: app.clock.advance(),
        ...(hint && !byVerbinder ? { languageHint: hint } : {}),
      });
      await app.handler.handle(byVerbinder ? inbound : { ...inbound, displayName: 'Samira' });
      await outboxDrained(app);
      const received = app.channel.sent.slice(seen);
      seen = app.channel.sent.length;
      out.push(
        ...transcribe(
          received.filter((m) => m.userId === resident),
          '<',
        ),
        ...transcribe(
          received.filter((m) => m.userId === verbinder),
          '<<',
        ),
        '',
      );
    }
    return out.join('\n');
  } finally {
    await app.close();
    await db.drop();
  }
}

describe('relay golden conversations', () => {
  it('has golden files in Dutch and another language', () => {
    expect(files).toEqual(expect.arrayContaining(['relay.nl.txt', 'relay.ar.txt']));
  });

  it.each(files)('%s', async (file) => {
    const path = join(dir, file);
    await expect(await play(path)).toMatchFileSnapshot(path);
  });
});
