/**
 * Coordinator tools: import a cohort CSV, the staff (add with a web login, a new chat link
 * code, (de)activate) and the wijken (add, rename, switch off). `message` says what the last
 * action did, above it all.
 */
import type { Child } from 'hono/jsx';
import type { StaffListItem, WijkItem } from '../../../store/finders/admin-finder.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { ActionButton, CsrfField, Options } from '../../components/forms.js';
import type { PageContext } from '../../page-context.js';

export interface AdminOverviewProps {
  ctx: PageContext;
  staff: readonly StaffListItem[];
  wijken: readonly WijkItem[];
  /** The dashboard's languages, for a new staff member's. */
  languages: readonly string[];
  message?: Child;
}

/** The checkbox of one more language a new staff member speaks. */
export const speaksField = (language: string) => `speaks_${language}`;

export function AdminOverview({ ctx, staff, wijken, languages, message }: AdminOverviewProps) {
  const t = (key: string) => ctx.t(`admin.${key}`);
  const languageName = (l: string) => new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l;
  const staffColumns = [t('name'), t('role'), ctx.t('filters.wijk'), t('login'), t('chat')];
  return (
    <>
      {message}
      <section aria-labelledby="cohorts">
        <h2 id="cohorts">{t('cohorts')}</h2>
        <p>{t('cohortsExplain')}</p>
        <form
          method="post"
          action={`/admin/cohorts/preview?_csrf=${ctx.csrf}`}
          enctype="multipart/form-data"
          class="card"
        >
          <label for="csv">{t('csvFile')}</label>
          <input id="csv" name="csv" type="file" accept=".csv,text/csv" required />
          <p>
            <button type="submit">{t('check')}</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="verbinders">
        <h2 id="verbinders">{t('verbinders')}</h2>
        <DataTable columns={[...staffColumns.map((label) => ({ label })), { label: '' }]}>
          {staff.map((v) => (
            <tr>
              <Cell label={staffColumns[0]}>
                {v.name}
                {!v.active && (
                  <>
                    {' '}
                    <span class="status">{t('inactive')}</span>
                  </>
                )}
              </Cell>
              <Cell label={staffColumns[1]}>{t(`roles.${v.role}`)}</Cell>
              <Cell label={staffColumns[2]}>{v.wijkName ?? '–'}</Cell>
              <Cell label={staffColumns[3]}>{v.login ?? '–'}</Cell>
              <Cell label={staffColumns[4]}>{t(v.linked ? 'linked' : 'notLinked')}</Cell>
              <Cell>
                <div class="inline">
                  <ActionButton
                    action={`/admin/verbinders/${v.id}/code`}
                    csrf={ctx.csrf}
                    text={t('newCode')}
                    secondary
                  />
                  <ActionButton
                    action={`/admin/verbinders/${v.id}/active`}
                    csrf={ctx.csrf}
                    text={t(v.active ? 'deactivate' : 'activate')}
                    secondary
                    field={{ name: 'active', value: v.active ? 'no' : 'yes' }}
                  />
                </div>
              </Cell>
            </tr>
          ))}
        </DataTable>
        <form method="post" action="/admin/verbinders" class="card">
          <CsrfField token={ctx.csrf} />
          <h3>{t('addVerbinder')}</h3>
          <label for="v-name">{t('name')}</label>
          <input id="v-name" name="name" required maxlength={100} />
          <label for="v-role">{t('role')}</label>
          <select id="v-role" name="role">
            <option value="verbinder">{t('roles.verbinder')}</option>
            <option value="coordinator">{t('roles.coordinator')}</option>
          </select>
          <label for="v-wijk">{ctx.t('filters.wijk')}</label>
          <select id="v-wijk" name="wijk">
            <option value="">–</option>
            <Options
              options={wijken.filter((w) => w.active).map((w) => ({ value: w.id, text: w.name }))}
            />
          </select>
          <label for="v-language">{t('language')}</label>
          <select id="v-language" name="language">
            <Options
              options={languages.map((l) => ({ value: l, text: languageName(l) }))}
              selected={languages.includes(ctx.language) ? ctx.language : 'nl'}
            />
          </select>
          <fieldset class="checks">
            <legend>{t('speaks')}</legend>
            {languages.map((l) => (
              <label>
                <input type="checkbox" name={speaksField(l)} value="yes" /> {languageName(l)}
              </label>
            ))}
          </fieldset>
          <label for="v-login">{t('login')}</label>
          <input id="v-login" name="login" maxlength={100} autocomplete="off" />
          <label for="v-password">{t('password')}</label>
          <input
            id="v-password"
            name="password"
            type="password"
            minlength={12}
            autocomplete="new-password"
          />
          <p>
            <button type="submit">{t('add')}</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="wijken">
        <h2 id="wijken">{t('wijken')}</h2>
        <DataTable columns={[{ label: t('id') }, { label: t('name') }, { label: '' }]}>
          {wijken.map((w) => (
            <tr>
              <Cell label={t('id')}>{w.id}</Cell>
              <Cell label={t('name')}>
                <form method="post" action={`/admin/wijken/${w.id}`} class="inline">
                  <CsrfField token={ctx.csrf} />
                  <input
                    name="name"
                    value={w.name}
                    aria-label={t('name')}
                    maxlength={100}
                    required
                  />
                  <button type="submit" class="secondary">
                    {t('rename')}
                  </button>
                </form>
              </Cell>
              <Cell>
                <ActionButton
                  action={`/admin/wijken/${w.id}`}
                  csrf={ctx.csrf}
                  text={t(w.active ? 'deactivate' : 'activate')}
                  secondary
                  field={{ name: 'active', value: w.active ? 'no' : 'yes' }}
                />
              </Cell>
            </tr>
          ))}
        </DataTable>
        <form method="post" action="/admin/wijken" class="card inline">
          <CsrfField token={ctx.csrf} />
          <div>
            <label for="w-id">{t('id')}</label>
            <input id="w-id" name="id" required pattern="[a-z0-9][a-z0-9\-]{1,40}" />
          </div>
          <div>
            <label for="w-name">{t('name')}</label>
            <input id="w-name" name="name" required maxlength={100} />
          </div>
          <button type="submit">{t('add')}</button>
        </form>
      </section>
    </>
  );
}

/** A new chat link code, shown once: it is not stored, only its hash. */
export function CodeNotice({
  ctx,
  name,
  code,
  expiresAt,
}: {
  ctx: PageContext;
  name: string;
  code: string;
  expiresAt: Date;
}) {
  const until = expiresAt.toLocaleString(ctx.language, { timeZone: 'Europe/Amsterdam' });
  return (
    <div class="notice" role="status">
      <p>{ctx.t('admin.codeFor', { name })}</p>
      <p>
        <strong>
          <code id="link-code">{code}</code>
        </strong>
      </p>
      <p>{ctx.t('admin.codeExplain', { until })}</p>
    </div>
  );
}
