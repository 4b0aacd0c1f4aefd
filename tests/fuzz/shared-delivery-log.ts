/**
 * What Bloei delivered to fuzzed residents, kept in the test database so every shard
 * process sees it. The outbox lets any process send any chat on a channel it holds: a
 * sweeper in one shard process may deliver a reply written by another (as a second replica
 * would in production), so a per-process recording would miss replies that did reach the
 * resident. Sends are written in order: only a chat's lease holder sends it.
 */
import type pg from 'pg';
import type { ChannelAdapter, OutboundMessage } from '../../src/bots/channel.js';
import { RecordingChannel } from '../support/recording-channel.js';

const table = 'fuzz_delivery';

/** Creates the log's table; run once, before the shard processes start. */
export async function createDeliveryLog(db: pg.Client): Promise<void> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS ${table} (id bigserial PRIMARY KEY, user_id text NOT NULL, text text NOT NULL)`,
  );
}

/** The last entry so far: what comes after it was delivered since. */
export async function deliveryMark(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ id: string | null }>(`SELECT max(id) AS id FROM ${table}`);
  return Number(rows[0]?.id ?? 0);
}

/** The texts delivered to `userId` after `mark`, in the order they were sent. */
export async function deliveredSince(db: pg.Client, userId: string, mark: number) {
  const { rows } = await db.query<{ text: string }>(
    `SELECT text FROM ${table} WHERE user_id = $1 AND id > $2 ORDER BY id`,
    [userId, mark],
  );
  return rows.map((r) => r.text);
}

/** A recording channel that also writes each delivery to the shared log. */
export class SharedRecordingChannel extends RecordingChannel implements ChannelAdapter {
  constructor(
    channel: string,
    private readonly db: pg.Pool,
  ) {
    super(channel);
  }

  override async send(message: OutboundMessage): Promise<void> {
    await this.db.query(`INSERT INTO ${table} (user_id, text) VALUES ($1, $2)`, [
      message.userId,
      message.text,
    ]);
    await super.send(message);
  }
}
