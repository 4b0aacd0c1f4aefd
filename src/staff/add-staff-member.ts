/**
 * A new verbinder or coordinator, with a one-time chat link code and, when a login is given,
 * a dashboard password. Both or neither: when the password cannot be set (too short, login
 * taken) the new staff member is removed again, so a failed form leaves nothing behind.
 */
import { addVerbinder } from '../handoff/verbinder-admin.js';
import type { Store } from '../store/store.js';
import { setStaffPassword } from './staff-auth.js';

export interface NewStaffMember {
  name: string;
  role: 'verbinder' | 'coordinator';
  language: string;
  /** Other languages they speak (see addVerbinder). */
  languages?: readonly string[];
  wijk?: string;
  /** A dashboard login with its password, or none (chat only). */
  login?: { name: string; password: string };
}

export async function addStaffMember(store: Store, input: NewStaffMember, now: Date) {
  const { login, ...member } = input;
  const added = await addVerbinder(store, member, now);
  if (login) {
    try {
      await setStaffPassword(store, added.verbinder.id, login.name, login.password);
    } catch (error) {
      await store.staff.remove(added.verbinder.id);
      throw error;
    }
  }
  return added;
}
