/**
 * Conversations, as the message pipeline reads and writes them: one statement to read
 * everything a message needs (was it handled before, the conversation, the contact, an open
 * hand-off, whether the sender is staff), one statement to write an ordinary turn (the
 * inbound id, the conversation guarded by its version, the contact — created at consent —,
 * consents, the answers and the replies into the outbox, with data-modifying CTEs), both on
 * the SQL port, so a message costs two statements plus one per reply sent. Turns that do more (consent, erasure, a
 * hand-off, a finished record) run as a Prisma transaction (`PrismaStoreTx`). The wijken are
 * cached for `choiceSetsTtlMs`.
 */
import { randomUUID } from 'node:crypto';
import type {
  ContactSnapshot,
  ConversationStore,
  StaffIdentity,
  StoreTx,
  TurnSnapshot,
  TurnWrite,
} from '../conversations/ports.js';
import { DuplicateDeliveryError, VersionConflictError } from '../conversations/ports.js';
import type { OutboxLease } from '../conversations/outbox-ports.js';
import type { ConversationState } from '../flows/state.js';
import type { ChoiceSets } from '../flows/step-view.js';
import type { PrismaClient } from './generated/client.js';
import { leaseFrom, outboxWriteCtes, type WrittenChat } from './outbox-repository.js';
import { PrismaStoreTx } from './prisma-store-tx.js';
import { isUniqueViolation, json, utc, type SqlClient } from './sql/sql-client.js';
import { TransactionSlots } from './transaction-slots.js';

interface SnapshotRow {
  processed: boolean;
  state: ConversationState | null;
  version: number | null;
  conversationContactId: string | null;
  conversationKey: string | null;
  contactId: string | null;
  status: string | null;
  language: string | null;
  wijk: string | null;
  firstName: string | null;
  handoffOpen: boolean;
  relay: boolean;
  verbinderAvailable: boolean;
  staffId: string | null;
  staffName: string | null;
  staffLanguage: string | null;
}

const readTurn = `
SELECT
  EXISTS (SELECT 1 FROM "ProcessedInbound" WHERE "channel" = $1 AND "messageId" = $4::text) AS "processed",
  c."identityKey" AS "conversationKey", c."state", c."version", c."contactId" AS "conversationContactId",
  k."id" AS "contactId", k."status", k."language", k."wijk", k."firstName",
  (k."id" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "Handoff" h
    WHERE h."contactId" = k."id" AND h."status" <> 'closed' AND h."reason" <> 'safety_signal'
  )) AS "handoffOpen",
  (k."id" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "Handoff" h WHERE h."contactId" = k."id" AND h."status" = 'claimed'
  )) AS "relay",
  EXISTS (
    SELECT 1 FROM "Verbinder" w
    WHERE w."active" AND w."linkedAt" IS NOT NULL
      AND (w."role" = 'coordinator' OR (w."role" = 'verbinder' AND w."wijkId" = k."wijk"))
  ) AS "verbinderAvailable",
  v."id" AS "staffId", v."name" AS "staffName", v."language" AS "staffLanguage"
FROM (SELECT 1) AS one
LEFT JOIN "Conversation" c ON c."identityKey" = $3
LEFT JOIN "Contact" k ON k."id" = COALESCE(c."contactId", (
  SELECT i."contactId" FROM "ChannelIdentity" i WHERE i."channel" = $1 AND i."externalId" = $2))
LEFT JOIN LATERAL (
  SELECT "id", "name", "language" FROM "Verbinder"
  WHERE "channel" = $1 AND "externalId" = $2 AND "active" LIMIT 1
) v ON TRUE`;

/**
 * The write of an ordinary turn. A new conversation is inserted, a known one updated only at
 * the version read; everything else is gated on that, so a conflict writes nothing. The
 * inbound id is inserted without ON CONFLICT: a message processed already fails the whole
 * statement with a unique violation, which is how a duplicate is told.
 */
