/**
 * The web chat's transcript on the database (`WebchatMessage`), and erasing a test resident
 * the way "forget me" erases a resident. Implements the `WebchatTranscript` port.
 */
import type { WebchatLine, WebchatTranscript } from '../bots/webchat/webchat-transcript.js';
import { webchatChannel } from '../bots/webchat/webchat-channel.js';
import { identityKey } from '../conversations/identity-key.js';
import { eraseContact } from './erase-contact.js';
import type { PrismaClient } from './generated/client.js';

export class PrismaWebchatTranscript implements WebchatTranscript {
  constructor(private readonly prisma: PrismaClient) {}

  async append(userId: string, line: WebchatLine): Promise<void> {
    await this.prisma.webchatMessage.create({
      data: {
        userId,
        author: line.author,
        text: line.text,
        choices: line.choices.map(({ id, label }) => ({ id, label })),
        ref: line.ref,
        at: line.at,
      },
    });
  }

  async forget(userId: string, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const identity = await tx.channelIdentity.findUnique({
        where: { channel_externalId: { channel: webchatChannel, externalId: userId } },
      });
      if (identity) await eraseContact(tx, identity.contactId, at);
      await tx.conversation.deleteMany({
        where: { identityKey: identityKey(webchatChannel, userId) },
      });
      await tx.webchatMessage.deleteMany({ where: { userId } });
    });
  }
}
