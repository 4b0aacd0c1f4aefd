/**
 * Erasure ("forget me", and the retention job): first the anonymous counts the indicators
 * need (per metric, value, month and wijk, with nothing that points back to a person), then the
 * contact and, by cascade, everything that hangs off it: identities, conversations,
 * answers, profiles, consents, sign-ups, hand-offs, invitations, enrolments and follow-ups;
 * and their parked inbound messages, which are keyed by hash, not by contact. Their outbox
 * chats go too: at once when nothing waits in them, otherwise once what waits (such as the
 * confirmation of the erasure itself) was sent. Queued jobs carry only row ids; once the rows
 * are gone they do nothing. A test resident (staff trying Bloei out) leaves no counts and no
 * record of an erasure.
 */
import { identityKey } from '../conversations/identity-key.js';
import type { Db } from './db.js';
import { isTestResident } from './finders/real-residents.js';
import { eraseSpooledInbound } from './prisma-inbound-spool.js';

const month = (d: Date) => d.toISOString().slice(0, 7);

export async function eraseContact(tx: Db, contactId: string, at: Date): Promise<boolean> {
  const contact = await tx.contact.findUnique({
    where: { id: contactId },
    include: {
      identities: { select: { channel: true, externalId: true } },
      answers: { where: { indicator: { not: null } } },
      talentProfiles: { select: { completedAt: true } },
      signUps: { select: { createdAt: true, kind: true, wijk: true } },
    },
  });
  if (!contact) return false;
  const wijk = contact.wijk ?? '';
  const tallies: { metric: string; value: string; month: string; wijk: string }[] = [
    ...contact.answers.map((a) => ({
      metric: a.indicator!,
      value: typeof a.value === 'number' ? String(a.value) : 'answered',
      month: month(a.answeredAt),
      wijk,
    })),
    ...checkInRuns(contact.answers).map((a) => ({
      metric: 'checkIn.run',
      value: 'yes',
      month: month(a.answeredAt),
      wijk,
    })),
    ...contact.talentProfiles.map((p) => ({
      metric: 'talentenscan.completed',
      value: 'yes',
      month: month(p.completedAt),
      wijk,
    })),
    ...contact.signUps.map((s) => ({
      metric: 'wijMatch.signUp',
      value: s.kind,
      month: month(s.createdAt),
      wijk: s.wijk ?? wijk,
    })),
  ];
  const test = isTestResident(contact.identities);
  for (const tally of test ? [] : tallies) {
    await tx.anonymousTally.upsert({
      where: { metric_value_month_wijk: tally },
      create: { ...tally, count: 1 },
      update: { count: { increment: 1 } },
    });
  }
  await eraseSpooledInbound(tx, contact.identities);
  const chats = contact.identities.map((i) => identityKey(i.channel, i.externalId));
  await tx.outboxChat.updateMany({ where: { key: { in: chats } }, data: { forget: true } });
  await tx.outboxChat.deleteMany({
    where: {
      key: { in: chats },
      leasedBy: null,
      lastSeq: { equals: tx.outboxChat.fields.doneSeq },
    },
  });
  await tx.contact.delete({ where: { id: contactId } });
  if (!test) await tx.erasure.create({ data: { at } });
  return true;
}

/** One answer per check-in the resident did: the check-ins count survives them. */
function checkInRuns<A extends { flowId: string; runId: string }>(answers: A[]): A[] {
  return [
    ...new Map(answers.filter((a) => a.flowId === 'checkIn').map((a) => [a.runId, a])).values(),
  ];
}
