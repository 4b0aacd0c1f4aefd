/**
 * Staff sign-in for the web dashboard: passwords hashed with bcrypt (bcryptjs, cost 12),
 * checked in constant time whether or not the login exists, and wijk scoping: a verbinder
 * sees their own wijk, a coordinator every wijk.
 */
import bcrypt from 'bcryptjs';
import { WeakPasswordError } from '../errors/weak-password-error.js';
import type { Store } from '../store/store.js';

const cost = 12;
/**
 * Compared against when the login is unknown, so timing does not tell which logins exist.
 * Made on first use: hashing at cost 12 takes a noticeable moment at every process start.
 */
let decoy: Promise<string> | undefined;
const decoyHash = (): Promise<string> =>
  (decoy ??= bcrypt.hash('decoy password that never matches', cost));

export interface StaffMember {
  id: string;
  name: string;
  role: 'verbinder' | 'coordinator';
  wijkId: string | null;
}

/**
 * Sets a staff member's login and password and ends every session she has: whoever signed in
 * with the old password (perhaps the reason it is changed) is signed out at once.
 */
export async function setStaffPassword(
  store: Store,
  verbinderId: string,
  login: string,
  password: string,
): Promise<void> {
  if (password.length < 12) throw new WeakPasswordError('a password needs at least 12 characters');
  const hash = await bcrypt.hash(password, cost);
  await store.transaction((tx) =>
    tx.staff.setPassword(verbinderId, login.trim().toLowerCase(), hash),
  );
}

/** (De)activates a staff member; deactivation ends every session she has at once. */
export async function setStaffActive(
  store: Store,
  verbinderId: string,
  active: boolean,
): Promise<void> {
  await store.transaction((tx) => tx.staff.setActive(verbinderId, active));
}

export async function authenticateStaff(
  store: Store,
  login: string,
  password: string,
): Promise<StaffMember | null> {
  const staff = await store.staff.byLogin(login.trim().toLowerCase());
  const ok = await bcrypt.compare(password, staff?.passwordHash ?? (await decoyHash()));
  if (!staff || !staff.active || !staff.passwordHash || !ok) return null;
  return {
    id: staff.id,
    name: staff.name,
    role: staff.role === 'coordinator' ? 'coordinator' : 'verbinder',
    wijkId: staff.wijkId,
  };
}

/** Whether a staff member may see a resident or hand-off in `wijk`. */
export function mayView(staff: StaffMember, wijk: string | null): boolean {
  return staff.role === 'coordinator' || (wijk !== null && wijk === staff.wijkId);
}
