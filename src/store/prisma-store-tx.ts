/**
 * A turn that is not ordinary, as one Prisma interactive transaction: consent, erasure, a
 * hand-off, a finished record, "my data". Rare, so the model API is fine here; the
 * conversation and the outbox go through the same SQL as the hot path (`PrismaStoreTx` runs
 * it inside the transaction), with the conversation's version as the guard against a second
 * process. Timestamps without time zone hold UTC, as Prisma writes them.
 */
import { randomUUID } from 'node:crypto';
import type {
  ChatAddress,
  EnqueueOptions,
  OutboxEntry,
  OutboxLease,
} from '../conversations/outbox-ports.js';
import type {
  AnswerRow,
  ContactRecord,
  ContactSnapshot,
  HandoffRequest,
  OwnerCandidateRow,
  RelayMessageRow,
  StoreTx,
  StoredConversation,
} from '../conversations/ports.js';
import { VersionConflictError } from '../conversations/ports.js';
import type { AnswerValue } from '../flows/state.js';
import { matchLasted } from '../flows/definitions/match-check-up.js';
import { contactDetailsOf, keepContactDetail } from './contact-detail-repository.js';
import { eraseContact } from './erase-contact.js';
import { Prisma } from './generated/client.js';
import { recordOfferChoice } from './offer-repository.js';
import { OutboxRepository } from './outbox-repository.js';
import { ScheduledMessageRepository } from './scheduled-message-repository.js';
import { prismaSql } from './sql/prisma-sql.js';
import { json as jsonText, utc, type SqlClient } from './sql/sql-client.js';

type Tx = Prisma.TransactionClient;

const json = (value: unknown) => value as Prisma.InputJsonValue;
const contactColumns = Prisma.sql`"id", "status", "language", "wijk", "firstName"`;
const list = (v: AnswerValue | undefined) => (Array.isArray(v) ? v : v ? [String(v)] : []);
const text = (value: AnswerValue | undefined) =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : String(value);

export class PrismaStoreTx implements StoreTx {
  private readonly sql: SqlClient;

  constructor(
    private readonly tx: Tx,
    private readonly leaseSeconds: number,
  ) {
    this.sql = prismaSql(tx);
  }

