/**
 * Talent profiles: residents who finished a talentenscan and whose consent stands, with a
 * search by words, interest and (for a coordinator) wijk.
 */
import type { TalentProfileItem } from '../../../store/finders/talents-finder.js';
import { Options, WijkSelect } from '../../components/forms.js';
import type { PageContext } from '../../page-context.js';

export interface TalentSearchProps {
  ctx: PageContext;
  profiles: readonly TalentProfileItem[];
  /** Interest ids to their labels, in the talentenscan's order. */
  interests: ReadonlyMap<string, string>;
  wijken: ReadonlyMap<string, string>;
  filter: { words: string; interest: string | null; wijk: string | null };
}

export function TalentSearch({ ctx, profiles, interests, wijken, filter }: TalentSearchProps) {
  const coordinator = ctx.staff?.role === 'coordinator';
  const staffField = (name: string) => ctx.render({ key: `staff.fields.${name}`, params: {} });
  const Field = ({ label, value }: { label: string; value: string | null }) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <>
      <form method="get" action="/talents" class="filters">
        <div class="inline">
          <div>
            <label for="q">{ctx.t('talents.search')}</label>
            <input id="q" name="q" value={filter.words} type="search" />
          </div>
          <div>
            <label for="interest">{ctx.t('talents.interest')}</label>
            <select id="interest" name="interest">
              <option value="">{ctx.t('talents.anyInterest')}</option>
              <Options
                options={[...interests].map(([value, text]) => ({ value, text }))}
                selected={filter.interest}
              />
            </select>
          </div>
          {coordinator && (
            <div>
              <WijkSelect
                label={ctx.t('filters.wijk')}
                allText={ctx.t('filters.allWijken')}
                wijken={wijken}
                selected={filter.wijk}
              />
            </div>
          )}
          <button type="submit">{ctx.t('filters.show')}</button>
        </div>
      </form>
      <p>{ctx.t('talents.found', { count: profiles.length })}</p>
      {profiles.map((p) => (
        <article class="card">
          <h2>
            {p.residentName ?? ctx.t('matches.anonymous')}{' '}
            <small>· {p.wijk ? (wijken.get(p.wijk) ?? p.wijk) : '–'}</small>
          </h2>
          <dl>
            <Field label={staffField('energy')} value={p.energy} />
            <Field label={staffField('skills')} value={p.skills} />
            <Field
              label={staffField('interests')}
              value={p.interests.map((i) => interests.get(i) ?? i).join(', ')}
            />
            <Field label={staffField('forOthers')} value={p.forOthers} />
            <Field label={staffField('ownWish')} value={p.ownWish} />
            <Field
              label={ctx.t('talents.contactWish')}
              value={ctx.t(p.contactWish ? 'talents.yes' : 'talents.no')}
            />
          </dl>
        </article>
      ))}
    </>
  );
}
