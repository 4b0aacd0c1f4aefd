/**
 * The sociale kaart in figures: per wijk the offers residents can be sent to, the active
 * ontwikkelplaatsen (a KPI the evaluation names) and the offers that need checking; and which
 * offers residents chose in the period ("I'd like to go" or "send me the details"), from the
 * anonymous monthly counts, so residents who were forgotten still count, and the WIJ matches
 * recorded with each offer (matches per place).
 */
import type { Offer } from '../../../kaart/offer.js';
import { staleReasons } from '../../../kaart/plan-stale-nudges.js';
import type { OfferChoiceTotal } from '../../../store/offer-repository.js';
import { NumbersTable } from '../../components/numbers-table.js';
import type { PageContext } from '../../page-context.js';

export interface KaartWijkFigures {
  /** A wijk id, or "all" for the whole city. */
  wijk: string;
  active: number;
  ontwikkelplaatsen: number;
  stale: number;
}

export interface ChosenOffer {
  name: string;
  wijk: string;
  go: number;
  details: number;
  /** WIJ matches recorded with this offer (matches per place). */
  matches: number;
}

export interface KaartFigureData {
  perWijk: KaartWijkFigures[];
  chosen: ChosenOffer[];
}

/** Works the figures out of the offers and the choice counts, at `now`. */
export function kaartFigures(
  offers: readonly Offer[],
  choices: readonly OfferChoiceTotal[],
  now: Date,
): KaartFigureData {
  const perWijk = new Map<string, KaartWijkFigures>();
  for (const offer of offers) {
    if (!offer.active) continue;
    const row = perWijk.get(offer.wijk) ?? {
      wijk: offer.wijk,
      active: 0,
      ontwikkelplaatsen: 0,
      stale: 0,
    };
    row.active += 1;
    if (offer.kind === 'ontwikkelplaats') row.ontwikkelplaatsen += 1;
    if (staleReasons(offer, now).length > 0) row.stale += 1;
    perWijk.set(offer.wijk, row);
  }
  const chosen = new Map<string, ChosenOffer>();
  for (const choice of choices) {
    const row = chosen.get(choice.offerId) ?? {
      name: choice.name,
      wijk: choice.wijk,
      go: 0,
      details: 0,
      matches: 0,
    };
    row[choice.action === 'match' ? 'matches' : choice.action] += choice.count;
    chosen.set(choice.offerId, row);
  }
  return {
    perWijk: [...perWijk.values()].sort((a, b) => a.wijk.localeCompare(b.wijk)),
    chosen: [...chosen.values()].sort(
      (a, b) =>
        b.go + b.details + b.matches - (a.go + a.details + a.matches) ||
        a.name.localeCompare(b.name, 'nl'),
    ),
  };
}

export function KaartFigures(props: {
  ctx: PageContext;
  figures: KaartFigureData;
  wijken: ReadonlyMap<string, string>;
}) {
  const { ctx, figures, wijken } = props;
  const wijkName = (wijk: string) =>
    wijk === 'all' ? ctx.t('kaart.cityWide') : (wijken.get(wijk) ?? wijk);
  const t = (key: string) => ctx.t(`indicators.kaart.${key}`);
  return (
    <>
      <p>{t('explain')}</p>
      <NumbersTable
        id="table-kaart-wijken"
        caption={t('perWijk')}
        language={ctx.language}
        table={{
          header: [t('wijk'), t('active'), t('ontwikkelplaatsen'), t('stale')],
          rows: figures.perWijk.map((r) => [
            wijkName(r.wijk),
            r.active,
            r.ontwikkelplaatsen,
            r.stale,
          ]),
          numeric: (column) => column > 0,
        }}
      />
      {figures.chosen.length === 0 ? (
        <p class="notice">{t('noneChosen')}</p>
      ) : (
        <NumbersTable
          id="table-kaart-chosen"
          caption={t('chosen')}
          language={ctx.language}
          table={{
            header: [t('offer'), t('wijk'), t('go'), t('details'), t('matches')],
            rows: figures.chosen.map((r) => [r.name, wijkName(r.wijk), r.go, r.details, r.matches]),
            numeric: (column) => column > 1,
          }}
        />
      )}
    </>
  );
}
