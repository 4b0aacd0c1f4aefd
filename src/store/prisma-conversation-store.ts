/**
 * The conversation store on Prisma (PostgreSQL or embedded PGlite): one interactive
 * transaction per inbound message, with the conversation's version column as the guard
 * against a second process writing the same conversation.
 */
import type {
  ContactSnapshot,
  ConversationStore,
  StoreTx,
  StoredConversation,
} from '../conversations/ports.js';
import { VersionConflictError } from '../conversations/ports.js';
import type { AnswerValue, ConversationState } from '../flows/state.js';
import type { Prisma, PrismaClient } from './generated/client.js';

type Tx = Prisma.TransactionClient;

export class PrismaConversationStore implements ConversationStore {
  constructor(private readonly prisma: PrismaClient) {}

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(new PrismaStoreTx(tx)), {
      maxWait: 10_000,
      timeout: 20_000,
    });
  }
}

const json = (value: unknown) => value as Prisma.InputJsonValue;
const text = (value: AnswerValue | undefined) =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : String(value);

class PrismaStoreTx implements StoreTx {
  constructor(private readonly tx: Tx) {}

  async markProcessed(channel: string, messageId: string): Promise<boolean> {
    const { count } = await this.tx.processedInbound.createMany({
      data: [{ channel, messageId }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  async loadConversation(identityKey: string): Promise<StoredConversation | null> {
    const row = await this.tx.conversation.findUnique({ where: { identityKey } });
    if (!row) return null;
    return { ...row, state: row.state as unknown as ConversationState };
  }

  async saveConversation(
    conversation: Omit<StoredConversation, 'id' | 'version'>,
    expectedVersion: number | null,
  ): Promise<void> {
    const { identityKey, contactId, state } = conversation;
    const { count } =
      expectedVersion === null
        ? await this.tx.conversation.createMany({
            data: [{ identityKey, contactId, state: json(state) }],
            skipDuplicates: true,
          })
        : await this.tx.conversation.updateMany({
            where: { identityKey, version: expectedVersion },
            data: { contactId, state: json(state), version: { increment: 1 } },
          });
    if (count !== 1) throw new VersionConflictError(identityKey);
  }

  async deleteConversation(identityKey: string): Promise<void> {
    await this.tx.conversation.deleteMany({ where: { identityKey } });
  }

  async loadContact(contactId: string): Promise<ContactSnapshot | null> {
    return this.tx.contact.findUnique({
      where: { id: contactId },
      select: { id: true, status: true, language: true, wijk: true, firstName: true },
    });
  }

  async createContact(input: {
    channel: string;
    externalId: string;
    language: string;
    firstName: string | null;
    at: Date;
  }): Promise<string> {
    const contact = await this.tx.contact.create({
      data: {
        language: input.language,
        firstName: input.firstName,
        lastInboundAt: input.at,
        identities: { create: { channel: input.channel, externalId: input.externalId } },
      },
      select: { id: true },
    });
    return contact.id;
  }

  async updateContact(
    contactId: string,
    fields: Parameters<StoreTx['updateContact']>[1],
  ): Promise<void> {
    await this.tx.contact.update({ where: { id: contactId }, data: fields });
  }

  async deleteContact(contactId: string): Promise<void> {
    await this.tx.contact.deleteMany({ where: { id: contactId } });
  }

  async markUnreachable(channel: string, externalId: string): Promise<void> {
    await this.tx.contact.updateMany({
      where: { identities: { some: { channel, externalId } } },
      data: { status: 'blocked' },
    });
  }

  async recordConsent(
    contactId: string,
    consent: { purpose: string; textVersion: number; granted: boolean; at: Date },
  ): Promise<void> {
    await this.tx.consentRecord.create({
      data: {
        contactId,
        purpose: consent.purpose,
        textVersion: consent.textVersion,
        granted: consent.granted,
        recordedAt: consent.at,
      },
    });
  }

  async saveAnswer(contactId: string, answer: Parameters<StoreTx['saveAnswer']>[1]): Promise<void> {
    await this.tx.answer.create({
      data: {
        contactId,
        runId: answer.runId,
        flowId: answer.flowId,
        flowVersion: answer.flowVersion,
        stepId: answer.stepId,
        name: answer.name,
        value: json(answer.value),
        answeredAt: answer.at,
      },
    });
  }

  async saveTalentProfile(
    contactId: string,
    runId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void> {
    const list = (v: AnswerValue | undefined) => (Array.isArray(v) ? v : v ? [String(v)] : []);
    const profile = {
      contactId,
      energy: text(answers['energy']),
      skills: text(answers['skills']),
      interests: list(answers['interests']),
      forOthers: text(answers['forOthers']),
      ownWish: text(answers['ownWish']),
      time: text(answers['time']),
      mobility: text(answers['mobility']),
      dutchComfort: typeof answers['dutchComfort'] === 'number' ? answers['dutchComfort'] : null,
      wijk: text(answers['wijk']),
      correction: text(answers['correction']),
      directions: list(answers['directions']),
      contactWish: answers['contactWish'] === 'yes',
      completedAt: at,
    };
    await this.tx.talentProfile.upsert({
      where: { runId },
      create: { runId, ...profile },
      update: profile,
    });
  }

  async createHandoff(
    contactId: string,
    handoff: {
      reason: string;
      urgency: string;
      wijk: string | null;
      summary: Record<string, AnswerValue>;
    },
  ): Promise<string> {
    const row = await this.tx.handoff.create({
      data: { contactId, ...handoff, summary: json(handoff.summary) },
      select: { id: true },
    });
    return row.id;
  }
}
