/** What a fault test reads back after the fact: stored answers, alerts the verbinder got. */
import type { FakeBotApi } from '../../support/fake-bot-api.js';
import type { PrismaClient } from '../../../src/store/prisma-client.js';

/**
 * A resident's stored answers in the order they were given (answers of one turn share a
 * time and are ordered by step), as `flow/step=value`, so two runs can be compared.
 */
export async function answersOf(
  prisma: PrismaClient,
  channel: string,
  externalId: string,
): Promise<string[]> {
  const answers = await prisma.answer.findMany({
    where: { contact: { identities: { some: { channel, externalId } } } },
    orderBy: [{ answeredAt: 'asc' }, { stepId: 'asc' }],
  });
  return answers.map((a) => `${a.flowId}/${a.stepId}=${JSON.stringify(a.value)}`);
}

/** The hand-off numbers of the "new hand-off" alerts sent to a verbinder's chat, in order. */
export function handoffAlerts(api: FakeBotApi, chatId: number): number[] {
  return api
    .sentTo(chatId)
    .map((m) => /^Nieuwe hand-off #(\d+)/.exec(m.text)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
}
