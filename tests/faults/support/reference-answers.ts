/**
 * What one in-process app, with nothing going wrong, stores for each golden conversation:
 * the answers a resident's conversation must have left, once each and in order, however
 * many processes, crashes and redeliveries it went through. Keyed by conversation name.
 */
import { playGolden } from '../../support/golden.js';
import { createTestApp } from '../../support/test-app.js';
import type { GoldenConversation } from './golden-resident.js';
import { answersOf } from './observations.js';

export async function referenceAnswers(
  databaseUrl: string,
  conversations: readonly GoldenConversation[],
): Promise<Map<string, string[]>> {
  const app = await createTestApp(databaseUrl);
  const answers = new Map<string, string[]>();
  try {
    for (const [i, { name, hint, inputs }] of conversations.entries()) {
      if (answers.has(name)) continue;
      const userId = `reference-${i}`;
      await playGolden({ header: [], hint, inputs }, app.handler, userId, app.clock);
      answers.set(name, await answersOf(app.prisma, 'simulator', userId));
    }
  } finally {
    await app.close();
  }
  return answers;
}
