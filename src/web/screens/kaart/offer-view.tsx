/**
 * One offer of the sociale kaart: the form to add or edit it (every field of the kaart, in
 * words; interests and languages as checkboxes; a translation per language), each problem in
 * the staff member's language next to its field with what she typed kept, and for whoever may
 * not change it the same fields, read-only.
 */
import type { Child } from 'hono/jsx';
import { splitList } from '../../../kaart/offer-columns.js';
import type { OfferProblem } from '../../../kaart/offer-problem.js';
import { offerKinds, offerTrainings, timeNeeds, type Offer } from '../../../kaart/offer.js';
import type { StaleReason } from '../../../kaart/plan-stale-nudges.js';
import { CsrfField, Options, type Option } from '../../components/forms.js';
import { direction, languageName } from '../../components/language-text.js';
import { Notice } from '../../components/notices.js';
import type { PageContext } from '../../page-context.js';
import { checkedAge } from './checked-age.js';
import { OfferActions, type KaartDoneNote } from './list-view.js';
import {
  formLanguages,
  interestField,
  languageField,
  otherLanguagesField,
  translationLanguages,
} from './offer-form.js';

export interface OfferPageProps {
  ctx: PageContext;
  /** The stored offer; null for a new one. */
  offer: Offer | null;
  /** The form's cells by kaart column: the stored offer's, or what was typed. */
  record: Readonly<Record<string, string>>;
  problems: readonly OfferProblem[];
  /** False: the fields are shown, not editable. */
  editable: boolean;
  /** The wijken this staff member may choose, by id ("all" for the whole city), in words. */
  wijken: readonly Option[];
  /** Interest ids to their words. */
  interests: ReadonlyMap<string, string>;
  /** Who can own an offer; null: the field is not hers to set. */
  owners: readonly Option[] | null;
  stale: readonly StaleReason[];
  done: KaartDoneNote | null;
  now: Date;
}

/** A problem in the reader's words (`web.kaart.problem.<code>`). */
export function problemText(ctx: PageContext, problem: OfferProblem): string {
  return ctx.t(`kaart.problem.${problem.code}`, {
    value: problem.value ?? '',
    expected: problem.expected ?? '',
  });
}

