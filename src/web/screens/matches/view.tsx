/**
 * The WIJ match board: open offers and requests side by side per wijk and category, a form
 * to record a match (which two, which kind), and the recent matches, to be marked lasting or
 * not later on.
 */
import { matchKinds } from '../../../wijmatch/record-match.js';
import type { KaartPlace } from '../../../store/finders/kaart-places-finder.js';
import type { OpenSignUp, RecentMatch } from '../../../store/finders/matches-finder.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { CsrfField, WijkSelect } from '../../components/forms.js';
import { Notice, Problem } from '../../components/notices.js';
import { TimeAgo } from '../../components/time-ago.js';
import type { PageContext } from '../../page-context.js';

export const refusals = ['shape', 'notOpen', 'otherWijk'] as const;

export interface MatchBoardProps {
  ctx: PageContext;
  signUps: readonly OpenSignUp[];
  matches: readonly RecentMatch[];
  /** Places of the sociale kaart to pick as the ontwikkelplaats. */
  places?: readonly KaartPlace[];
  wijken: ReadonlyMap<string, string>;
  /** The wijk shown (a coordinator's filter); null: all. */
  wijk: string | null;
  done: 'recorded' | 'judged' | undefined;
  refused: (typeof refusals)[number] | undefined;
  now: Date;
}

export function MatchBoard(props: MatchBoardProps) {
  const { ctx, signUps, matches, places = [], wijken, wijk, done, refused } = props;
  const coordinator = ctx.staff?.role === 'coordinator';
  const label = (key: string) => ctx.render({ key, params: {} });
  const who = (s: { residentName: string | null } | null) =>
    s?.residentName ?? ctx.t('matches.anonymous');
  const groups = new Map<string, OpenSignUp[]>();
  for (const s of signUps) {
    const key = `${s.wijk ?? ''}\u0000${s.category}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const option = (s: OpenSignUp) => (
    <option value={s.id}>
      {who(s)} · {label(`wijMatch.categories.${s.category}`)} · {s.description.slice(0, 60)}
    </option>
  );
  const Card = ({ s }: { s: OpenSignUp }) => (
    <li class="card">
      <p>
        <strong>{who(s)}</strong> · {s.wijk ? (wijken.get(s.wijk) ?? s.wijk) : '–'} ·{' '}
        <TimeAgo at={s.createdAt} now={props.now} language={ctx.language} />
      </p>
      <p>{s.description}</p>
      {s.availability.length > 0 && (
        <p>
          <small>
            {ctx.t('matches.when')}:{' '}
            {s.availability.map((a) => label(`wijMatch.times.${a}`)).join(', ')}
          </small>
        </p>
      )}
    </li>
  );
  const column = (heading: string, list: OpenSignUp[]) => (
    <div>
      <h4>{heading}</h4>
      <ul>
        {list.map((s) => (
          <Card s={s} />
        ))}
      </ul>
    </div>
  );
  const board = [...groups.entries()].map(([key, list]) => {
    const [groupWijk = '', category = ''] = key.split('\u0000');
    const offers = list.filter((s) => s.kind !== 'request');
    const requests = list.filter((s) => s.kind !== 'offer');
    return (
      <section class="card">
        <h3>
          {wijken.get(groupWijk) ?? (groupWijk || '–')} · {label(`wijMatch.categories.${category}`)}
        </h3>
        <div class="columns">
          {column(ctx.t('matches.offers', { count: offers.length }), offers)}
          {column(ctx.t('matches.requests', { count: requests.length }), requests)}
        </div>
      </section>
    );
  });
  const columns = ['kind', 'between', 'when', 'lasting'].map((c) => ({
    label: ctx.t(`matches.${c}`),
  }));
  return (
    <>
      {done && <Notice text={ctx.t(`matches.${done}`)} />}
      {refused && <Problem text={ctx.t(`matches.refused.${refused}`)} />}
      {coordinator && (
        <form method="get" action="/matches" class="filters inline">
          <WijkSelect
            label={ctx.t('filters.wijk')}
            allText={ctx.t('filters.allWijken')}
            wijken={wijken}
            selected={wijk}
          />
          <button type="submit">{ctx.t('filters.show')}</button>
        </form>
      )}
      <h2>{ctx.t('matches.board')}</h2>
      {board.length === 0 ? <p class="notice">{ctx.t('matches.empty')}</p> : board}
      <h2>{ctx.t('matches.record')}</h2>
      <form method="post" action="/matches" class="card">
        <CsrfField token={ctx.csrf} />
        <label for="kind">{ctx.t('matches.kind')}</label>
        <select id="kind" name="kind">
          {matchKinds.map((k) => (
            <option value={k}>{ctx.t(`matches.kinds.${k}`)}</option>
          ))}
        </select>
        <label for="first">{ctx.t('matches.first')}</label>
        <select id="first" name="first">
          <option value="">–</option>
          {signUps.filter((s) => s.kind !== 'request').map(option)}
        </select>
        <label for="second">{ctx.t('matches.second')}</label>
        <select id="second" name="second">
          <option value="">–</option>
          {signUps.filter((s) => s.kind !== 'offer').map(option)}
        </select>
        {places.length > 0 && (
          <>
            <label for="offer">{ctx.t('matches.offer')}</label>
            <select id="offer" name="offer">
              <option value="">–</option>
              {places.map((p) => (
                <option value={p.id}>
                  {p.name} · {wijken.get(p.wijk) ?? ctx.t('matches.allWijken')}
                </option>
              ))}
            </select>
          </>
        )}
        <label for="ontwikkelplaats">{ctx.t('matches.ontwikkelplaats')}</label>
        <input id="ontwikkelplaats" name="ontwikkelplaats" maxlength={200} />
        <p>
          <button type="submit">{ctx.t('matches.save')}</button>
        </p>
      </form>
      <h2>{ctx.t('matches.recent')}</h2>
      {matches.length === 0 ? (
        <p>{ctx.t('matches.none')}</p>
      ) : (
        <DataTable columns={columns}>
          {matches.map((m) => (
            <tr>
              <Cell label={columns[0]!.label}>{ctx.t(`matches.kinds.${m.kind}`)}</Cell>
              <Cell label={columns[1]!.label}>
                {[m.first && who(m.first), m.second && who(m.second), m.ontwikkelplaats]
                  .filter(Boolean)
                  .join(' ↔ ')}
              </Cell>
              <Cell label={columns[2]!.label}>
                <TimeAgo at={m.recordedAt} now={props.now} language={ctx.language} />
              </Cell>
              <Cell label={columns[3]!.label}>
                {m.lasting === null ? (
                  <form method="post" action={`/matches/${m.id}/lasting`} class="inline">
                    <CsrfField token={ctx.csrf} />
                    <button type="submit" name="lasting" value="yes">
                      {ctx.t('matches.lastingYes')}
                    </button>
                    <button type="submit" name="lasting" value="no" class="secondary">
                      {ctx.t('matches.lastingNo')}
                    </button>
                  </form>
                ) : (
                  ctx.t(m.lasting ? 'matches.lasted' : 'matches.notLasted')
                )}
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
