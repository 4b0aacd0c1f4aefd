/**
 * One text in one language: what residents get now, the Dutch text a translation follows,
 * the form to change it (placeholders to keep named, Arabic typed right to left), why a save
 * was refused, the way back to the shipped text, the text in every language, and every change
 * with who made it, when, before and after, each one undoable.
 */
import type { TextCell } from '../../../texts/browse-texts.js';
import type { EditableText } from '../../../texts/text-editor.js';
import type { TextRefusal } from '../../../texts/text-refusal.js';
import type { TextRevision } from '../../../texts/text-store.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { CsrfField } from '../../components/forms.js';
import { direction, languageName, LanguageText } from '../../components/language-text.js';
import { TimeAgo } from '../../components/time-ago.js';
import type { PageContext } from '../../page-context.js';
import { editHref, TextCellView } from './browse-view.js';

export const doneNotes = ['saved', 'unchanged', 'reverted', 'reset'] as const;
export type DoneNote = (typeof doneNotes)[number];

export interface TextEditPageProps {
  ctx: PageContext;
  text: EditableText;
  /** Where the text is: its group's title and, in a flow, the step's number. */
  where: { group: string; groupId: string; step: number | null };
  /** The same text in every language, Dutch first. */
  languages: readonly { lang: string; cell: TextCell }[];
  history: readonly TextRevision[];
  done: DoneNote | null;
  refusals: readonly TextRefusal[];
  /** What the coordinator typed, shown again when it was refused. */
  draft: string | null;
  now: Date;
}

/** A refusal in the coordinator's words (`texts.refusal.<code>` in locales/<lng>/texts.json). */
export function refusalText(ctx: PageContext, refusal: TextRefusal): string {
  return ctx.render({
    key: `texts.refusal.${refusal.code}`,
    params: { value: { text: refusal.value ?? '' }, expected: { text: refusal.expected ?? '' } },
  });
}

export function TextEditPage(props: TextEditPageProps) {
  const { ctx, text, where, languages, history, done, refusals, draft, now } = props;
  const language = languageName(text.lang, ctx.language);
  const translation = text.status !== 'source';
  return (
    <>
      <p>
        <a href={`/texts?${new URLSearchParams({ group: where.groupId }).toString()}`}>
          {ctx.t('texts.back', { group: where.group })}
        </a>
      </p>
      {done && (
        <div class="notice" role="status">
          <p>{ctx.t(`texts.done.${done}`)}</p>
          {done !== 'unchanged' && (
            <p>
              <a
                class="button"
                href={`/try?${new URLSearchParams({ lang: text.lang }).toString()}`}
              >
                {ctx.t('texts.tryIt')}
              </a>{' '}
              <small>{ctx.t('texts.tryItHint')}</small>
            </p>
          )}
        </div>
      )}
      {refusals.length > 0 && (
        <div class="error" role="alert">
          <p>{ctx.t('texts.notSaved')}</p>
          <ul>
            {refusals.map((r) => (
              <li>{refusalText(ctx, r)}</li>
            ))}
          </ul>
        </div>
      )}
      <dl>
        <dt>{ctx.t('texts.where')}</dt>
        <dd>
          {where.group}
          {where.step !== null && ` · ${ctx.t('texts.step', { number: where.step })}`}
        </dd>
        <dt>{ctx.t('texts.key')}</dt>
        <dd>
          <code>{text.key}</code>
        </dd>
        <dt>{ctx.t('texts.language')}</dt>
        <dd>{language}</dd>
        <dt>{ctx.t('texts.status')}</dt>
        <dd>
          <span class={`status status-${text.status}`}>
            {ctx.render({ key: `texts.status.${text.status}`, params: {} })}
          </span>
          {text.override && (
            <>
              {' '}
              <span class="status status-changed">{ctx.t('texts.changed')}</span>
            </>
          )}
        </dd>
      </dl>
      {translation && text.dutch !== null && (
        <>
          <h2>{ctx.t('texts.dutchText')}</h2>
          <LanguageText lang="nl" block class="quote">
            {text.dutch}
          </LanguageText>
        </>
      )}
      {text.notEditable ? (
        <>
          <p class="notice">{refusalText(ctx, { code: text.notEditable })}</p>
          <h2>{ctx.t('texts.current')}</h2>
          <LanguageText lang={text.lang} block class="quote">
            {text.text ?? ctx.t('texts.noText')}
          </LanguageText>
        </>
      ) : (
        <EditForm ctx={ctx} text={text} language={language} draft={draft} />
      )}
      {text.override && !text.notEditable && (
        <section>
          <h2>{ctx.t('texts.shipped')}</h2>
          <LanguageText lang={text.lang} block class="quote">
            {text.shipped ?? ctx.t('texts.noText')}
          </LanguageText>
          <form method="post" action="/texts/reset">
            <CsrfField token={ctx.csrf} />
            <input type="hidden" name="lang" value={text.lang} />
            <input type="hidden" name="key" value={text.key} />
            <p>
              <button type="submit" class="secondary">
                {ctx.t('texts.resetButton')}
              </button>
            </p>
            <p>
              <small>{ctx.t('texts.resetHelp')}</small>
            </p>
          </form>
        </section>
      )}
      <AllLanguages ctx={ctx} languages={languages} textKey={text.key} />
      <History ctx={ctx} text={text} history={history} now={now} />
    </>
  );
}

