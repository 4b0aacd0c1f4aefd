/**
 * The match board's cards: an open sign-up as a verbinder reads it (who, where, what, when,
 * how far), a suggested pair with why it fits and one button to match the two, and the slot
 * for ontwikkelplaatsen from the sociale kaart that fit a sign-up.
 */
import type { OpenSignUp } from '../../../store/finders/matches-finder.js';
import type { SuggestedPair } from '../../../wijmatch/suggest-pairs.js';
import { CsrfField } from '../../components/forms.js';
import { TimeAgo } from '../../components/time-ago.js';
import type { PageContext } from '../../page-context.js';

/**
 * An ontwikkelplaats on the sociale kaart that fits a sign-up. The board shows these under
 * the sign-up's card, each with a button that records an inwoner–ontwikkelplaats match; the
 * offer's id goes with the form once a match keeps it.
 */
export interface PlaceSuggestion {
  offerId: string;
  name: string;
}

export interface CardProps {
  ctx: PageContext;
  signUp: OpenSignUp;
  wijken: ReadonlyMap<string, string>;
  now: Date;
}

/** A resident's first name, or that she gave none. */
export const residentName = (ctx: PageContext, s: { residentName: string | null } | null) =>
  s?.residentName ?? ctx.t('matches.anonymous');

const words = (ctx: PageContext, key: string) => ctx.render({ key, params: {} });

export function SignUpDetails({ ctx, signUp: s, wijken, now }: CardProps) {
  return (
    <>
      <p>
        <strong>{residentName(ctx, s)}</strong> · {s.wijk ? (wijken.get(s.wijk) ?? s.wijk) : '–'} ·{' '}
        <TimeAgo at={s.createdAt} now={now} language={ctx.language} />
      </p>
      <p>{s.description}</p>
      {s.availability.length > 0 && (
        <p>
          <small>
            {ctx.t('matches.when')}:{' '}
            {s.availability.map((a) => words(ctx, `wijMatch.times.${a}`)).join(', ')}
          </small>
        </p>
      )}
      {s.mobility && (
        <p>
          <small>
            {ctx.t('matches.distance')}: {words(ctx, `wijMatch.distances.${s.mobility}`)}
          </small>
        </p>
      )}
    </>
  );
}

export function SignUpCard(props: CardProps & { places?: readonly PlaceSuggestion[] }) {
  const { ctx, signUp, places = [] } = props;
  return (
    <li class="card">
      <SignUpDetails {...props} />
      {places.length > 0 && (
        <div class="places">
          <p>
            <small>{ctx.t('matches.places')}</small>
          </p>
          {places.map((place) => (
            <form method="post" action="/matches" class="inline">
              <CsrfField token={ctx.csrf} />
              <input type="hidden" name="kind" value="inwoner-ontwikkelplaats" />
              <input type="hidden" name="first" value={signUp.id} />
              <input type="hidden" name="ontwikkelplaats" value={place.name} />
              <span>{place.name}</span>
              <button type="submit" class="secondary">
                {ctx.t('matches.matchPlace')}
              </button>
            </form>
          ))}
        </div>
      )}
    </li>
  );
}

export interface PairCardProps {
  ctx: PageContext;
  pair: SuggestedPair<OpenSignUp>;
  index: number;
  wijken: ReadonlyMap<string, string>;
  now: Date;
}

export function PairCard({ ctx, pair, index, wijken, now }: PairCardProps) {
  const heading = `pair-${index}`;
  const why = pair.reasons.map((reason) =>
    reason === 'sharedTimes'
      ? ctx.t('matches.why.sharedTimes', {
          times: pair.sharedTimes.map((t) => words(ctx, `wijMatch.times.${t}`)).join(', '),
        })
      : ctx.t(`matches.why.${reason}`),
  );
  return (
    <li class="card pair">
      <h3 id={heading}>
        {residentName(ctx, pair.offer)} ↔ {residentName(ctx, pair.request)} ·{' '}
        {words(ctx, `wijMatch.categories.${pair.offer.category}`)}
      </h3>
      <div class="columns">
        <div>
          <h4>{ctx.t('matches.offer')}</h4>
          <SignUpDetails ctx={ctx} signUp={pair.offer} wijken={wijken} now={now} />
        </div>
        <div>
          <h4>{ctx.t('matches.request')}</h4>
          <SignUpDetails ctx={ctx} signUp={pair.request} wijken={wijken} now={now} />
        </div>
      </div>
      <ul class="why">
        {why.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <form method="post" action="/matches">
        <CsrfField token={ctx.csrf} />
        <input type="hidden" name="kind" value="inwoner-inwoner" />
        <input type="hidden" name="first" value={pair.offer.id} />
        <input type="hidden" name="second" value={pair.request.id} />
        <button type="submit" aria-describedby={heading}>
          {ctx.t('matches.matchThese')}
        </button>
      </form>
    </li>
  );
}