const writeTurn = `
WITH inserted AS (
  INSERT INTO "Conversation" ("id", "identityKey", "contactId", "state", "version", "createdAt", "updatedAt")
  SELECT $13, $1, $4::text, $2::jsonb, 0, $5::timestamp(3), $5::timestamp(3) WHERE $3::int IS NULL
  ON CONFLICT ("identityKey") DO NOTHING
  RETURNING 1 AS "one"
),
updated AS (
  UPDATE "Conversation" SET "contactId" = $4::text, "state" = $2::jsonb,
    "version" = "version" + 1, "updatedAt" = $5::timestamp(3)
  WHERE "identityKey" = $1 AND "version" = $3::int
  RETURNING 1 AS "one"
),
saved AS (SELECT "one" FROM inserted UNION ALL SELECT "one" FROM updated),
created AS (
  INSERT INTO "Contact" ("id", "firstName", "language", "wijk", "status", "createdAt", "updatedAt",
    "lastInboundAt")
  SELECT n."id", n."firstName", n."language", n."wijk", 'active', $5::timestamp(3), $5::timestamp(3),
    $5::timestamp(3)
  FROM jsonb_to_record($17::jsonb) AS n("id" text, "firstName" text, "language" text, "wijk" text)
  WHERE $17::jsonb IS NOT NULL AND EXISTS (SELECT 1 FROM saved)
  RETURNING "id"
),
identity AS (
  INSERT INTO "ChannelIdentity" ("id", "channel", "externalId", "contactId", "createdAt")
  SELECT gen_random_uuid()::text, $17::jsonb->>'channel', $17::jsonb->>'externalId', c."id",
    $5::timestamp(3)
  FROM created c
  RETURNING 1
),
consented AS (
  INSERT INTO "ConsentRecord" ("id", "contactId", "purpose", "textVersion", "granted", "recordedAt")
  SELECT gen_random_uuid()::text, $4::text, r."purpose", r."textVersion", TRUE, $5::timestamp(3)
  FROM jsonb_to_recordset($18::jsonb) AS r("purpose" text, "textVersion" int)
  WHERE EXISTS (SELECT 1 FROM saved)
  RETURNING 1
),
processed AS (
  INSERT INTO "ProcessedInbound" ("channel", "messageId", "processedAt")
  SELECT $6::text, $7::text, $5::timestamp(3) FROM saved WHERE $7::text IS NOT NULL
  RETURNING 1
),
contact AS (
  UPDATE "Contact" SET
    "status" = CASE WHEN ($8::jsonb->>'inbound')::boolean THEN 'active' ELSE "status" END,
    "lastInboundAt" = CASE WHEN ($8::jsonb->>'inbound')::boolean
      THEN $5::timestamp(3) ELSE "lastInboundAt" END,
    "language" = COALESCE($8::jsonb->>'language', "language"),
    "wijk" = COALESCE($8::jsonb->>'wijk', "wijk"),
    "firstName" = COALESCE($8::jsonb->>'firstName', "firstName"),
    "updatedAt" = $5::timestamp(3)
  WHERE "id" = $4::text AND $8::jsonb IS NOT NULL AND EXISTS (SELECT 1 FROM saved)
  RETURNING 1
),
answers AS (
  INSERT INTO "Answer" ("id", "contactId", "runId", "flowId", "flowVersion", "stepId", "name",
    "value", "indicator", "answeredAt")
  SELECT gen_random_uuid()::text, $4::text, a."runId", a."flowId", a."flowVersion", a."stepId",
    a."name", a."value", a."indicator", $5::timestamp(3)
  FROM jsonb_to_recordset($9::jsonb) AS a("runId" text, "flowId" text, "flowVersion" int,
    "stepId" text, "name" text, "value" jsonb, "indicator" text)
  WHERE EXISTS (SELECT 1 FROM saved)
  RETURNING 1
),
${outboxWriteCtes(
  {
    key: '$10',
    channel: '$11',
    address: '$12',
    entries: '$14',
    lease: '$15',
    seconds: '$16',
    at: '$5',
  },
  'EXISTS (SELECT 1 FROM saved)',
)}
SELECT (SELECT count(*)::int FROM saved) AS "saved",
  c."lastSeq", c."doneSeq", c."leasedBy" = $15::text AS "leased"
FROM (SELECT 1) AS one LEFT JOIN outbox_chat c ON TRUE`;

