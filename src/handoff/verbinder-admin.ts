/**
 * Coordinator tasks on verbinders and wijken, used by the command line (and later the web
 * dashboard): add a verbinder with a fresh link code, issue a new code, list, manage wijken.
 */
import { BloeiError } from '../errors/bloei-error.js';
import type { PrismaClient } from '../store/prisma-client.js';
import { hashLinkCode, newLinkCode } from './link-code.js';

export const defaultLinkCodeHours = 72;

export class AdminError extends BloeiError {
  override readonly name = 'AdminError';
  readonly code = 'ADMIN_INVALID';
}

export async function issueLinkCode(
  prisma: PrismaClient,
  verbinderId: string,
  now: Date,
  hours = defaultLinkCodeHours,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newLinkCode();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await prisma.linkCode.create({ data: { verbinderId, codeHash: hashLinkCode(code), expiresAt } });
  return { code, expiresAt };
}

export async function addVerbinder(
  prisma: PrismaClient,
  input: { name: string; wijk?: string; role?: 'verbinder' | 'coordinator'; language?: string },
  now: Date,
  hours = defaultLinkCodeHours,
) {
  const role = input.role ?? 'verbinder';
  if (role === 'verbinder' && !input.wijk) throw new AdminError('a verbinder needs --wijk');
  if (input.wijk && !(await prisma.wijk.findUnique({ where: { id: input.wijk } }))) {
    const known = (await prisma.wijk.findMany({ select: { id: true } })).map((w) => w.id);
    throw new AdminError(`unknown wijk ${input.wijk}; known: ${known.join(', ')}`);
  }
  const verbinder = await prisma.verbinder.create({
    data: {
      name: input.name,
      role,
      wijkId: input.wijk ?? null,
      language: input.language ?? 'nl',
    },
  });
  return { verbinder, ...(await issueLinkCode(prisma, verbinder.id, now, hours)) };
}

export async function addWijk(prisma: PrismaClient, id: string, name: string) {
  if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(id)) {
    throw new AdminError('a wijk id is lower case letters, digits and -');
  }
  const last = await prisma.wijk.aggregate({ _max: { sortOrder: true } });
  return prisma.wijk.upsert({
    where: { id },
    create: { id, name, sortOrder: (last._max.sortOrder ?? 0) + 1 },
    update: { name, active: true },
  });
}
