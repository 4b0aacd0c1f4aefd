/**
 * The outbox in SQL: one statement per step, none held across a send. Lease times are the
 * database's clock (`timezone('UTC', now())`), so processes on different hosts agree on when
 * a lease ran out. Writing messages is a pair of data-modifying CTEs (`outboxWriteCtes`) that
 * the turn's single write statement embeds as well.
 */
import type {
  ChatAddress,
  EnqueueOptions,
  MarkedDone,
  OutboxEntry,
  OutboxLease,
  OutboxOutcome,
  OutboxRow,
  OutboxStore,
} from '../conversations/outbox-ports.js';
import { json, utc, type SqlClient, type SqlParam } from './sql/sql-client.js';

const now = `timezone('UTC', now())`;
const free = (o: string) => `(${o}."leasedUntil" IS NULL OR ${o}."leasedUntil" < ${now})`;

/**
 * The CTEs `outbox_chat` and `outbox_written` that write `entries` (a jsonb array) into a
 * chat's outbox, numbered after what is there (the upsert's row lock orders concurrent
 * writers), and lease the chat to `lease` when nobody holds it. `gate` is a condition the
 * write depends on (the conversation saved); each argument is a placeholder such as `$5`.
 */
export function outboxWriteCtes(
  p: Record<'key' | 'channel' | 'address' | 'entries' | 'lease' | 'seconds' | 'at', string> & {
    forget?: string;
  },
  gate = 'TRUE',
): string {
  const forget = p.forget ? `${p.forget}::boolean` : 'FALSE';
  const lease = `${p.lease}::text`;
  const take = `EXCLUDED."leasedBy" IS NOT NULL AND ${free('o')}`;
  return `outbox_chat AS (
  INSERT INTO "OutboxChat" AS o
    ("key", "channel", "address", "lastSeq", "leasedBy", "leasedUntil", "forget", "updatedAt")
  SELECT ${p.key}::text, ${p.channel}::text, ${p.address}::text, jsonb_array_length(${p.entries}::jsonb), ${lease},
    CASE WHEN ${lease} IS NULL THEN NULL ELSE ${now} + make_interval(secs => ${p.seconds}::float8) END,
    ${forget}, ${now}
  WHERE ${gate} AND jsonb_array_length(${p.entries}::jsonb) > 0
  ON CONFLICT ("key") DO UPDATE SET
    "lastSeq" = o."lastSeq" + EXCLUDED."lastSeq",
    "address" = EXCLUDED."address",
    "leasedBy" = CASE WHEN ${take} THEN EXCLUDED."leasedBy" ELSE o."leasedBy" END,
    "leasedUntil" = CASE WHEN ${take} THEN EXCLUDED."leasedUntil" ELSE o."leasedUntil" END,
    "forget" = o."forget" OR EXCLUDED."forget",
    "updatedAt" = EXCLUDED."updatedAt"
  RETURNING "key", "lastSeq", "doneSeq", "leasedBy"
),
outbox_written AS (
  INSERT INTO "OutboxMessage" ("chatKey", "seq", "kind", "body", "subject", "once", "createdAt")
  SELECT c."key", c."lastSeq" - jsonb_array_length(${p.entries}::jsonb) + e.ord::int,
    e.entry->>'kind', e.entry->'body', e.entry->>'subject',
    coalesce((e.entry->>'once')::boolean, FALSE), ${p.at}::timestamp(3)
  FROM outbox_chat c, jsonb_array_elements(${p.entries}::jsonb) WITH ORDINALITY AS e(entry, ord)
  RETURNING 1
)`;
}

/** What the write CTEs return about the chat, for `leaseFrom`. */
export interface WrittenChat {
  lastSeq: number | null;
  doneSeq: number | null;
  leased: boolean | null;
}

/**
 * The lease a write took, if it took one, with its first message when that is the chat's
 * next (nothing older waits): then the sender needs no read before sending.
 */
export function leaseFrom(
  chat: ChatAddress,
  entries: readonly OutboxEntry[],
  token: string | null,
  written: WrittenChat | undefined,
): OutboxLease | null {
  if (!token || !written?.leased || written.lastSeq === null || written.doneSeq === null) {
    return null;
  }
  const first = written.lastSeq - entries.length + 1;
  const entry = entries[0];
  const next =
    entry && written.doneSeq + 1 === first
      ? {
          seq: first,
          kind: entry.kind,
          body: entry.body,
          attempts: 0,
          once: !!entry.once,
          started: false,
        }
      : null;
  return { chat, token, next };
}

/** The columns a sender reads of a message, as `m`. */
const messageColumns = `m."seq", m."kind", m."body", m."attempts", m."once", m."startedAt" IS NOT NULL AS "started"`;

interface MessageColumns {
  seq: number | null;
  kind: string | null;
  body: unknown;
  attempts: number | null;
  once: boolean | null;
  started: boolean | null;
}

