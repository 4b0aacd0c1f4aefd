/**
 * The sociale kaart as staff see it: every offer with its wijk, when and where, who keeps it
 * current and when it was last checked, in words; offers nobody checked for six months (or
 * whose start has passed) flagged. Who may change an offer gets its buttons: "still correct",
 * hide or show again, edit. Everyone else reads.
 */
import type { Offer } from '../../../kaart/offer.js';
import type { StaleReason } from '../../../kaart/plan-stale-nudges.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { ActionButton, Options, WijkSelect } from '../../components/forms.js';
import { Notice } from '../../components/notices.js';
import type { PageContext } from '../../page-context.js';
import { checkedAge } from './checked-age.js';

export const kaartStatuses = ['active', 'stale', 'inactive', 'all'] as const;
export type KaartStatus = (typeof kaartStatuses)[number];

export const kaartDoneNotes = [
  'added',
  'saved',
  'confirmed',
  'deactivated',
  'reactivated',
] as const;
export type KaartDoneNote = (typeof kaartDoneNotes)[number];

export interface KaartRow {
  offer: Offer;
  /** The name of the staff member who keeps it current; null when nobody does. */
  ownerName: string | null;
  canEdit: boolean;
  stale: readonly StaleReason[];
}

export interface KaartListProps {
  ctx: PageContext;
  rows: readonly KaartRow[];
  /** Wijk ids to names. */
  wijken: ReadonlyMap<string, string>;
  filter: { wijk: string | null; status: KaartStatus };
  canAdd: boolean;
  done: KaartDoneNote | null;
  now: Date;
}

/** A wijk id (or "all") in words. */
export function wijkWords(ctx: PageContext, wijken: ReadonlyMap<string, string>, wijk: string) {
  return wijk === 'all' ? ctx.t('kaart.cityWide') : (wijken.get(wijk) ?? wijk);
}

export const offerHref = (id: string) => `/kaart/offer?${new URLSearchParams({ id }).toString()}`;

export function KaartList({ ctx, rows, wijken, filter, canAdd, done, now }: KaartListProps) {
  const columns = ['name', 'wijk', 'when', 'where', 'owner', 'checked', 'status'].map((c) => ({
    label: ctx.t(`kaart.columns.${c}`),
  }));
  const label = (i: number) => columns[i]!.label;
  const choices = new Map([['all', ctx.t('kaart.cityWide')], ...wijken]);
  return (
    <>
      <p>{ctx.t('kaart.intro')}</p>
      {done && <Notice text={ctx.t(`kaart.done.${done}`)} />}
      <form method="get" action="/kaart" class="filters inline">
        <div>
          <WijkSelect
            label={ctx.t('kaart.filter.wijk')}
            allText={ctx.t('kaart.filter.allWijken')}
            wijken={choices}
            selected={filter.wijk}
          />
        </div>
        <div>
          <label for="status">{ctx.t('kaart.filter.status')}</label>
          <select id="status" name="status">
            <Options
              options={kaartStatuses.map((s) => ({ value: s, text: ctx.t(`kaart.statuses.${s}`) }))}
              selected={filter.status}
            />
          </select>
        </div>
        <button type="submit" class="secondary">
          {ctx.t('kaart.filter.show')}
        </button>
      </form>
      {canAdd && (
        <p>
          <a class="button" href="/kaart/offer">
            {ctx.t('kaart.add')}
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>{ctx.t('kaart.none')}</p>
      ) : (
        <DataTable id="offers" columns={[...columns, { label: '' }]}>
          {rows.map(({ offer, ownerName, canEdit, stale }) => (
            <tr data-offer={offer.id}>
              <Cell label={label(0)}>
                <a href={offerHref(offer.id)}>{offer.name}</a>
                <br />
                <small>{ctx.t(`kaart.kinds.${offer.kind}`)}</small>
              </Cell>
              <Cell label={label(1)}>{wijkWords(ctx, wijken, offer.wijk)}</Cell>
              <Cell label={label(2)}>{offer.schedule}</Cell>
              <Cell label={label(3)}>{offer.location}</Cell>
              <Cell label={label(4)}>{ownerName ?? ctx.t('kaart.noOwner')}</Cell>
              <Cell label={label(5)} urgent={stale.length > 0}>
                <time datetime={offer.checkedAt.toISOString()}>
                  {checkedAge(offer.checkedAt, now, ctx.language)}
                </time>
                {stale.map((reason) => (
                  <>
                    <br />
                    <span class="status stale">{ctx.t(`kaart.stale.${reason}`)}</span>
                  </>
                ))}
              </Cell>
              <Cell label={label(6)}>
                {ctx.t(offer.active ? 'kaart.statuses.active' : 'kaart.statuses.inactive')}
              </Cell>
              <Cell>{canEdit && <OfferActions ctx={ctx} offer={offer} edit />}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/**
 * "Still correct", hide or show again: each a form that is one button; in the list also the
 * way to the form (`edit`).
 */
export function OfferActions(props: { ctx: PageContext; offer: Offer; edit?: boolean }) {
  const { ctx, offer, edit } = props;
  return (
    <div class="inline">
      {edit && (
        <a class="button secondary" href={offerHref(offer.id)}>
          {ctx.t('kaart.edit')}
        </a>
      )}
      {offer.active && (
        <ActionButton
          action={`/kaart/${offer.id}/confirm`}
          csrf={ctx.csrf}
          text={ctx.t('kaart.confirm')}
        />
      )}
      <ActionButton
        action={`/kaart/${offer.id}/active`}
        csrf={ctx.csrf}
        secondary
        text={ctx.t(offer.active ? 'kaart.deactivate' : 'kaart.reactivate')}
        field={{ name: 'active', value: offer.active ? 'no' : 'yes' }}
      />
    </div>
  );
}
