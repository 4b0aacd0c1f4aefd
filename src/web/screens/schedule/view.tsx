/**
 * What Bloei will send on its own initiative, and when: the same list as `schedule list`,
 * one row per message, with its date and time in Amsterdam, its kind and channel in words,
 * and who it is for by first name and wijk (with the contact reference the CLI prints, for
 * looking it up there).
 */
import type { Child } from 'hono/jsx';
import { DateTime } from 'luxon';
import { scheduleZone } from '../../../schedule/schedule-line.js';
import { scheduledKinds } from '../../../schedule/scheduled-kinds.js';
import type { ScheduleItem } from '../../../store/finders/schedule-finder.js';
import { Cell, DataTable } from '../../components/data-table.js';
import type { PageContext } from '../../page-context.js';

export interface ScheduleFilterValues {
  from: string;
  to: string;
  kind: string;
}

export interface ScheduleListProps {
  ctx: PageContext;
  items: readonly ScheduleItem[];
  filter: ScheduleFilterValues;
  wijken: ReadonlyMap<string, string>;
  message?: Child;
}

export function ScheduleList({ ctx, items, filter, wijken, message }: ScheduleListProps) {
  const t = (key: string, values?: Record<string, string | number>) =>
    ctx.t(`schedule.${key}`, values);
  const words = (key: string, fallback: string) => {
    const said = ctx.render({ key, params: {} });
    return said && said !== key ? said : fallback;
  };
  const columns = [t('when'), t('kind'), t('channel'), t('resident')];
  return (
    <>
      {message}
      <p>{t('explain')}</p>
      <form method="get" action="/schedule" class="inline">
        <label>
          {t('from')}
          <input type="date" name="from" value={filter.from} />
        </label>
        <label>
          {t('to')}
          <input type="date" name="to" value={filter.to} />
        </label>
        <label>
          {t('kind')}
          <select name="kind">
            <option value="">{t('allKinds')}</option>
            {Object.keys(scheduledKinds).map((kind) => (
              <option value={kind} selected={filter.kind === kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      {items.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable columns={columns.map((label) => ({ label }))}>
          {items.map((item) => (
            <tr>
              <Cell label={columns[0]}>
                {DateTime.fromJSDate(item.dueAt, { zone: scheduleZone }).toFormat(
                  'yyyy-MM-dd HH:mm',
                )}
              </Cell>
              <Cell label={columns[1]}>{t(`kinds.${item.kind}`)}</Cell>
              <Cell label={columns[2]}>
                {words(`privacy.channelNames.${item.channel}`, item.channel)}
              </Cell>
              <Cell label={columns[3]}>
                {t('residentLine', {
                  name: item.firstName ?? t('noName'),
                  wijk: item.wijk ? (wijken.get(item.wijk) ?? item.wijk) : t('noWijk'),
                })}{' '}
                <small>{item.contactId}</small>
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