export interface ConversationRepositoryOptions {
  /** How long the wijken are kept in memory; a wijk added elsewhere shows up after this. */
  choiceSetsTtlMs?: number;
  /** How long an outbox lease lasts (see OutboxRepository). */
  leaseSeconds?: number;
  /** Transactions of turns that are not ordinary at a time (below the pool's 10). */
  transactionSlots?: number;
}

export class ConversationRepository implements ConversationStore {
  private choiceSetsCache: { at: number; sets: Promise<ChoiceSets> } | undefined;
  private readonly slots: TransactionSlots;

  constructor(
    private readonly sql: SqlClient,
    private readonly prisma: PrismaClient,
    private readonly options: ConversationRepositoryOptions = {},
  ) {
    this.slots = new TransactionSlots(options.transactionSlots ?? 6);
  }

  async read(input: {
    channel: string;
    userId: string;
    identityKey: string;
    delivery: string | null;
  }): Promise<TurnSnapshot> {
    const [r] = await this.sql.query<SnapshotRow>(readTurn, [
      input.channel,
      input.userId,
      input.identityKey,
      input.delivery,
    ]);
    if (!r) throw new Error('the turn read returned no row');
    const contact: ContactSnapshot | null = r.contactId
      ? {
          id: r.contactId,
          status: r.status!,
          language: r.language!,
          wijk: r.wijk,
          firstName: r.firstName,
        }
      : null;
    const staff: StaffIdentity | null = r.staffId
      ? { id: r.staffId, name: r.staffName!, language: r.staffLanguage! }
      : null;
    return {
      processed: r.processed,
      conversation:
        r.conversationKey && r.state && r.version !== null
          ? {
              identityKey: r.conversationKey,
              contactId: r.conversationContactId,
              state: r.state,
              version: r.version,
            }
          : null,
      contact,
      handoffOpen: r.handoffOpen,
      relay: r.relay,
      verbinderAvailable: r.verbinderAvailable,
      staff,
    };
  }

  async write(turn: TurnWrite): Promise<OutboxLease | null> {
    const { outbox } = turn;
    let written: (WrittenChat & { saved: number }) | undefined;
    try {
      [written] = await this.sql.query<WrittenChat & { saved: number }>(writeTurn, [
        turn.identityKey,
        json(turn.state),
        turn.expectedVersion,
        turn.contactId,
        utc(turn.at),
        turn.delivery?.channel ?? null,
        turn.delivery?.messageId ?? null,
        json(turn.contact),
        json(turn.answers),
        outbox?.chat.key ?? null,
        outbox?.chat.channel ?? null,
        outbox?.chat.address ?? null,
        randomUUID(),
        json(outbox?.entries ?? []),
        outbox?.lease ?? null,
        this.options.leaseSeconds ?? 10,
        json(turn.newContact),
        json(turn.consents),
      ]);
    } catch (error) {
      if (isUniqueViolation(error, 'ProcessedInbound_pkey')) {
        throw new DuplicateDeliveryError(turn.identityKey);
      }
      throw error;
    }
    if (!written || written.saved !== 1) throw new VersionConflictError(turn.identityKey);
    return outbox ? leaseFrom(outbox.chat, outbox.entries, outbox.lease, written) : null;
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.slots.run(() =>
      this.prisma.$transaction(
        (tx) => work(new PrismaStoreTx(tx, this.options.leaseSeconds ?? 10)),
        { maxWait: 10_000, timeout: 20_000 },
      ),
    );
  }

  choiceSets(): Promise<ChoiceSets> {
    const ttl = this.options.choiceSetsTtlMs ?? 30_000;
    const cached = this.choiceSetsCache;
    if (cached && Date.now() - cached.at < ttl) return cached.sets;
    const sets = this.sql
      .query<{ id: string; name: string }>(
        `SELECT "id", "name" FROM "Wijk" WHERE "active" ORDER BY "sortOrder", "name"`,
      )
      .then((wijken) => ({ wijken }));
    this.choiceSetsCache = { at: Date.now(), sets };
    sets.catch(() => (this.choiceSetsCache = undefined));
    return sets;
  }

  /** Forgets the cached wijken, e.g. after a wijk was added in this process. */
  invalidateChoiceSets(): void {
    this.choiceSetsCache = undefined;
  }
}