interface RowWithChat extends MessageColumns {
  key: string;
  channel: string;
  address: string;
}

const row = (r: MessageColumns): OutboxRow | null =>
  r.seq === null || r.kind === null
    ? null
    : {
        seq: r.seq,
        kind: r.kind,
        body: r.body,
        attempts: r.attempts ?? 0,
        once: !!r.once,
        started: !!r.started,
      };

export class OutboxRepository implements OutboxStore {
  constructor(
    private readonly sql: SqlClient,
    /** How long a lease lasts before another sender may take over. */
    readonly leaseSeconds = 10,
  ) {}

  async enqueue(
    chat: ChatAddress,
    entries: OutboxEntry[],
    lease: string | null,
    at: Date,
    options: EnqueueOptions = {},
  ): Promise<OutboxLease | null> {
    if (entries.length === 0) return null;
    const params: SqlParam[] = [
      chat.key,
      chat.channel,
      chat.address,
      json(entries),
      lease,
      this.leaseSeconds,
      utc(at),
      options.forget ?? false,
    ];
    const ctes = outboxWriteCtes({
      key: '$1',
      channel: '$2',
      address: '$3',
      entries: '$4',
      lease: '$5',
      seconds: '$6',
      at: '$7',
      forget: '$8',
    });
    const [written] = await this.sql.query<WrittenChat>(
      `WITH ${ctes}
      SELECT "lastSeq", "doneSeq", "leasedBy" = $5::text AS "leased",
        (SELECT count(*)::int FROM outbox_written) AS "written"
      FROM outbox_chat`,
      params,
    );
    return leaseFrom(chat, entries, lease, written);
  }

  async acquire(key: string, token: string): Promise<OutboxLease | null> {
    const [found] = await this.sql.query<RowWithChat>(
      `WITH chat AS (
        UPDATE "OutboxChat" SET "leasedBy" = $2, "leasedUntil" = ${now} + make_interval(secs => $3::float8)
        WHERE "key" = $1 AND "lastSeq" > "doneSeq" AND ${free('"OutboxChat"')}
        RETURNING "key", "channel", "address", "doneSeq"
      )
      SELECT c."key", c."channel", c."address", ${messageColumns}
      FROM chat c LEFT JOIN "OutboxMessage" m ON m."chatKey" = c."key" AND m."seq" = c."doneSeq" + 1`,
      [key, token, this.leaseSeconds],
    );
    if (!found) return null;
    const { channel, address } = found;
    return { chat: { key, channel, address }, token, next: row(found) };
  }

  async next(key: string, token: string): Promise<OutboxRow | null> {
    const [found] = await this.sql.query<MessageColumns>(
      `SELECT ${messageColumns}
      FROM "OutboxChat" c JOIN "OutboxMessage" m ON m."chatKey" = c."key" AND m."seq" = c."doneSeq" + 1
      WHERE c."key" = $1 AND c."leasedBy" = $2`,
      [key, token],
    );
    return found ? row(found) : null;
  }

  async markDone(
    key: string,
    seq: number,
    token: string,
    outcome: OutboxOutcome,
    platformId: string | null,
  ): Promise<MarkedDone> {
    const [found] = await this.sql.query<{ lastSeq: number; forget: boolean } & MessageColumns>(
      `WITH chat AS (
        UPDATE "OutboxChat" SET
          "doneSeq" = GREATEST("doneSeq", $2::int),
          "leasedBy" = CASE WHEN "lastSeq" > $2::int THEN "leasedBy" END,
          "leasedUntil" = CASE WHEN "lastSeq" > $2::int
            THEN ${now} + make_interval(secs => $6::float8) END,
          "updatedAt" = ${now}
        WHERE "key" = $1 AND "leasedBy" = $3
        RETURNING "lastSeq", "forget"
      ),
      done AS (
        UPDATE "OutboxMessage"
        SET "doneAt" = ${now}, "outcome" = $4, "platformId" = $5, "body" = NULL
        WHERE "chatKey" = $1 AND "seq" = $2::int AND "doneAt" IS NULL AND EXISTS (SELECT 1 FROM chat)
        RETURNING 1
      )
      SELECT c."lastSeq", c."forget", ${messageColumns}
      FROM chat c LEFT JOIN "OutboxMessage" m ON m."chatKey" = $1 AND m."seq" = $2::int + 1`,
      [key, seq, token, outcome, platformId, this.leaseSeconds],
    );
    if (!found) return { held: false, next: null, more: false, forget: false };
    const next = row(found);
    const more = next === null && found.lastSeq > seq;
    return { held: true, next, more, forget: found.forget && next === null && !more };
  }