function EditForm(props: {
  ctx: PageContext;
  text: EditableText;
  language: string;
  draft: string | null;
}) {
  const { ctx, text, language, draft } = props;
  const { required, allowed } = text.placeholders;
  const optional = allowed.filter((p) => !required.includes(p));
  return (
    <form method="post" action="/texts" class="text-form">
      <CsrfField token={ctx.csrf} />
      <input type="hidden" name="lang" value={text.lang} />
      <input type="hidden" name="key" value={text.key} />
      <label for="text">{ctx.t('texts.yourText', { language })}</label>
      <textarea
        id="text"
        name="text"
        lang={text.lang}
        dir={direction(text.lang)}
        rows={text.wordList ? 3 : 8}
        maxlength={text.maxLength}
        aria-describedby="text-help"
      >
        {draft ?? text.text ?? ''}
      </textarea>
      <ul id="text-help" class="help">
        {required.length > 0 && (
          <li>
            {ctx.t('texts.required')} <code>{required.join(' ')}</code>
          </li>
        )}
        {optional.length > 0 && (
          <li>
            {ctx.t('texts.allowed')} <code>{optional.join(' ')}</code>
          </li>
        )}
        {text.wordList && <li>{ctx.t('texts.wordListHelp')}</li>}
        <li>{ctx.t('texts.maxLength', { max: text.maxLength })}</li>
      </ul>
      <p>
        <button type="submit">{ctx.t('texts.save')}</button>
      </p>
    </form>
  );
}

function AllLanguages(props: {
  ctx: PageContext;
  languages: TextEditPageProps['languages'];
  textKey: string;
}) {
  const { ctx, languages, textKey } = props;
  const columns = [{ label: ctx.t('texts.language') }, { label: ctx.t('texts.text') }];
  return (
    <>
      <h2>{ctx.t('texts.allLanguages')}</h2>
      <DataTable id="all-languages" columns={columns}>
        {languages.map(({ lang, cell }) => (
          <tr>
            <Cell label={columns[0]!.label}>
              {cell.status === 'notUsed' ? (
                languageName(lang, ctx.language)
              ) : (
                <a href={editHref(lang, textKey)}>{languageName(lang, ctx.language)}</a>
              )}
            </Cell>
            <Cell label={columns[1]!.label}>
              <TextCellView ctx={ctx} lang={lang} cell={cell} />
            </Cell>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function History(props: {
  ctx: PageContext;
  text: EditableText;
  history: readonly TextRevision[];
  now: Date;
}) {
  const { ctx, text, history, now } = props;
  const columns = ['when', 'who', 'what', 'before', 'after', 'undo'].map((c) => ({
    label: ctx.t(`texts.history.${c}`),
  }));
  const version = (value: string | null) =>
    value === null ? (
      <em>{ctx.t('texts.history.shippedText')}</em>
    ) : (
      <LanguageText lang={text.lang} block>
        {value}
      </LanguageText>
    );
  return (
    <>
      <h2>{ctx.t('texts.history.title')}</h2>
      {history.length === 0 ? (
        <p>{ctx.t('texts.history.none')}</p>
      ) : (
        <DataTable id="history" columns={columns}>
          {history.map((r) => (
            <tr>
              <Cell label={columns[0]!.label}>
                <TimeAgo at={r.at} now={now} language={ctx.language} />
              </Cell>
              <Cell label={columns[1]!.label}>
                {r.staffName ?? ctx.t('texts.history.formerStaff')}
              </Cell>
              <Cell label={columns[2]!.label}>{ctx.t(`texts.history.kinds.${r.kind}`)}</Cell>
              <Cell label={columns[3]!.label}>{version(r.before)}</Cell>
              <Cell label={columns[4]!.label}>{version(r.after)}</Cell>
              <Cell>
                {!text.notEditable && (
                  <form method="post" action="/texts/revert">
                    <CsrfField token={ctx.csrf} />
                    <input type="hidden" name="revision" value={String(r.id)} />
                    <input type="hidden" name="lang" value={text.lang} />
                    <input type="hidden" name="key" value={text.key} />
                    <button type="submit" class="secondary">
                      {ctx.t('texts.history.revert')}
                    </button>
                  </form>
                )}
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
