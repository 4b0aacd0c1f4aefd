/**
 * Who may change residents' texts: an active coordinator. The words residents read are the
 * coordinators' responsibility towards WIJeindhoven; a verbinder proposes, a coordinator edits.
 * The editor checks this itself as well as the page, so no other caller can skip it.
 */
import type { TextStaff } from './text-store.js';

export function canEditTexts(staff: TextStaff | null): boolean {
  return staff !== null && staff.active && staff.role === 'coordinator';
}