  async markProcessed(channel: string, messageId: string, at: Date): Promise<boolean> {
    const inserted = await this.tx.$executeRaw`
      INSERT INTO "ProcessedInbound" ("channel", "messageId", "processedAt")
      VALUES (${channel}, ${messageId}, ${utc(at)}::timestamp(3))
      ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  async loadConversation(identityKey: string): Promise<StoredConversation | null> {
    const [row] = await this.tx.$queryRaw<StoredConversation[]>`
      SELECT "identityKey", "contactId", "state", "version"
      FROM "Conversation" WHERE "identityKey" = ${identityKey}`;
    return row ?? null;
  }

  async saveConversation(
    conversation: Omit<StoredConversation, 'version'>,
    expectedVersion: number | null,
    at: Date,
  ): Promise<void> {
    const { identityKey, contactId } = conversation;
    const state = jsonText(conversation.state);
    const now = utc(at);
    const count =
      expectedVersion === null
        ? await this.tx.$executeRaw`
            INSERT INTO "Conversation"
              ("id", "identityKey", "contactId", "state", "createdAt", "updatedAt")
            VALUES (${randomUUID()}, ${identityKey}, ${contactId}, ${state}::jsonb,
              ${now}::timestamp(3), ${now}::timestamp(3))
            ON CONFLICT DO NOTHING`
        : await this.tx.$executeRaw`
            UPDATE "Conversation"
            SET "contactId" = ${contactId}, "state" = ${state}::jsonb, "version" = "version" + 1,
              "updatedAt" = ${now}::timestamp(3)
            WHERE "identityKey" = ${identityKey} AND "version" = ${expectedVersion}`;
    if (count !== 1) throw new VersionConflictError(identityKey);
  }

  async deleteConversation(identityKey: string): Promise<void> {
    await this.tx.conversation.deleteMany({ where: { identityKey } });
  }

  async loadContact(contactId: string): Promise<ContactSnapshot | null> {
    const [contact] = await this.tx.$queryRaw<ContactSnapshot[]>`
      SELECT ${contactColumns} FROM "Contact" WHERE "id" = ${contactId}`;
    return contact ?? null;
  }

  async markInbound(contactId: string, at: Date): Promise<void> {
    await this.tx.$executeRaw`
      UPDATE "Contact"
      SET "status" = 'active', "lastInboundAt" = ${utc(at)}::timestamp(3),
        "updatedAt" = ${utc(at)}::timestamp(3)
      WHERE "id" = ${contactId}`;
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
    // A new preferred time moves what is already planned into it.
    if (fields.preferredTime !== undefined) {
      await new ScheduledMessageRepository(this.tx).replaceForContact(
        contactId,
        fields.preferredTime,
      );
    }
  }

  async forgetContact(contactId: string, at: Date): Promise<void> {
    const enrolled = await this.tx.enrolment.count({ where: { contactId } });
    if (enrolled === 0) {
      await this.tx.contact.deleteMany({ where: { id: contactId } });
      return;
    }
    await this.tx.contact.update({
      where: { id: contactId },
      data: { status: 'stopped', preferredTime: null },
    });
    await this.cancelPending(contactId, at);
  }

  async findContactByIdentity(channel: string, externalId: string) {
    const [contact] = await this.tx.$queryRaw<ContactSnapshot[]>`
      SELECT ${contactColumns} FROM "Contact" WHERE "id" = (
        SELECT "contactId" FROM "ChannelIdentity"
        WHERE "channel" = ${channel} AND "externalId" = ${externalId})`;
    return contact ?? null;
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
    await new ScheduledMessageRepository(this.tx).cancelPending(contactId, at);
  }

  async scheduleMessage(input: {
    kind: string;
    channel: string;
    contactId: string;
    subject: string;
    dueAt: Date;
  }): Promise<void> {
    await new ScheduledMessageRepository(this.tx).schedule(input);
  }

  async completeMatchCheckUp(
    contactId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void> {
    const asked = await new ScheduledMessageRepository(this.tx).lastSent(contactId, [
      'matchCheckUp',
      'matchLastCheckUp',
    ]);
    const matchId = asked && /^match:([^:]+):/.exec(asked.subject)?.[1];
    if (!matchId || asked.kind !== 'matchLastCheckUp') return;
    const lasting = matchLasted(answers);
    if (lasting === null) return;
    // A verbinder's judgement stands; the other resident's "no" outweighs a "yes".
    await this.tx.match.updateMany({
      where: {
        id: matchId,
        OR: [{ lastingJudgedAt: null }, { lastingBy: 'checkUp', lasting: true }],
      },
      data: { lasting, lastingJudgedAt: at, lastingBy: 'checkUp' },
    });
  }

  async eraseContact(contactId: string, at: Date): Promise<void> {
    await eraseContact(this.tx, contactId, at);
  }

  async keepContactDetail(
    contactId: string,
    detail: { kind: string; value: string; purpose: string; at: Date },
  ): Promise<void> {
    await keepContactDetail(this.tx, { contactId, ...detail });
  }

  async describeContact(contactId: string): Promise<ContactRecord | null> {
    const c = await this.tx.contact.findUnique({
      where: { id: contactId },
      include: {
        identities: true,
        consents: { orderBy: { recordedAt: 'asc' } },
        answers: { orderBy: { answeredAt: 'asc' } },
        handoffs: {
          orderBy: { createdAt: 'asc' },
          include: {
            notes: { orderBy: { createdAt: 'asc' } },
            relayed: { orderBy: { createdAt: 'asc' } },
          },
        },
        signUps: true,
        enrolments: { include: { cohort: true } },
        offerChoices: {
          include: { offer: { select: { name: true } } },
          orderBy: { chosenAt: 'asc' },
        },
      },
    });
    if (!c) return null;
    return {
      firstName: c.firstName,
      language: c.language,
      wijk: c.wijk,
      preferredTime: c.preferredTime,
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
      notes: c.handoffs.flatMap((h) =>
        h.notes.map((n) => ({ handoff: h.number, text: n.text, at: n.createdAt })),
      ),
      relayed: c.handoffs.flatMap((h) =>
        h.relayed.map((m) => ({
          handoff: h.number,
          direction: m.direction,
          text: m.text ?? m.savedReply ?? m.mediaKind,
          at: m.createdAt,
        })),
      ),
      signUps: c.signUps.map((s) => ({ kind: s.kind, category: s.category, status: s.status })),
      enrolments: c.enrolments.map((e) => ({ cohort: e.cohort.name, training: e.cohort.training })),
      offerChoices: c.offerChoices.map((o) => ({
        offer: o.offer.name,
        action: o.action,
        at: o.chosenAt,
      })),
      details: await contactDetailsOf(this.tx, contactId),
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

  async markUnreachable(channel: string, externalId: string, at: Date): Promise<void> {
    const contact = await this.findContactByIdentity(channel, externalId);
    if (!contact) return;
    await this.tx.contact.update({ where: { id: contact.id }, data: { status: 'blocked' } });
    await this.cancelPending(contact.id, at);
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

  async saveAnswer(contactId: string, answer: AnswerRow & { at: Date }): Promise<void> {
    await this.tx.$executeRaw`
      INSERT INTO "Answer" ("id", "contactId", "runId", "flowId", "flowVersion", "stepId",
        "name", "value", "indicator", "answeredAt")
      VALUES (${randomUUID()}, ${contactId}, ${answer.runId}, ${answer.flowId},
        ${answer.flowVersion}, ${answer.stepId}, ${answer.name}, ${jsonText(answer.value)}::jsonb,
        ${answer.indicator}, ${utc(answer.at)}::timestamp(3))`;
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

  async recordOfferChoice(
    contactId: string,
    choice: { offerId: string; action: 'go' | 'details'; wijk: string | null; at: Date },
  ): Promise<void> {
    await recordOfferChoice(this.tx, { contactId, ...choice });
  }

  async ownerCandidates(): Promise<OwnerCandidateRow[]> {
    const candidates = await this.tx.verbinder.findMany({
      where: { active: true, linkedAt: { not: null } },
      select: {
        id: true,
        role: true,
        wijkId: true,
        language: true,
        languages: true,
        channel: true,
        externalId: true,
        _count: { select: { owned: { where: { status: { not: 'closed' } } } } },
      },
    });
    return candidates.map(({ _count, ...c }) => ({ ...c, openHandoffs: _count.owned }));
  }

  async insertHandoff(
    contactId: string,
    handoff: HandoffRequest & { ownerId: string | null },
  ): Promise<string> {
    const { at, ...fields } = handoff;
    const row = await this.tx.handoff.create({
      data: {
        contactId,
        ...fields,
        summary: json(handoff.summary),
        createdAt: at,
        alertRaisedAt: at,
      },
      select: { id: true },
    });
    return row.id;
  }

  async claimedHandoff(contactId: string) {
    const h = await this.tx.handoff.findFirst({
      where: { contactId, status: 'claimed' },
      orderBy: { claimedAt: 'desc' },
      select: { id: true, claimedBy: { select: { channel: true, externalId: true } } },
    });
    if (!h) return null;
    const { channel, externalId } = h.claimedBy ?? {};
    return { id: h.id, claimer: channel && externalId ? { channel, externalId } : null };
  }

  async insertRelayMessage(row: RelayMessageRow): Promise<string> {
    const { at, ...fields } = row;
    const created = await this.tx.relayMessage.create({
      data: { ...fields, createdAt: at },
      select: { id: true },
    });
    return created.id;
  }

  async enqueue(
    chat: ChatAddress,
    entries: OutboxEntry[],
    lease: string | null,
    at: Date,
    options: EnqueueOptions = {},
  ): Promise<OutboxLease | null> {
    return new OutboxRepository(this.sql, this.leaseSeconds).enqueue(
      chat,
      entries,
      lease,
      at,
      options,
    );
  }
}
