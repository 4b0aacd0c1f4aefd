/**
 * What a coordinator types for a campaign, read the same way on the command line and in the
 * dashboard: an audience as `wijk:<id>`, `cohort:<id or name>` or `consent:<purpose>`, a start
 * as a day and time in Amsterdam, and texts as `<language>=<text>`.
 */
import { DateTime } from 'luxon';
import { CampaignRefusedError } from '../errors/campaign-refused-error.js';
import { scheduleZone } from '../schedule/schedule-line.js';
import { audienceKinds, type Audience, type AudienceKind } from '../store/campaign-repository.js';

export function parseAudience(text: string): Audience {
  const at = text.indexOf(':');
  const kind = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  if (at < 0 || !value || !(audienceKinds as readonly string[]).includes(kind)) {
    throw new CampaignRefusedError(
      'noAudience',
      `not an audience (wijk:<id>, cohort:<id or name> or consent:<purpose>): ${text}`,
    );
  }
  return { audience: kind as AudienceKind, audienceValue: value };
}

/** `YYYY-MM-DD HH:MM` (or with a `T`) in Europe/Amsterdam; nothing means now. */
export function parseStartAt(text: string | undefined, now: Date): Date {
  if (!text?.trim()) return now;
  const at = DateTime.fromFormat(text.trim().replace('T', ' '), 'yyyy-MM-dd HH:mm', {
    zone: scheduleZone,
  });
  if (!at.isValid) {
    throw new CampaignRefusedError('badTime', `not a start time (YYYY-MM-DD HH:MM): ${text}`);
  }
  return at.toJSDate();
}

/** `nl=Hallo buurt!` pairs as texts per language; a language given twice keeps the last. */
export function parseTexts(pairs: readonly string[], languages: readonly string[]) {
  const texts: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const language = pair.slice(0, at).trim();
    if (at < 0 || !languages.includes(language)) {
      throw new CampaignRefusedError(
        'noText',
        `not a text (<language>=<text>, language one of ${languages.join(', ')})`,
      );
    }
    texts[language] = pair.slice(at + 1);
  }
  return texts;
}
