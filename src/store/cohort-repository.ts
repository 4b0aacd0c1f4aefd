/**
 * Training cohorts as WIJeindhoven hands them over: the cohort, its former trainees as
 * contacts (one per channel identity, found again on a second import), their enrolments and
 * each enrolment's one-year follow-up. Written in batches inside one transaction.
 */
import type { Db } from './db.js';

export class CohortRepository {
  constructor(private readonly db: Db) {}

  async wijkIds(): Promise<string[]> {
    return (await this.db.wijk.findMany({ select: { id: true } })).map((w) => w.id);
  }

  /** The cohort's id, creating it on first import. */
  async save(cohort: { name: string; training: string; startDate: Date; endDate: Date }) {
    const saved = await this.db.cohort.upsert({
      where: { name_training: { name: cohort.name, training: cohort.training } },
      create: cohort,
      update: {},
      select: { id: true },
    });
    return saved.id;
  }

  /** Contacts already known by these platform ids, keyed `channel:externalId`. */
  async contactsByIdentity(externalIds: string[]): Promise<Map<string, string>> {
    const identities = await this.db.channelIdentity.findMany({
      where: { externalId: { in: externalIds } },
      select: { channel: true, externalId: true, contactId: true },
    });
    return new Map(identities.map((i) => [`${i.channel}:${i.externalId}`, i.contactId]));
  }

  async createContacts(
    contacts: {
      id: string;
      firstName: string;
      language: string;
      wijk: string | null;
      channel: string;
      externalId: string;
    }[],
  ): Promise<void> {
    await this.db.contact.createMany({
      data: contacts.map(({ id, firstName, language, wijk }) => ({
        id,
        firstName,
        language,
        wijk,
      })),
    });
    await this.db.channelIdentity.createMany({
      data: contacts.map(({ id, channel, externalId }) => ({ contactId: id, channel, externalId })),
    });
  }

  /** Enrolments these contacts have, as `contactId:cohortId`. */
  async enrolled(contactIds: string[]): Promise<Set<string>> {
    const existing = await this.db.enrolment.findMany({
      where: { contactId: { in: contactIds } },
      select: { contactId: true, cohortId: true },
    });
    return new Set(existing.map((e) => `${e.contactId}:${e.cohortId}`));
  }

  /** Enrols contacts, each with their follow-up scheduled. */
  async enrol(
    enrolments: {
      id: string;
      contactId: string;
      cohortId: string;
      ladderStart: number | null;
      followUp: { dueAt: Date; late: boolean; nextAt: Date };
    }[],
  ): Promise<void> {
    await this.db.enrolment.createMany({
      data: enrolments.map(({ id, contactId, cohortId, ladderStart }) => ({
        id,
        contactId,
        cohortId,
        ladderStart,
      })),
    });
    await this.db.followUp.createMany({
      data: enrolments.map(({ id, followUp }) => ({ enrolmentId: id, ...followUp })),
    });
  }
}
