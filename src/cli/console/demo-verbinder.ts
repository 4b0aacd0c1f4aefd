/**
 * The verbinder a person plays in the console chat (`/verbinder`), so that one terminal shows
 * the whole loop of a hand-off. A coordinator, so every hand-off the console resident raises
 * reaches them whatever wijk the resident chose (when no verbinder of that wijk is linked,
 * which on a fresh database none is). Added only to the embedded database, the one for
 * trying Bloei out: a real database never gets a demo coordinator who takes real hand-offs.
 */
import type { PrismaClient } from '../../store/prisma-client.js';

export const demoVerbinder = {
  id: 'demo-verbinder',
  name: 'Sam (demo)',
  /** The console's verbinder side, as a simulator user. */
  userId: 'console-verbinder',
} as const;

/** Adds the demo verbinder (first start) and links it to the console's verbinder side. */
export async function linkDemoVerbinder(
  prisma: PrismaClient,
  input: { channel: string; language: string; now: Date },
): Promise<{ name: string }> {
  const link = { channel: input.channel, externalId: demoVerbinder.userId, linkedAt: input.now };
  // "stop" as the verbinder unlinks the chat; the next start links it again.
  await prisma.verbinder.updateMany({
    where: {
      channel: input.channel,
      externalId: demoVerbinder.userId,
      id: { not: demoVerbinder.id },
    },
    data: { channel: null, externalId: null, linkedAt: null },
  });
  return prisma.verbinder.upsert({
    where: { id: demoVerbinder.id },
    create: {
      id: demoVerbinder.id,
      name: demoVerbinder.name,
      role: 'coordinator',
      language: input.language,
      ...link,
    },
    update: { ...link, active: true },
    select: { name: true },
  });
}
