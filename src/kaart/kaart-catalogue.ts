/**
 * The kaart one process shows residents, kept in memory so that a chat turn looks offers up
 * without a database read (the engine is pure and synchronous). It reloads when the kaart
 * changed: at most once per `everyMs` it asks the store for a version (one small read), and
 * loads the offers only when that moved. An import or a dashboard edit in another process is
 * therefore seen within seconds; the process that made it can call `refresh()` at once.
 */
import { DateTime } from 'luxon';
import type { KaartLookup, NearbyQuery, OfferCard, ScanProfile } from '../flows/kaart-lookup.js';
import { browseOffers, interestsNearby } from './browse-offers.js';
import { matchOffers } from './match-offers.js';
import { isCurrent, KAART_ZONE, type Offer } from './offer.js';
import { offerCard } from './offer-card.js';
import type { OfferStore } from './offer-store.js';
import type { WijkNeighbours } from './wijk-reach.js';

/** What the catalogue reads. */
export type KaartSource = Pick<OfferStore, 'listOffers' | 'neighbours' | 'kaartVersion'>;

export interface KaartCatalogueOptions {
  clock(): Date;
  /** At most this often the store is asked whether the kaart changed (default 10 s). */
  everyMs?: number;
  /** A background refresh failed: the last kaart stays in use. Told once per outage. */
  onError?(error: Error): void;
  onRecovered?(): void;
}

/** Most offers "what is there to do" lists for one interest: a chat list stays readable. */
export const maxNearby = 8;

interface Snapshot {
  version: string | null;
  offers: readonly Offer[];
  byId: ReadonlyMap<string, Offer>;
  neighbours: WijkNeighbours;
  /** Cards already worked out, per language and offer id. */
  cards: Map<string, OfferCard>;
}

const empty: Snapshot = {
  version: null,
  offers: [],
  byId: new Map(),
  neighbours: new Map(),
  cards: new Map(),
};

export class KaartCatalogue {
  private snapshot: Snapshot = empty;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private queue: Promise<boolean> = Promise.resolve(false);
  private timer: NodeJS.Timeout | null = null;
  private failing = false;
  private readonly everyMs: number;

  constructor(
    private readonly source: KaartSource,
    private readonly options: KaartCatalogueOptions,
  ) {
    this.everyMs = options.everyMs ?? 10_000;
  }

  /** How many offers (shown or not) the process holds now. */
  get size(): number {
    return this.snapshot.offers.length;
  }

  /** Reloads when the kaart changed, after a refresh already under way. True when it did. */
  refresh(): Promise<boolean> {
    const next = this.queue.catch(() => false).then(() => this.load());
    this.queue = next;
    return next;
  }

  /** Background refreshes, at most once per `everyMs`; the timer never keeps the process alive. */
  start(): void {
    if (this.timer) return;
    let busy = false;
    this.timer = setInterval(
      () => {
        if (busy || this.options.clock().getTime() - this.checkedAt < this.everyMs) return;
        busy = true;
        this.refresh()
          .then(
            () => {
              if (this.failing) this.options.onRecovered?.();
              this.failing = false;
            },
            (error: Error) => {
              if (!this.failing) this.options.onError?.(error);
              this.failing = true;
            },
          )
          .finally(() => (busy = false));
      },
      Math.min(1_000, this.everyMs),
    );
    this.timer.unref();
  }

  /** Stops the refreshes and waits for one under way, so the database can close after. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue.catch(() => false);
  }

  /** The kaart as the engine sees it in one resident's turn; `wijk` is theirs, if known. */
  forResident(wijk: string | null): KaartLookup {
    const snapshot = this.snapshot;
    const card = (offer: Offer, language: string) => cardOf(snapshot, offer, language);
    const options = (now: Date) => ({ today: today(now), neighbours: snapshot.neighbours });
    return {
      residentWijk: wijk,
      forScan(profile: ScanProfile, now: Date): OfferCard[] {
        const match = matchOffers(profile, snapshot.offers, options(now));
        if (match.offers.length === 0) return [];
        const picked = [...match.offers, ...(match.training ? [match.training] : [])];
        return picked.map((s) => card(s.offer, profile.language));
      },
      interestsNearby(query: NearbyQuery, now: Date): string[] {
        return interestsNearby(snapshot.offers, query, options(now)).map((i) => i.interest);
      },
      nearby(query: NearbyQuery, interest: string, now: Date): OfferCard[] {
        return browseOffers(snapshot.offers, query, interest, options(now))
          .slice(0, maxNearby)
          .map((s) => card(s.offer, query.language));
      },
      offer(id: string, language: string, now: Date): OfferCard | null {
        const offer = snapshot.byId.get(id);
        return offer && isCurrent(offer, today(now)) ? card(offer, language) : null;
      },
    };
  }

  private async load(): Promise<boolean> {
    this.checkedAt = this.options.clock().getTime();
    const version = await this.source.kaartVersion();
    if (version === this.snapshot.version) return false;
    // Read after the version, so the offers are at least as new as it says.
    const [offers, neighbours] = await Promise.all([
      this.source.listOffers(),
      this.source.neighbours(),
    ]);
    this.snapshot = {
      version,
      offers,
      byId: new Map(offers.map((offer) => [offer.id, offer])),
      neighbours,
      cards: new Map(),
    };
    return true;
  }
}

function today(now: Date): string {
  return DateTime.fromJSDate(now, { zone: KAART_ZONE }).toISODate()!;
}

function cardOf(snapshot: Snapshot, offer: Offer, language: string): OfferCard {
  const key = `${language}\u0000${offer.id}`;
  let card = snapshot.cards.get(key);
  if (!card) snapshot.cards.set(key, (card = offerCard(offer, language)));
  return card;
}
