/**
 * The conversation store on Prisma (PostgreSQL or embedded PGlite): one interactive
 * transaction per inbound message, with the conversation's version column as the guard
 * against a second process writing the same conversation.
 */
import type {
  ContactRecord,
  ContactSnapshot,
  ConversationStore,
  PendingReplies,
  StoreTx,
  StoredConversation,
} from '../conversations/ports.js';
import { VersionConflictError } from '../conversations/ports.js';
import type { AnswerValue, ConversationState } from '../flows/state.js';
import type { ChoiceSets } from '../flows/step-view.js';
import { chooseOwner } from '../handoff/choose-owner.js';
import { eraseContact } from './erase-contact.js';
import { Prisma, type PrismaClient } from './generated/client.js';

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
const list = (v: AnswerValue | undefined) => (Array.isArray(v) ? v : v ? [String(v)] : []);
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

  /**
   * Takes a transaction-scoped advisory lock on the conversation key first, so a second
   * process handling the same resident waits for this one instead of racing it (the
   * version column stays as the guard of last resort, e.g. for the very first insert).
   */
  async loadConversation(identityKey: string): Promise<StoredConversation | null> {
    await this.tx
      .$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${identityKey}, 0))::text`;
    const row = await this.tx.conversation.findUnique({ where: { identityKey } });
    if (!row) return null;
    return {
      ...row,
      state: row.state as unknown as ConversationState,
      pendingReplies: row.pendingReplies as unknown as PendingReplies | null,
    };
  }

  async saveConversation(
    conversation: Omit<StoredConversation, 'id' | 'version'>,
    expectedVersion: number | null,
  ): Promise<void> {
    const { identityKey, contactId, state } = conversation;
    const pendingReplies = conversation.pendingReplies
      ? json(conversation.pendingReplies)
      : Prisma.DbNull;
    const { count } =
      expectedVersion === null
        ? await this.tx.conversation.createMany({
            data: [{ identityKey, contactId, state: json(state), pendingReplies }],
            skipDuplicates: true,
          })
        : await this.tx.conversation.updateMany({
            where: { identityKey, version: expectedVersion },
            data: { contactId, state: json(state), pendingReplies, version: { increment: 1 } },
          });
    if (count !== 1) throw new VersionConflictError(identityKey);
  }

  async deleteConversation(identityKey: string): Promise<void> {
    await this.tx.conversation.deleteMany({ where: { identityKey } });
  }

  async setPendingReplies(identityKey: string, pending: PendingReplies | null): Promise<void> {
    await this.tx.conversation.updateMany({
      where: { identityKey },
      data: { pendingReplies: pending ? json(pending) : Prisma.DbNull },
    });
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

  async forgetContact(contactId: string, at: Date): Promise<void> {
    const enrolled = await this.tx.enrolment.count({ where: { contactId } });
    if (enrolled === 0) {
      await this.tx.contact.deleteMany({ where: { id: contactId } });
      return;
    }
    await this.tx.contact.update({ where: { id: contactId }, data: { status: 'stopped' } });
    await this.cancelPending(contactId, at);
  }

  async findContactByIdentity(channel: string, externalId: string) {
    const identity = await this.tx.channelIdentity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      select: {
        contact: {
          select: { id: true, status: true, language: true, wijk: true, firstName: true },
        },
      },
    });
    return identity?.contact ?? null;
  }

  async cancelPending(contactId: string, at: Date): Promise<void> {
    await this.tx.followUp.updateMany({
      where: { enrolment: { contactId }, stage: { not: 'done' } },
      data: { stage: 'done', status: 'cancelled', closedAt: at },
    });
    await this.tx.invitation.updateMany({
      where: { contactId, sentAt: null },
      data: { sentAt: at, outcome: 'cancelled' },
    });
  }

  async eraseContact(contactId: string, at: Date): Promise<void> {
    await eraseContact(this.tx, contactId, at);
  }

  async describeContact(contactId: string): Promise<ContactRecord | null> {
    const c = await this.tx.contact.findUnique({
      where: { id: contactId },
      include: {
        identities: true,
        consents: { orderBy: { recordedAt: 'asc' } },
        answers: { orderBy: { answeredAt: 'asc' } },
        handoffs: { orderBy: { createdAt: 'asc' } },
        signUps: true,
        enrolments: { include: { cohort: true } },
      },
    });
    if (!c) return null;
    return {
      firstName: c.firstName,
      language: c.language,
      wijk: c.wijk,
      channels: c.identities.map((i) => i.channel),
      consents: c.consents
        .filter((x) => x.granted)
        .map((x) => ({ purpose: x.purpose, textVersion: x.textVersion, at: x.recordedAt })),
      answers: c.answers.map((a) => ({
        flow: a.flowId,
        name: a.name,
        value: a.value as AnswerValue,
        at: a.answeredAt,
      })),
      handoffs: c.handoffs.map((h) => ({
        number: h.number,
        reason: h.reason,
        status: h.status,
        at: h.createdAt,
      })),
      signUps: c.signUps.map((s) => ({ kind: s.kind, category: s.category, status: s.status })),
      enrolments: c.enrolments.map((e) => ({ cohort: e.cohort.name, training: e.cohort.training })),
    };
  }

  async completeFollowUp(
    contactId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void> {
    const yes = (v: AnswerValue | undefined) => (v === undefined ? null : v === 'yes');
    const num = (v: AnswerValue | undefined) => (v === undefined ? null : Number(v));
    await this.tx.followUp.updateMany({
      where: { enrolment: { contactId }, status: { in: ['sent', 'scheduled'] } },
      data: {
        status: 'answered',
        stage: 'done',
        answeredAt: at,
        closedAt: at,
        ladderNow: num(answers['ladderNow']),
        workFound: text(answers['workFound']),
        confidence: num(answers['confidence']),
        wijkTie: num(answers['wijkTie']),
        ambassador: yes(answers['ambassador']),
        contactWish: yes(answers['contactWish']),
      },
    });
  }

  async markUnreachable(channel: string, externalId: string): Promise<void> {
    const contact = await this.findContactByIdentity(channel, externalId);
    if (!contact) return;
    await this.tx.contact.update({ where: { id: contact.id }, data: { status: 'blocked' } });
    await this.cancelPending(contact.id, new Date());
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
        indicator: answer.indicator,
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

  async saveSignUp(
    contactId: string,
    runId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void> {
    const signUp = {
      contactId,
      kind: text(answers['kind']) ?? 'offer',
      category: text(answers['category']) ?? 'other',
      description: text(answers['description']) ?? '',
      helperGain: text(answers['helperGain']),
      availability: list(answers['availability']),
      mobility: text(answers['mobility']),
      wijk: text(answers['wijk']),
      contactPreference: text(answers['contactPreference']),
      correction: text(answers['correction']),
      createdAt: at,
    };
    await this.tx.signUp.upsert({
      where: { runId },
      create: { runId, ...signUp },
      update: signUp,
    });
  }

  async loadChoiceSets(): Promise<ChoiceSets> {
    const wijken = await this.tx.wijk.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true },
    });
    return { wijken };
  }

  async hasOpenHandoff(contactId: string): Promise<boolean> {
    const open = await this.tx.handoff.count({
      where: { contactId, status: { not: 'closed' }, reason: { not: 'safety_signal' } },
    });
    return open > 0;
  }

  async createHandoff(
    contactId: string,
    handoff: {
      reason: string;
      urgency: string;
      wijk: string | null;
      summary: { flow: string | null; answers: Record<string, AnswerValue> };
      at: Date;
    },
  ): Promise<string> {
    const candidates = await this.tx.verbinder.findMany({
      where: { active: true, linkedAt: { not: null } },
      select: {
        id: true,
        role: true,
        wijkId: true,
        _count: { select: { owned: { where: { status: { not: 'closed' } } } } },
      },
    });
    const ownerId = chooseOwner(
      candidates.map((c) => ({ ...c, openHandoffs: c._count.owned })),
      handoff.wijk,
    );
    const { at, ...fields } = handoff;
    const row = await this.tx.handoff.create({
      data: { contactId, ...fields, ownerId, summary: json(handoff.summary), createdAt: at },
      select: { id: true },
    });
    return row.id;
  }
}
