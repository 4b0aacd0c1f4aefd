/**
 * The WIJ match board: suggested pairs first, each matched with one button; then the open
 * offers and requests as cards per wijk and category; choosing two sign-ups by hand for what
 * the suggestions miss; and the recent matches, to be marked lasting or not later on.
 */
import { matchKinds } from '../../../wijmatch/record-match.js';
import type { KaartPlace } from '../../../store/finders/kaart-places-finder.js';
import type { OpenSignUp, RecentMatch } from '../../../store/finders/matches-finder.js';
import type { SuggestedPair } from '../../../wijmatch/suggest-pairs.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { CsrfField, Options, WijkSelect } from '../../components/forms.js';
import { Notice, Problem } from '../../components/notices.js';
import { TimeAgo } from '../../components/time-ago.js';
import type { PageContext } from '../../page-context.js';
import { PairCard, residentName, SignUpCard, type PlaceSuggestion } from './sign-up-cards.js';

export const refusals = ['shape', 'notOpen', 'otherWijk'] as const;

export interface MatchBoardProps {
  ctx: PageContext;
  signUps: readonly OpenSignUp[];
  pairs: readonly SuggestedPair<OpenSignUp>[];
  matches: readonly RecentMatch[];
  /** Places of the sociale kaart to pick as the ontwikkelplaats. */
  kaartPlaces?: readonly KaartPlace[];
  wijken: ReadonlyMap<string, string>;
  /** The wijk shown (a coordinator's filter); null: all. */
  wijk: string | null;
  /** The categories a sign-up can have, and the one shown (null: all). */
  categories: readonly string[];
  category: string | null;
  /** Ontwikkelplaatsen from the sociale kaart that fit a sign-up, by sign-up id. */
  places?: ReadonlyMap<string, readonly PlaceSuggestion[]>;
  done: 'recorded' | 'judged' | undefined;
  refused: (typeof refusals)[number] | undefined;
  now: Date;
}

export function MatchBoard(props: MatchBoardProps) {
  const {
    ctx,
    signUps,
    pairs,
    matches,
    kaartPlaces = [],
    wijken,
    wijk,
    done,
    refused,
    now,
  } = props;
  const coordinator = ctx.staff?.role === 'coordinator';
  const label = (key: string) => ctx.render({ key, params: {} });
  const groups = new Map<string, OpenSignUp[]>();
  for (const s of signUps) {
    const key = `${s.wijk ?? ''}\u0000${s.category}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const option = (s: OpenSignUp) => (
    <option value={s.id}>
      {residentName(ctx, s)} · {label(`wijMatch.categories.${s.category}`)} ·{' '}
      {s.description.slice(0, 60)}
    </option>
  );
  const column = (heading: string, list: OpenSignUp[]) => (
    <div>
      <h4>{heading}</h4>
      <ul>
        {list.map((s) => (
          <SignUpCard
            ctx={ctx}
            signUp={s}
            wijken={wijken}
            now={now}
            places={props.places?.get(s.id)}
          />
        ))}
      </ul>
    </div>
  );
  const board = [...groups.entries()].map(([key, list]) => {
    const [groupWijk = '', category = ''] = key.split('\u0000');
    return (
      <section class="card">
        <h3>
          {wijken.get(groupWijk) ?? (groupWijk || '–')} · {label(`wijMatch.categories.${category}`)}
        </h3>
        <div class="columns">
          {column(
            ctx.t('matches.offers', { count: list.filter((s) => s.kind !== 'request').length }),
            list.filter((s) => s.kind !== 'request'),
          )}
          {column(
            ctx.t('matches.requests', { count: list.filter((s) => s.kind !== 'offer').length }),
            list.filter((s) => s.kind !== 'offer'),
          )}
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
      <form method="get" action="/matches" class="filters inline">
        {coordinator && (
          <div>
            <WijkSelect
              label={ctx.t('filters.wijk')}
              allText={ctx.t('filters.allWijken')}
              wijken={wijken}
              selected={wijk}
            />
          </div>
        )}
        <div>
          <label for="category">{ctx.t('matches.category')}</label>
          <select id="category" name="category">
            <option value="">{ctx.t('matches.allCategories')}</option>
            <Options
              options={props.categories.map((c) => ({
                value: c,
                text: label(`wijMatch.categories.${c}`),
              }))}
              selected={props.category}
            />
          </select>
        </div>
        <button type="submit">{ctx.t('filters.show')}</button>
      </form>
      <h2>{ctx.t('matches.suggested')}</h2>
      {pairs.length === 0 ? (
        <p class="notice">{ctx.t('matches.noSuggestions')}</p>
      ) : (
        <>
          <p>{ctx.t('matches.suggestedExplain')}</p>
          <ul class="pairs">
            {pairs.map((pair, index) => (
              <PairCard ctx={ctx} pair={pair} index={index} wijken={wijken} now={now} />
            ))}
          </ul>
        </>
      )}
      <h2>{ctx.t('matches.board')}</h2>
      {board.length === 0 ? <p class="notice">{ctx.t('matches.empty')}</p> : board}
      <details class="card" open={pairs.length === 0}>
        <summary>{ctx.t('matches.chooseYourself')}</summary>
        <form method="post" action="/matches">
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
          {kaartPlaces.length > 0 && (
            <>
              <label for="offer">{ctx.t('matches.kaartOffer')}</label>
              <select id="offer" name="offer">
                <option value="">–</option>
                {kaartPlaces.map((p) => (
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
      </details>
      <h2>{ctx.t('matches.recent')}</h2>
      {matches.length === 0 ? (
        <p>{ctx.t('matches.none')}</p>
      ) : (
        <DataTable columns={columns}>
          {matches.map((m) => (
            <tr>
              <Cell label={columns[0]!.label}>{ctx.t(`matches.kinds.${m.kind}`)}</Cell>
              <Cell label={columns[1]!.label}>
                {[
                  m.first && residentName(ctx, m.first),
                  m.second && residentName(ctx, m.second),
                  m.ontwikkelplaats,
                ]
                  .filter(Boolean)
                  .join(' ↔ ')}
              </Cell>
              <Cell label={columns[2]!.label}>
                <TimeAgo at={m.recordedAt} now={now} language={ctx.language} />
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
