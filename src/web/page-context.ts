/**
 * What a page needs to know about the request: who is signed in, the session's CSRF token,
 * and texts in the staff member's language (`web.*` keys in `locales/`).
 */
import type { Translator } from '../conversations/ports.js';
import type { BotMessage } from '../flows/events.js';
import type { StaffSession } from '../staff/staff-sessions.js';

export interface PageContext {
  staff: StaffSession['staff'] | null;
  csrf: string;
  language: string;
  /** A `web.*` text; params are plain values, escaped where they are shown. */
  t(key: string, params?: Record<string, string | number>): string;
  /** Any other text (`staff.*`, `wijken.*` …) as rendered for the staff member. */
  render(message: BotMessage): string;
}

export function pageContext(
  translator: Translator,
  session: StaffSession | null,
  fallbackLanguage: string,
): PageContext {
  const language = session?.staff.language ?? fallbackLanguage;
  const render = (message: BotMessage) => translator.render(message, language).text;
  return {
    staff: session?.staff ?? null,
    csrf: session?.csrfToken ?? '',
    language,
    render,
    t: (key, params = {}) =>
      render({
        key: `web.${key}`,
        params: Object.fromEntries(
          Object.entries(params).map(([name, value]) => [name, { text: String(value) }]),
        ),
      }),
  };
}
