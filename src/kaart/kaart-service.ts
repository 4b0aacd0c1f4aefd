/**
 * The sociale kaart in a running Bloei: the catalogue residents' chats look offers up in, the
 * stale-offer nudges of the maintenance job, and the example kaart on a newcomer's first run.
 * The host builds one and hands `catalogue` to the conversations and `maintenance()` to the
 * maintenance job; storage and delivery come in as ports.
 */
import { KaartCatalogue } from './kaart-catalogue.js';
import {
  kaartMaintenance,
  nudgeByChat,
  type KaartLog,
  type NudgeDirectory,
  type NudgeOutbound,
  type NudgeTexts,
} from './kaart-maintenance.js';
import { loadExampleKaart } from './load-example-kaart.js';
import type { OfferStore } from './offer-store.js';
import type { NudgeRun } from './send-stale-nudges.js';

export interface KaartServiceDeps {
  store: OfferStore & NudgeDirectory;
  /** Renders nudges in the reader's language (the translator). */
  texts: NudgeTexts;
  /** Sends them to a staff member's chat (the channel router). */
  outbound: NudgeOutbound;
  clock(): Date;
  log: KaartLog;
  /** How often the catalogue asks whether the kaart changed (default 10 s). */
  refreshEveryMs?: number;
}

export class KaartService {
  readonly catalogue: KaartCatalogue;

  constructor(private readonly deps: KaartServiceDeps) {
    this.catalogue = new KaartCatalogue(deps.store, {
      clock: deps.clock,
      ...(deps.refreshEveryMs ? { everyMs: deps.refreshEveryMs } : {}),
      onError: (error) => deps.log.warn({ err: error.message }, 'kaart not refreshed'),
      onRecovered: () => deps.log.info({}, 'kaart refreshed again'),
    });
  }

  /**
   * Loads the kaart and keeps it fresh. `exampleCsv` (the example kaart, on an embedded
   * database) is imported first when the kaart is still empty, so a first run shows places.
   */
  async start(exampleCsv: string | null = null): Promise<void> {
    if (exampleCsv !== null) {
      const report = await loadExampleKaart(this.deps.store, exampleCsv, this.deps.clock());
      if (report?.ok) this.deps.log.info({ offers: report.created }, 'example kaart loaded');
      else if (report)
        this.deps.log.warn({ problems: report.problems.length }, 'example kaart refused');
    }
    await this.catalogue.refresh();
    this.catalogue.start();
  }

  /** The maintenance job's part: stale-offer nudges to the offers' owners. */
  maintenance(): Promise<NudgeRun> {
    const { store, texts, outbound, clock, log } = this.deps;
    return kaartMaintenance(store, nudgeByChat(store, texts, outbound, log), clock, log);
  }

  stop(): Promise<void> {
    return this.catalogue.stop();
  }
}
