/**
 * The web chat: a staff member chats with Bloei as their test resident. The conversation so
 * far, Bloei's question with its choices as buttons that answer it, a box to type in, and a
 * way to start over as a new resident in any language. Works without JavaScript; with it,
 * replies show up as they come (chat.js replaces `#chat-live`).
 */
import type { WebchatConversation, WebchatEntry } from '../../../store/finders/webchat-finder.js';
import { CsrfField } from '../../components/forms.js';
import { direction, ownLanguageName } from '../../components/language-text.js';
import { Notice } from '../../components/notices.js';
import type { PageContext } from '../../page-context.js';

export interface TryPageProps {
  ctx: PageContext;
  conversation: WebchatConversation;
  /** The test resident's language: the conversation's, or the one picked for a new start. */
  language: string;
  languages: readonly string[];
  /** The test resident was just erased. */
  restarted: boolean;
}

/** The line whose buttons still answer something: Bloei's last question, not yet answered. */
export function openQuestion(lines: readonly WebchatEntry[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.author === 'resident') return -1;
    if (line.choices.length > 0) return i;
  }
  return -1;
}

export function TryPage({ ctx, conversation, language, languages, restarted }: TryPageProps) {
  return (
    <>
      <p>{ctx.t('try.intro')}</p>
      {restarted && <Notice text={ctx.t('try.restarted')} />}
      <form method="post" action="/try/restart" class="filters inline">
        <CsrfField token={ctx.csrf} />
        <div>
          <label for="try-lang">{ctx.t('try.language')}</label>
          <select id="try-lang" name="lang" aria-describedby="start-over-help">
            {languages.map((l) => (
              <option value={l} lang={l} selected={l === language}>
                {ownLanguageName(l)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {ctx.t('try.startOver')}
        </button>
        <p id="start-over-help" class="help-line">
          <small>{ctx.t('try.startOverHelp')}</small>
        </p>
      </form>
      <h2 id="conversation-title">{ctx.t('try.conversation')}</h2>
      <ChatLive ctx={ctx} conversation={conversation} language={language} />
      <form method="post" action="/try" id="reply" class="reply">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="lang" value={language} />
        <label for="message">{ctx.t('try.message')}</label>
        <input
          id="message"
          name="text"
          lang={language}
          dir="auto"
          maxlength={1000}
          autocomplete="off"
        />
        <button type="submit">{ctx.t('try.send')}</button>
      </form>
    </>
  );
}

/** What changes as the conversation goes on: the lines, and whether a reply is awaited. */
function ChatLive(props: {
  ctx: PageContext;
  conversation: WebchatConversation;
  language: string;
}) {
  const { ctx, conversation, language } = props;
  const { lines } = conversation;
  const open = openQuestion(lines);
  const waiting = lines.at(-1)?.author === 'resident';
  return (
    <div id="chat-live" data-latest={String(lines.at(-1)?.id ?? 0)}>
      {lines.length === 0 ? (
        <p class="notice">{ctx.t('try.empty')}</p>
      ) : (
        <ol class="chat" aria-labelledby="conversation-title" lang={language}>
          {lines.map((line, i) => (
            <li class={`bubble ${line.author}`}>
              <p class="who" lang={ctx.language} dir={direction(ctx.language)}>
                {line.author === 'bloei' ? 'Bloei' : ctx.t('try.you')}
              </p>
              <p class="lines-kept" dir="auto">
                {line.text}
              </p>
              {line.choices.length > 0 &&
                (i === open ? (
                  <Choices ctx={ctx} line={line} language={language} />
                ) : (
                  <ol class="past-choices">
                    {line.choices.map((c) => (
                      <li dir="auto">{c.label}</li>
                    ))}
                  </ol>
                ))}
            </li>
          ))}
        </ol>
      )}
      {waiting && (
        <p class="notice" role="status">
          {ctx.t('try.waiting')} <a href={`/try#reply`}>{ctx.t('try.refresh')}</a>
        </p>
      )}
    </div>
  );
}

/** Bloei's buttons: tapping one answers the question, as on a phone. */
function Choices(props: { ctx: PageContext; line: WebchatEntry; language: string }) {
  const { ctx, line, language } = props;
  return (
    <form method="post" action="/try" class="choices" aria-label={ctx.t('try.choices')}>
      <CsrfField token={ctx.csrf} />
      <input type="hidden" name="lang" value={language} />
      {line.ref && <input type="hidden" name="ref" value={line.ref} />}
      {line.choices.map((c, i) => (
        <button type="submit" name="choice" value={c.id} dir="auto">
          {`${i + 1}. ${c.label}`}
        </button>
      ))}
    </form>
  );
}