  async begin(key: string, seq: number, token: string): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE "OutboxMessage" SET "startedAt" = ${now}
      WHERE "chatKey" = $1 AND "seq" = $2::int
        AND EXISTS (SELECT 1 FROM "OutboxChat" WHERE "key" = $1 AND "leasedBy" = $3)
      RETURNING 1 AS "begun"`,
      [key, seq, token],
    );
    return rows.length === 1;
  }

  async forget(key: string): Promise<void> {
    await this.sql.query(
      `DELETE FROM "OutboxChat"
      WHERE "key" = $1 AND "forget" AND "lastSeq" = "doneSeq" AND "leasedBy" IS NULL`,
      [key],
    );
  }

  async release(key: string, token: string): Promise<void> {
    await this.sql.query(
      `UPDATE "OutboxChat" SET "leasedBy" = NULL, "leasedUntil" = NULL
      WHERE "key" = $1 AND "leasedBy" = $2`,
      [key, token],
    );
  }

  async renew(key: string, token: string): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE "OutboxChat" SET "leasedUntil" = ${now} + make_interval(secs => $3::float8)
      WHERE "key" = $1 AND "leasedBy" = $2 RETURNING 1 AS "held"`,
      [key, token, this.leaseSeconds],
    );
    return rows.length === 1;
  }

  async retryLater(key: string, seq: number, token: string, delaySeconds: number): Promise<number> {
    const [found] = await this.sql.query<{ attempts: number }>(
      `WITH chat AS (
        UPDATE "OutboxChat" SET "leasedBy" = NULL,
          "leasedUntil" = ${now} + make_interval(secs => $4::float8)
        WHERE "key" = $1 AND "leasedBy" = $3
        RETURNING 1
      )
      UPDATE "OutboxMessage" SET "attempts" = "attempts" + 1, "startedAt" = NULL
      WHERE "chatKey" = $1 AND "seq" = $2::int AND EXISTS (SELECT 1 FROM chat)
      RETURNING "attempts"`,
      [key, seq, token, delaySeconds],
    );
    return found?.attempts ?? 0;
  }

  async progress(key: string): Promise<{ lastSeq: number; doneSeq: number } | null> {
    const [found] = await this.sql.query<{ lastSeq: number; doneSeq: number }>(
      `SELECT "lastSeq", "doneSeq" FROM "OutboxChat" WHERE "key" = $1`,
      [key],
    );
    return found ?? null;
  }

  async waiting(channels: readonly string[], limit: number): Promise<string[]> {
    const rows = await this.sql.query<{ key: string }>(
      `SELECT "key" FROM "OutboxChat"
      WHERE "lastSeq" > "doneSeq" AND "channel" IN (SELECT jsonb_array_elements_text($1::jsonb))
        AND ${free('"OutboxChat"')}
      ORDER BY "updatedAt" LIMIT $2::int`,
      [json(channels), limit],
    );
    return rows.map((r) => r.key);
  }

  /**
   * Whether a message that goes out once, written to a chat at or after `since` (app clock),
   * was in flight when its sender died: recorded as uncertain, or begun and not done.
   */
  async uncertainSince(key: string, since: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 AS "found" FROM "OutboxMessage"
      WHERE "chatKey" = $1 AND "createdAt" >= $2::timestamp(3) AND (
        "outcome" = 'uncertain' OR ("once" AND "doneAt" IS NULL AND "startedAt" IS NOT NULL))
      LIMIT 1`,
      [key, utc(since)],
    );
    return rows.length > 0;
  }

  /**
   * What a message sent to a chat was about (its `subject`), by the id the platform gave it:
   * a verbinder who replies to an alert or a relayed message answers that hand-off.
   */
  async subjectOfSent(key: string, platformId: string): Promise<string | null> {
    const [found] = await this.sql.query<{ subject: string }>(
      `SELECT "subject" FROM "OutboxMessage"
      WHERE "chatKey" = $1 AND "outcome" = 'sent' AND "subject" IS NOT NULL
        AND $2 = ANY(string_to_array("platformId", ','))
      ORDER BY "seq" DESC LIMIT 1`,
      [key, platformId],
    );
    return found?.subject ?? null;
  }

  /** Messages not yet done, over all chats (for tests and the health of the pipeline). */
  async backlog(): Promise<number> {
    const [found] = await this.sql.query<{ waiting: number }>(
      `SELECT coalesce(sum("lastSeq" - "doneSeq"), 0)::int AS "waiting" FROM "OutboxChat"`,
    );
    return found?.waiting ?? 0;
  }

  /**
   * Retention: forgets messages done more than `days` ago (database time) and chats with
   * nothing waiting that were quiet as long. Returns how many chats went.
   */
  async prune(days: number): Promise<number> {
    const before = `${now} - make_interval(days => $1::int)`;
    await this.sql.query(`DELETE FROM "OutboxMessage" WHERE "doneAt" < ${before}`, [days]);
    const gone = await this.sql.query(
      `DELETE FROM "OutboxChat" WHERE "lastSeq" = "doneSeq" AND "leasedBy" IS NULL
        AND "updatedAt" < ${before} RETURNING 1 AS "gone"`,
      [days],
    );
    return gone.length;
  }
}
