/**
 * Staff trying Bloei out in the dashboard's web chat are test residents, not residents: what
 * they ask for opens no hand-off, so no verbinder is alerted, no inbox lists it and no export
 * counts it. Bloei still answers as it would a resident, so the words can be tried in place.
 */
import type { HandoffOpener } from '../conversations/ports.js';
import { isTestResident } from '../store/finders/real-residents.js';

/** `opener`, for residents only. */
export function withoutTestResidents(opener: HandoffOpener): HandoffOpener {
  return {
    async open(tx, contactId, request) {
      // Rare (a hand-off is asked for), so one more read of the contact costs little.
      const contact = await tx.describeContact(contactId);
      const test = isTestResident((contact?.channels ?? []).map((channel) => ({ channel })));
      if (test) return { handoffId: null, chats: [] };
      return opener.open(tx, contactId, request);
    },
  };
}
