/**
 * The hand-off inbox: the list per status (urgent first, then oldest, with their age) and one
 * hand-off with what the resident told, the actions (claim, close) and the notes.
 */
import { DataTable, Cell } from '../../components/data-table.js';
import { ActionButton, CsrfField } from '../../components/forms.js';
import { Conversation } from './conversation.js';
import { Notice } from '../../components/notices.js';
import { Tabs } from '../../components/tabs.js';
import { TimeAgo } from '../../components/time-ago.js';
import type { PageContext } from '../../page-context.js';
import type { HandoffDetail, HandoffListItem } from '../../../store/finders/inbox-finder.js';
import { ReachWays } from './reach-ways.js';

export const statuses = ['open', 'claimed', 'closed'] as const;
/** What an action's result may say on the next page (`noteAdded`, or a `staff.*` text). */
export const outcomes = [
  'claimed',
  'closedDone',
  'claimedByOther',
  'alreadyClosed',
  'noteAdded',
  'replySent',
  'claimFirst',
  'residentUnreachable',
] as const;
export const maxNote = 1000;
export const maxReply = 2000;

const staffText = (ctx: PageContext, key: string) =>
  ctx.render({ key: `staff.${key}`, params: {} });

const wijkName = (ctx: PageContext, wijken: ReadonlyMap<string, string>, wijk: string | null) =>
  wijk ? (wijken.get(wijk) ?? wijk) : staffText(ctx, 'unknownWijk');

export interface InboxListProps {
  ctx: PageContext;
  status: (typeof statuses)[number];
  handoffs: readonly HandoffListItem[];
  wijken: ReadonlyMap<string, string>;
  now: Date;
  /** Open hand-offs nobody could receive (findUnreachedHandoffs), shown to coordinators. */
  unreached?: readonly number[];
}

