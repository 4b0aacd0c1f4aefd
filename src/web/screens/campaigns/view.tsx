/**
 * Campaigns for coordinators: the campaigns so far with how far each is (sent, waiting,
 * skipped, cancelled) and a stop button while one runs; a form for a new one; and, before
 * anything is sent, a preview of who gets it, counted per language and channel. Audiences,
 * languages and channels are shown by name, never by id.
 */
import type { Child } from 'hono/jsx';
import { DateTime } from 'luxon';
import { scheduleZone } from '../../../schedule/schedule-line.js';
import type {
  AudienceCount,
  CampaignProgress,
  CampaignRow,
} from '../../../store/campaign-repository.js';
import type { AudienceChoice } from '../../../store/finders/campaign-finder.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { ActionButton, CsrfField } from '../../components/forms.js';
import type { PageContext } from '../../page-context.js';

/** What the form holds: typed in, then carried through the preview to the start. */
export interface CampaignDraft {
  name: string;
  kind: 'checkIn' | 'message';
  /** `wijk:<id>`, `cohort:<id>` or `consent:<purpose>`. */
  audience: string;
  /** `YYYY-MM-DDTHH:MM` in Amsterdam; empty for now. */
  at: string;
  texts: Record<string, string>;
}

export interface CampaignListItem {
  campaign: CampaignRow;
  progress: CampaignProgress;
}

const words = (ctx: PageContext, key: string) => ctx.render({ key, params: {} });

/** An audience in words: "Wijk Stratum", "Cohort DWW voorjaar", "Toestemming: …". */
export function audienceInWords(
  ctx: PageContext,
  choices: readonly AudienceChoice[],
  audience: string,
): string {
  const [kind, value] = [audience.slice(0, audience.indexOf(':')), audience.split(':')[1] ?? ''];
  const choice = choices.find((c) => c.kind === kind && c.value === value);
  const name =
    kind === 'consent' ? words(ctx, `privacy.purposes.${value}`) : (choice?.name ?? value);
  return ctx.t(`campaigns.audiences.${kind === 'cohort' || kind === 'consent' ? kind : 'wijk'}`, {
    name,
  });
}

const when = (at: Date) =>
  DateTime.fromJSDate(at, { zone: scheduleZone }).toFormat('d-M-yyyy HH:mm');

export interface CampaignsPageProps {
  ctx: PageContext;
  campaigns: readonly CampaignListItem[];
  choices: readonly AudienceChoice[];
  languages: readonly string[];
  draft?: CampaignDraft | undefined;
  message?: Child;
}

export function CampaignsPage({
  ctx,
  campaigns,
  choices,
  languages,
  draft,
  message,
}: CampaignsPageProps) {
  const t = (key: string, values?: Record<string, string | number>) =>
    ctx.t(`campaigns.${key}`, values);
  const columns = [t('name'), t('audience'), t('start'), t('status'), t('progress')];
  return (
    <>
      {message}
      <p>{t('explain')}</p>
      {campaigns.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable columns={[...columns.map((label) => ({ label })), { label: '' }]}>
          {campaigns.map(({ campaign, progress: p }) => (
            <tr>
              <Cell label={columns[0]}>{campaign.name}</Cell>
              <Cell label={columns[1]}>
                {audienceInWords(ctx, choices, `${campaign.audience}:${campaign.audienceValue}`)}
              </Cell>
              <Cell label={columns[2]}>{when(campaign.startAt)}</Cell>
              <Cell label={columns[3]}>{t(`statuses.${campaign.status}`)}</Cell>
              <Cell label={columns[4]}>
                {t('counts', {
                  recipients: p.recipients,
                  sent: p.sent,
                  waiting: p.pending + p.sending,
                  skipped: p.skipped,
                  cancelled: p.cancelled,
                })}
              </Cell>
              <Cell>
                {campaign.status === 'running' && p.pending > 0 && (
                  <ActionButton
                    action={`/campaigns/${campaign.id}/stop`}
                    csrf={ctx.csrf}
                    text={t('stop')}
                    secondary
                  />
                )}
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>{t('new')}</h2>
      <form method="post" action="/campaigns/preview">
        <CsrfField token={ctx.csrf} />
        <DraftFields ctx={ctx} choices={choices} languages={languages} draft={draft} />
        <button type="submit">{t('preview')}</button>
      </form>
    </>
  );
}

function DraftFields({
  ctx,
  choices,
  languages,
  draft,
}: {
  ctx: PageContext;
  choices: readonly AudienceChoice[];
  languages: readonly string[];
  draft?: CampaignDraft | undefined;
}) {
  const t = (key: string) => ctx.t(`campaigns.${key}`);
  return (
    <>
      <label>
        {t('name')}
        <input name="name" required maxlength={100} value={draft?.name ?? ''} />
      </label>
      <label>
        {t('kind')}
        <select name="kind">
          {(['checkIn', 'message'] as const).map((kind) => (
            <option value={kind} selected={draft?.kind === kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audience')}
        <select name="audience" required>
          {choices.map((c) => {
            const value = `${c.kind}:${c.value}`;
            return (
              <option value={value} selected={draft?.audience === value}>
                {audienceInWords(ctx, choices, value)}
              </option>
            );
          })}
        </select>
      </label>
      <label>
        {t('startAt')}
        <input name="at" type="datetime-local" value={draft?.at ?? ''} />
      </label>
      <fieldset>
        <legend>{t('texts')}</legend>
        {languages.map((language) => (
          <label lang={language}>
            {words(ctx, `language.names.${language}`)}
            <textarea name={`text_${language}`} maxlength={2000} rows={2}>
              {draft?.texts[language] ?? ''}
            </textarea>
          </label>
        ))}
      </fieldset>
    </>
  );
}

export interface CampaignPreviewProps {
  ctx: PageContext;
  draft: CampaignDraft;
  count: AudienceCount;
  choices: readonly AudienceChoice[];
  languages: readonly string[];
}

/** Who a campaign would reach, before it is sent, with the button that sends it. */
export function CampaignPreview({ ctx, draft, count, choices, languages }: CampaignPreviewProps) {
  const t = (key: string, values?: Record<string, string | number>) =>
    ctx.t(`campaigns.${key}`, values);
  const table = (caption: string, counts: Record<string, number>, name: (k: string) => string) => (
    <DataTable caption={caption} columns={[{ label: caption }, { label: t('residents') }]}>
      {Object.entries(counts).map(([key, n]) => (
        <tr>
          <Cell label={caption}>{name(key)}</Cell>
          <Cell label={t('residents')} numeric>
            {n}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
  return (
    <>
      <p>
        {t('reaches', {
          count: count.total,
          audience: audienceInWords(ctx, choices, draft.audience),
        })}
      </p>
      {table(t('byLanguage'), count.byLanguage, (l) => words(ctx, `language.names.${l}`))}
      {table(t('byChannel'), count.byChannel, (c) => words(ctx, `privacy.channelNames.${c}`))}
      <form method="post" action="/campaigns/start">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="name" value={draft.name} />
        <input type="hidden" name="kind" value={draft.kind} />
        <input type="hidden" name="audience" value={draft.audience} />
        <input type="hidden" name="at" value={draft.at} />
        {languages.map((l) => (
          <input type="hidden" name={`text_${l}`} value={draft.texts[l] ?? ''} />
        ))}
        <button type="submit" disabled={count.total === 0}>
          {t('send', { count: count.total })}
        </button>
      </form>
      <p>
        <a href="/campaigns">{t('back')}</a>
      </p>
    </>
  );
}
