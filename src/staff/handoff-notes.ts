/**
 * A short note a staff member keeps with a hand-off (who called whom, what was agreed). It
 * goes with the hand-off and is erased with its details.
 */
import type { PrismaClient } from '../store/prisma-client.js';

export async function addHandoffNote(
  prisma: PrismaClient,
  note: { handoffId: string; authorId: string; text: string; at: Date },
): Promise<void> {
  await prisma.handoffNote.create({
    data: {
      handoffId: note.handoffId,
      authorId: note.authorId,
      text: note.text,
      createdAt: note.at,
    },
  });
}
