/**
 * Messages from residents that Bloei could not handle after several tries, for a coordinator:
 * on which channel, when they were sent, and what went wrong, in words. Never the message
 * itself (a coordinator has no business reading it here) and never an id. Each can be tried
 * again (after the cause is fixed) or put aside.
 */
import type { Child } from 'hono/jsx';
import type { ParkedInbound } from '../../../store/prisma-inbound-spool.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { ActionButton } from '../../components/forms.js';
import { TimeAgo } from '../../components/time-ago.js';
import type { PageContext } from '../../page-context.js';

/** Error codes a coordinator gets a sentence for; any other reads as "something unexpected". */
export const explainedErrors = [
  'CONVERSATION_VERSION_CONFLICT',
  'SQL_TIMEOUT',
  'FLOW_RUNTIME',
  'FLOW_DEFINITION_INVALID',
  'CHANNEL_UNKNOWN',
  'RECIPIENT_UNREACHABLE',
  'WHATSAPP_SEND_FAILED',
  'OUTBOX_KIND_UNKNOWN',
] as const;

const channelNames: Record<string, string> = { telegram: 'Telegram', whatsapp: 'WhatsApp' };

export interface ParkedListProps {
  ctx: PageContext;
  parked: readonly ParkedInbound[];
  /** All parked messages, when there are more than are listed. */
  total: number;
  now: Date;
  message?: Child;
}

export function ParkedList({ ctx, parked, total, now, message }: ParkedListProps) {
  const t = (key: string, values?: Record<string, string | number>) =>
    ctx.t(`parked.${key}`, values);
  const reason = (code: string | null) =>
    t(
      `errors.${explainedErrors.includes(code as (typeof explainedErrors)[number]) ? code : 'unknown'}`,
    );
  const columns = [t('channel'), t('sent'), t('reason'), t('attempts')];
  return (
    <>
      {message}
      <p>{t('explain')}</p>
      {parked.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <>
          {total > parked.length && <p>{t('more', { count: total, shown: parked.length })}</p>}
          <ActionButton action="/parked/retry" csrf={ctx.csrf} text={t('retryAll')} />
          <DataTable columns={[...columns.map((label) => ({ label })), { label: '' }]}>
            {parked.map((p) => (
              <tr>
                <Cell label={columns[0]}>{channelNames[p.channel] ?? p.channel}</Cell>
                <Cell label={columns[1]}>
                  <TimeAgo at={p.sentAt} now={now} language={ctx.language} />
                </Cell>
                <Cell label={columns[2]}>{reason(p.errorCode)}</Cell>
                <Cell label={columns[3]} numeric>
                  {p.attempts}
                </Cell>
                <Cell>
                  <div class="inline">
                    <ActionButton
                      action={`/parked/${p.id}/retry`}
                      csrf={ctx.csrf}
                      text={t('retry')}
                      secondary
                    />
                    <ActionButton
                      action={`/parked/${p.id}/dismiss`}
                      csrf={ctx.csrf}
                      text={t('dismiss')}
                      secondary
                    />
                  </div>
                </Cell>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