export function OfferPage(props: OfferPageProps) {
  const { ctx, offer, record, problems, editable, stale, done, now } = props;
  const field = (column: string) => fieldProps(ctx, problems, column);
  const yesNo: Option[] = ['', 'yes', 'no'].map((value) => ({
    value,
    text: ctx.t(`kaart.form.yesNo.${value || 'unknown'}`),
  }));
  const chosenInterests = new Set(splitList(record['interests'] ?? ''));
  const chosenLanguages = splitList(record['languages'] ?? '');
  const otherLanguages = chosenLanguages.filter(
    (code) => !(formLanguages as readonly string[]).includes(code),
  );
  return (
    <>
      <p>
        <a href="/kaart">{ctx.t('kaart.form.back')}</a>
      </p>
      {done && <Notice text={ctx.t(`kaart.done.${done}`)} />}
      {problems.length > 0 && (
        <p class="error" role="alert">
          {ctx.t('kaart.form.notSaved')}
        </p>
      )}
      {offer && (
        <dl>
          <dt>{ctx.t('kaart.columns.checked')}</dt>
          <dd>
            <time datetime={offer.checkedAt.toISOString()}>
              {checkedAge(offer.checkedAt, now, ctx.language)}
            </time>
            {stale.map((reason) => (
              <>
                {' '}
                <span class="status stale urgent">{ctx.t(`kaart.stale.${reason}`)}</span>
              </>
            ))}
          </dd>
          <dt>{ctx.t('kaart.columns.status')}</dt>
          <dd>{ctx.t(offer.active ? 'kaart.statuses.active' : 'kaart.statuses.inactive')}</dd>
        </dl>
      )}
      {offer && editable && <OfferActions ctx={ctx} offer={offer} />}
      {!editable && <p class="notice">{ctx.t('kaart.form.readOnly')}</p>}
      <form method="post" action="/kaart/offer" class="offer-form">
        <CsrfField token={ctx.csrf} />
        {offer && <input type="hidden" name="id" value={offer.id} />}
        <fieldset disabled={!editable}>
          <Field {...field('name')} label={ctx.t('kaart.form.name')}>
            <input {...field('name').input} type="text" value={record['name'] ?? ''} required />
          </Field>
          <Field {...field('wijk')} label={ctx.t('kaart.form.wijk')}>
            <select {...field('wijk').input}>
              <Options options={props.wijken} selected={record['wijk'] ?? null} />
            </select>
          </Field>
          <Field {...field('kind')} label={ctx.t('kaart.form.kind')}>
            <select {...field('kind').input}>
              <Options
                options={offerKinds.map((k) => ({ value: k, text: ctx.t(`kaart.kinds.${k}`) }))}
                selected={record['kind'] || 'activity'}
              />
            </select>
          </Field>
          <Field {...field('training')} label={ctx.t('kaart.form.training')}>
            <select {...field('training').input}>
              <Options
                options={['', ...offerTrainings].map((t) => ({
                  value: t,
                  text: ctx.t(`kaart.trainings.${t || 'none'}`),
                }))}
                selected={record['training'] ?? ''}
              />
            </select>
          </Field>
          <Field {...field('next_start')} label={ctx.t('kaart.form.nextStart')}>
            <input {...field('next_start').input} type="date" value={record['next_start'] ?? ''} />
          </Field>
          <fieldset class="checks" aria-describedby={field('interests').input['aria-describedby']}>
            <legend>{ctx.t('kaart.form.interests')}</legend>
            {[...props.interests].map(([id, words]) => (
              <label>
                <input
                  type="checkbox"
                  name={interestField(id)}
                  value="yes"
                  checked={chosenInterests.has(id)}
                />{' '}
                {words}
              </label>
            ))}
            <FieldProblem {...field('interests')} />
          </fieldset>
          <Field {...field('description')} label={ctx.t('kaart.form.description')}>
            <textarea {...field('description').input} rows={4} lang="nl" required>
              {record['description'] ?? ''}
            </textarea>
          </Field>
          <Field {...field('when')} label={ctx.t('kaart.form.when')}>
            <input {...field('when').input} type="text" value={record['when'] ?? ''} />
          </Field>
          <Field {...field('where')} label={ctx.t('kaart.form.where')}>
            <input {...field('where').input} type="text" value={record['where'] ?? ''} />
          </Field>
          <Field {...field('contact')} label={ctx.t('kaart.form.contact')}>
            <input {...field('contact').input} type="text" value={record['contact'] ?? ''} />
          </Field>
          <fieldset class="checks" aria-describedby={field('languages').input['aria-describedby']}>
            <legend>{ctx.t('kaart.form.languages')}</legend>
            {formLanguages.map((code) => (
              <label>
                <input
                  type="checkbox"
                  name={languageField(code)}
                  value="yes"
                  checked={chosenLanguages.includes(code)}
                />{' '}
                {languageName(code, ctx.language)}
              </label>
            ))}
            <label for={otherLanguagesField}>{ctx.t('kaart.form.otherLanguages')}</label>
            <input
              id={otherLanguagesField}
              name={otherLanguagesField}
              type="text"
              value={otherLanguages.join('; ')}
            />
            <FieldProblem {...field('languages')} />
          </fieldset>
          <Field {...field('volunteer_task')} label={ctx.t('kaart.form.volunteerTask')}>
            <textarea {...field('volunteer_task').input} rows={2} lang="nl">
              {record['volunteer_task'] ?? ''}
            </textarea>
          </Field>
          <Field {...field('time')} label={ctx.t('kaart.form.time')}>
            <select {...field('time').input}>
              <Options
                options={['', ...timeNeeds].map((t) => ({
                  value: t,
                  text: ctx.t(`kaart.times.${t || 'unknown'}`),
                }))}
                selected={record['time'] ?? ''}
              />
            </select>
          </Field>
          <Field {...field('wheelchair')} label={ctx.t('kaart.form.wheelchair')}>
            <select {...field('wheelchair').input}>
              <Options options={yesNo} selected={record['wheelchair'] ?? ''} />
            </select>
          </Field>
          <Field {...field('bus_stop')} label={ctx.t('kaart.form.busStop')}>
            <select {...field('bus_stop').input}>
              <Options options={yesNo} selected={record['bus_stop'] ?? ''} />
            </select>
          </Field>
          <div class="checks">
            <label>
              <input
                type="checkbox"
                name="from_home"
                value="yes"
                checked={record['from_home'] === 'yes'}
              />{' '}
              {ctx.t('kaart.form.fromHome')}
            </label>
          </div>
          {props.owners && (
            <Field {...field('owner')} label={ctx.t('kaart.form.owner')}>
              <select {...field('owner').input}>
                <Options
                  options={[{ value: '', text: ctx.t('kaart.noOwner') }, ...props.owners]}
                  selected={record['owner'] ?? ''}
                />
              </select>
            </Field>
          )}
          <h2>{ctx.t('kaart.form.translations')}</h2>
          <p>
            <small>{ctx.t('kaart.form.translationsHelp')}</small>
          </p>
          {translationLanguages.map((language) => (
            <Translation ctx={ctx} language={language} record={record} />
          ))}
          {editable && (
            <p>
              <button type="submit">{ctx.t('kaart.form.save')}</button>
            </p>
          )}
        </fieldset>
      </form>
    </>
  );
}