export function InboxList({ ctx, status, handoffs, wijken, now, unreached = [] }: InboxListProps) {
  const columns = ['urgency', 'reason', 'resident', 'wijk', 'age', 'claimedBy'] as const;
  const label = (c: (typeof columns)[number]) => ctx.t(`inbox.${c}`);
  return (
    <>
      {unreached.length > 0 && (
        <p class="error" role="alert">
          {ctx.t('inbox.unreached', { numbers: unreached.map((n) => `#${n}`).join(', ') })}{' '}
          <a href="/admin">{ctx.t('inbox.unreachedLink')}</a>
        </p>
      )}
      <Tabs
        label={ctx.t('inbox.filter')}
        tabs={statuses.map((s) => ({
          href: `/inbox?status=${s}`,
          text: ctx.t(`inbox.status.${s}`),
          current: s === status,
        }))}
      />
      {handoffs.length === 0 ? (
        <p class="notice">{ctx.t('inbox.empty')}</p>
      ) : (
        <DataTable
          caption={ctx.t('inbox.caption', { count: handoffs.length })}
          columns={[{ label: '#' }, ...columns.map((c) => ({ label: label(c) }))]}
        >
          {handoffs.map((h) => (
            <tr>
              <Cell label="#">
                <a href={`/inbox/${h.number}`}>#{h.number}</a>
              </Cell>
              <Cell label={label('urgency')} urgent={h.urgency === 'urgent'}>
                {staffText(ctx, `urgency.${h.urgency}`)}
              </Cell>
              <Cell label={label('reason')}>{staffText(ctx, `reasons.${h.reason}`)}</Cell>
              <Cell label={label('resident')}>{h.residentName ?? staffText(ctx, 'noName')}</Cell>
              <Cell label={label('wijk')}>{wijkName(ctx, wijken, h.wijk)}</Cell>
              <Cell label={label('age')}>
                <TimeAgo at={h.createdAt} now={now} language={ctx.language} />
              </Cell>
              <Cell label={label('claimedBy')}>{h.claimedBy ?? '–'}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export interface HandoffViewProps {
  ctx: PageContext;
  handoff: HandoffDetail;
  /** The resident's answers, one line each, as summarizeAnswers words them. */
  answers: readonly string[];
  outcome: (typeof outcomes)[number] | undefined;
  wijken: ReadonlyMap<string, string>;
  now: Date;
}

export function HandoffView({ ctx, handoff, answers, outcome, wijken, now }: HandoffViewProps) {
  const name = handoff.residentName ? { text: handoff.residentName } : { key: 'staff.noName' };
  const language =
    new Intl.DisplayNames([ctx.language], { type: 'language' }).of(handoff.residentLanguage) ??
    handoff.residentLanguage;
  const said =
    outcome === 'noteAdded'
      ? ctx.t('inbox.noteAdded')
      : outcome &&
        ctx.render({
          key: `staff.${outcome}`,
          params: {
            number: { text: String(handoff.number) },
            name,
            by: { text: handoff.claimedBy ?? '' },
            list: { text: '' },
          },
        });
  const action = (path: string) => `/inbox/${handoff.number}/${path}`;
  return (
    <>
      {said && <Notice text={said} />}
      <dl>
        <dt>{ctx.t('inbox.statusLabel')}</dt>
        <dd>
          <span class="status">{ctx.t(`inbox.status.${handoff.status}`)}</span>
        </dd>
        <dt>{ctx.t('inbox.urgency')}</dt>
        <dd class={handoff.urgency === 'urgent' ? 'urgent' : undefined}>
          {staffText(ctx, `urgency.${handoff.urgency}`)}
        </dd>
        <dt>{ctx.t('inbox.reason')}</dt>
        <dd>{staffText(ctx, `reasons.${handoff.reason}`)}</dd>
        <dt>{ctx.t('inbox.resident')}</dt>
        <dd>
          {ctx.render({
            key: 'web.inbox.who',
            params: {
              name,
              language: { text: language },
              channel: { text: handoff.channel ?? '–' },
            },
          })}
        </dd>
        <dt>{ctx.t('inbox.reach')}</dt>
        <dd>
          <ReachWays ctx={ctx} handoff={handoff} />
        </dd>
        <dt>{ctx.t('inbox.wijk')}</dt>
        <dd>{wijkName(ctx, wijken, handoff.wijk)}</dd>
        <dt>{ctx.t('inbox.age')}</dt>
        <dd>
          <TimeAgo at={handoff.createdAt} now={now} language={ctx.language} />
        </dd>
        <dt>{ctx.t('inbox.claimedBy')}</dt>
        <dd>{handoff.claimedBy ?? '–'}</dd>
      </dl>
      <h2>{ctx.t('inbox.answers')}</h2>
      {answers.length === 0 ? (
        <p>{ctx.t('inbox.noAnswers')}</p>
      ) : (
        // Each line starts with its own bullet (it is the chat's wording): no second one.
        <ul class="lines">
          {answers.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      )}
      <Conversation ctx={ctx} handoff={handoff} now={now} />
      <h2>{ctx.t('inbox.actions')}</h2>
      <div class="inline">
        {handoff.status === 'open' && (
          <ActionButton action={action('claim')} csrf={ctx.csrf} text={staffText(ctx, 'claim')} />
        )}
        {handoff.status !== 'closed' && (
          <ActionButton
            action={action('close')}
            csrf={ctx.csrf}
            text={staffText(ctx, 'close')}
            secondary
          />
        )}
      </div>
      <h2>{ctx.t('inbox.notes')}</h2>
      {handoff.notes.length === 0 ? (
        <p>{ctx.t('inbox.noNotes')}</p>
      ) : (
        <ul>
          {handoff.notes.map((n) => (
            <li class="card">
              <p>{n.text}</p>
              <p>
                <small>
                  {n.author ?? '–'} · <TimeAgo at={n.createdAt} now={now} language={ctx.language} />
                </small>
              </p>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={action('note')}>
        <CsrfField token={ctx.csrf} />
        <label for="note">{ctx.t('inbox.addNote')}</label>
        <textarea id="note" name="note" rows={3} maxlength={maxNote} required></textarea>
        <p>
          <button type="submit">{ctx.t('inbox.saveNote')}</button>
        </p>
      </form>
      <p>
        <a href={`/inbox?status=${handoff.status}`}>{ctx.t('inbox.back')}</a>
      </p>
    </>
  );
}
