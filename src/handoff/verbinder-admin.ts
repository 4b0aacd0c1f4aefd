/**
 * Coordinator tasks on verbinders and wijken, used by the command line (and later the web
 * dashboard): add a verbinder with a fresh link code, issue a new code, list, manage wijken.
 */
import { BloeiError } from '../errors/bloei-error.js';
import type { Store } from '../store/store.js';
import { hashLinkCode, newLinkCode } from './link-code.js';

export const defaultLinkCodeHours = 72;

export class AdminError extends BloeiError {
  override readonly name = 'AdminError';
  readonly code = 'ADMIN_INVALID';
}

export async function issueLinkCode(
  store: Store,
  verbinderId: string,
  now: Date,
  hours = defaultLinkCodeHours,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newLinkCode();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await store.staff.addLinkCode(verbinderId, hashLinkCode(code), expiresAt);
  return { code, expiresAt };
}

export async function addVerbinder(
  store: Store,
  input: {
    name: string;
    wijk?: string;
    role?: 'verbinder' | 'coordinator';
    language?: string;
    /** Other languages they speak, so residents who speak them are handed to them. */
    languages?: readonly string[];
  },
  now: Date,
  hours = defaultLinkCodeHours,
) {
  const role = input.role ?? 'verbinder';
  if (role === 'verbinder' && !input.wijk) throw new AdminError('a verbinder needs --wijk');
  if (input.wijk && !(await store.staff.wijk(input.wijk))) {
    const known = (await store.staff.wijken()).map((w) => w.id);
    throw new AdminError(`unknown wijk ${input.wijk}; known: ${known.join(', ')}`);
  }
  const odd = (input.languages ?? []).find((l) => !/^[a-z]{2,3}$/.test(l));
  if (odd !== undefined) throw new AdminError(`a language is a code like ar or tr, not ${odd}`);
  const verbinder = await store.staff.create({
    name: input.name,
    role,
    wijkId: input.wijk ?? null,
    language: input.language ?? 'nl',
    languages: [...new Set(input.languages ?? [])].filter((l) => l !== (input.language ?? 'nl')),
  });
  return { verbinder, ...(await issueLinkCode(store, verbinder.id, now, hours)) };
}

export async function addWijk(store: Store, id: string, name: string) {
  if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(id)) {
    throw new AdminError('a wijk id is lower case letters, digits and -');
  }
  return store.staff.saveWijk(id, name);
}
