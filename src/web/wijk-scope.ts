/**
 * Which wijk a staff member's lists show: a coordinator every wijk (`null`) or the one she
 * chose; a verbinder her own wijk, or nothing at all when she has none (`false`).
 */
import type { StaffMember } from '../staff/staff-auth.js';

export function visibleWijk(staff: StaffMember, chosen?: string | null): string | null | false {
  if (staff.role === 'coordinator') return chosen || null;
  return staff.wijkId ?? false;
}
