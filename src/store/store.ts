/**
 * Bloei's data, one repository per aggregate. Everything outside src/store reaches the
 * database through these (the dashboard through its read-only finders). A store runs on the
 * Prisma client, or inside one transaction: `transaction(work)` gives `work` the same
 * repositories bound to it, so a change and the messages it causes commit together.
 */
import { CampaignRepository } from './campaign-repository.js';
import { CohortRepository } from './cohort-repository.js';
import { ContactDetailRepository } from './contact-detail-repository.js';
import { ContactRepository } from './contact-repository.js';
import { ConversationRecords } from './conversation-records.js';
import type { Db } from './db.js';
import { ExportLogRepository } from './export-log-repository.js';
import type { PrismaClient } from './generated/client.js';
import { FollowUpRepository } from './follow-up-repository.js';
import { HandoffRepository } from './handoff-repository.js';
import { IndicatorRepository } from './indicator-repository.js';
import { InvitationRepository } from './invitation-repository.js';
import { OutboxRepository } from './outbox-repository.js';
import { RelayRepository } from './relay-repository.js';
import { SignUpRepository } from './sign-up-repository.js';
import { ScheduledMessageRepository } from './scheduled-message-repository.js';
import { prismaSql } from './sql/prisma-sql.js';
import { StaffRepository } from './staff-repository.js';

export interface Store {
  /** Messages coordinators send to many residents at once. */
  readonly campaigns: CampaignRepository;
  readonly cohorts: CohortRepository;
  readonly contacts: ContactRepository;
  /** Ways to reach a resident they gave for a purpose (a phone number to be called on). */
  readonly contactDetails: ContactDetailRepository;
  readonly conversations: ConversationRecords;
  /** Who exported which residents' records, for the privacy officer. */
  readonly exportLog: ExportLogRepository;
  readonly followUps: FollowUpRepository;
  readonly handoffs: HandoffRepository;
  readonly indicators: IndicatorRepository;
  readonly invitations: InvitationRepository;
  /** Messages Bloei sends on its own initiative at a set time (check-ups, campaigns). */
  readonly scheduled: ScheduledMessageRepository;
  readonly relay: RelayRepository;
  readonly signUps: SignUpRepository;
  readonly staff: StaffRepository;
  /** The outbox inside this store's transaction (the hot path has its own, on the SQL port). */
  readonly outbox: OutboxRepository;
  /** Runs `work` in one transaction (`timeoutMs`: how long it may take; 20 s by default). */
  transaction<T>(work: (store: Store) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** Answers when the database does: the health check. */
  ping(): Promise<void>;
}

export interface StoreOptions {
  /** How long an outbox lease lasts, in seconds. */
  leaseSeconds?: number;
}

function storeOn(db: Db, prisma: PrismaClient, options: StoreOptions): Store {
  return {
    campaigns: new CampaignRepository(db),
    cohorts: new CohortRepository(db),
    contacts: new ContactRepository(db),
    contactDetails: new ContactDetailRepository(db),
    conversations: new ConversationRecords(db),
    exportLog: new ExportLogRepository(db),
    followUps: new FollowUpRepository(db),
    handoffs: new HandoffRepository(db),
    indicators: new IndicatorRepository(db),
    invitations: new InvitationRepository(db),
    scheduled: new ScheduledMessageRepository(db),
    relay: new RelayRepository(db),
    signUps: new SignUpRepository(db),
    staff: new StaffRepository(db),
    outbox: new OutboxRepository(prismaSql(db), options.leaseSeconds),
    transaction: (work, run = {}) =>
      db === prisma
        ? prisma.$transaction((tx) => work(storeOn(tx, prisma, options)), {
            maxWait: 30_000,
            timeout: run.timeoutMs ?? 20_000,
          })
        : work(storeOn(db, prisma, options)),
    async ping() {
      await db.$queryRawUnsafe('SELECT 1');
    },
  };
}

export function createStore(prisma: PrismaClient, options: StoreOptions = {}): Store {
  return storeOn(prisma, prisma, options);
}
