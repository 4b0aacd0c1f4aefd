/**
 * The conversation of a hand-off in the inbox: every message since it was claimed, who wrote
 * it and when, and whether it reached the other side; then the reply box (free text, or a
 * saved reply written out in the resident's language) for whoever claimed it. New messages
 * show up by themselves where scripts run (live-script.ts); a link reloads the page too.
 */
import { CsrfField, Options } from '../../components/forms.js';
import { TimeAgo } from '../../components/time-ago.js';
import type { PageContext } from '../../page-context.js';
import type { HandoffDetail } from '../../../store/finders/inbox-finder.js';
import type { RelayThreadLine } from '../../../store/relay-repository.js';
import { savedReplies, savedReplyKey } from '../../../handoff/saved-replies.js';

const maxReply = 2000;

export interface ConversationProps {
  ctx: PageContext;
  handoff: HandoffDetail;
  now: Date;
}

/** What a line says: the text, a saved reply in the reader's language, or what was sent. */
function said(ctx: PageContext, line: RelayThreadLine): string {
  if (line.savedReply) return ctx.render({ key: savedReplyKey(line.savedReply), params: {} });
  if (line.text !== null) return line.text;
  const kind = ['voice', 'photo', 'video', 'document'].includes(line.mediaKind ?? '')
    ? line.mediaKind!
    : 'other';
  return ctx.t(`inbox.media.${kind}`);
}

/**
 * What the page's poll compares: how many messages, and how many of them settled (sent,
 * failed, …), so a new message and a delivery both show up.
 */
export function conversationVersion(lines: readonly Pick<RelayThreadLine, 'outcome'>[]): string {
  return `${lines.length}.${lines.filter((l) => l.outcome !== null).length}`;
}

function delivery(ctx: PageContext, line: RelayThreadLine): string {
  const shown = ['sent', 'inbox', null];
  const outcome = shown.includes(line.outcome) ? line.outcome : 'failed';
  return ctx.t(`inbox.delivery.${outcome ?? 'waiting'}`);
}

export function Conversation({ ctx, handoff, now }: ConversationProps) {
  const resident = handoff.residentName ?? ctx.render({ key: 'staff.noName', params: {} });
  const mine = handoff.status === 'claimed' && handoff.claimedById === ctx.staff?.id;
  const action = `/inbox/${handoff.number}/reply`;
  return (
    <>
      <h2 id="conversation">{ctx.t('inbox.conversation')}</h2>
      <div
        id="conversation-live"
        data-latest={conversationVersion(handoff.conversation)}
        data-latest-url={`/inbox/${handoff.number}/latest`}
      >
        {handoff.conversation.length === 0 ? (
          <p>{ctx.t('inbox.noConversation')}</p>
        ) : (
          <ol class="lines" data-count={String(handoff.conversation.length)}>
            {handoff.conversation.map((line) => (
              <li class="card">
                <p>
                  <strong>{line.direction === 'in' ? resident : (line.author ?? '–')}</strong>
                  {': '}
                  {said(ctx, line)}
                </p>
                <p>
                  <small>
                    <TimeAgo at={line.at} now={now} language={ctx.language} /> ·{' '}
                    {delivery(ctx, line)}
                  </small>
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
      <p>
        <a href={`/inbox/${handoff.number}#conversation`}>{ctx.t('inbox.refresh')}</a>
      </p>
      {mine ? (
        <form method="post" action={action}>
          <CsrfField token={ctx.csrf} />
          <label for="reply">{ctx.t('inbox.replyLabel', { name: resident })}</label>
          <textarea id="reply" name="text" rows={3} maxlength={maxReply}></textarea>
          <label for="saved">{ctx.t('inbox.savedLabel')}</label>
          <select id="saved" name="saved">
            <option value="">{ctx.t('inbox.savedNone')}</option>
            <Options
              options={savedReplies.map((r) => ({
                value: r,
                text: ctx.render({ key: savedReplyKey(r), params: {} }),
              }))}
            />
          </select>
          <p>
            <button type="submit">{ctx.t('inbox.send')}</button>
          </p>
        </form>
      ) : (
        handoff.status !== 'closed' && <p>{ctx.t('inbox.claimToReply')}</p>
      )}
    </>
  );
}