interface FieldInfo {
  /** The problems with this field, in words. */
  problems: string[];
  problemId: string;
  input: { id: string; name: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string };
}

function fieldProps(
  ctx: PageContext,
  problems: readonly OfferProblem[],
  column: string,
): FieldInfo {
  const mine = problems.filter((p) => p.column === column).map((p) => problemText(ctx, p));
  const problemId = `${column}-problem`;
  return {
    problems: mine,
    problemId,
    input: {
      id: column,
      name: column,
      ...(mine.length > 0 ? { 'aria-invalid': 'true', 'aria-describedby': problemId } : {}),
    },
  };
}

function FieldProblem({ problems, problemId }: FieldInfo) {
  if (problems.length === 0) return null;
  return (
    <p class="error field-problem" id={problemId}>
      {problems.join(' ')}
    </p>
  );
}

function Field(props: FieldInfo & { label: string; children?: Child }) {
  return (
    <div class="field">
      <label for={props.input.id}>{props.label}</label>
      {props.children}
      <FieldProblem {...props} />
    </div>
  );
}

/** The four translatable texts in one language, typed in that language's direction. */
function Translation(props: {
  ctx: PageContext;
  language: string;
  record: Readonly<Record<string, string>>;
}) {
  const { ctx, language, record } = props;
  const dir = direction(language);
  const id = (stem: string) => `${stem}_${language}`;
  return (
    <fieldset lang={language} dir={dir}>
      <legend lang={ctx.language} dir={direction(ctx.language)}>
        {languageName(language, ctx.language)}
      </legend>
      {(
        [
          ['description', 'kaart.form.description', true],
          ['when', 'kaart.form.when', false],
          ['where', 'kaart.form.where', false],
          ['volunteer_task', 'kaart.form.volunteerTask', true],
        ] as const
      ).map(([stem, key, long]) => (
        <>
          <label for={id(stem)} lang={ctx.language} dir={direction(ctx.language)}>
            {`${ctx.t(key)} (${languageName(language, ctx.language)})`}
          </label>
          {long ? (
            <textarea id={id(stem)} name={id(stem)} rows={2}>
              {record[id(stem)] ?? ''}
            </textarea>
          ) : (
            <input id={id(stem)} name={id(stem)} type="text" value={record[id(stem)] ?? ''} />
          )}
        </>
      ))}
    </fieldset>
  );
}
