import { describe, expect, it } from 'vitest';
import { LiveTexts } from '../../src/texts/live-texts.js';
import type { TextCatalog, TextOverride } from '../../src/texts/text-catalog.js';
import { pinnedClock } from '../support/golden.js';

/** The store's two reads, counted; `publish` is another process saving a text. */
function fakeStore() {
  let version = 0;
  let overrides: TextOverride[] = [];
  let down = false;
  const calls = { version: 0, overrides: 0 };
  return {
    calls,
    publish(list: TextOverride[]) {
      overrides = list;
      version += 1;
    },
    fail(value: boolean) {
      down = value;
    },
    async version() {
      calls.version += 1;
      if (down) throw new Error('database away');
      return version;
    },
    async overrides() {
      calls.overrides += 1;
      return { version, overrides };
    },
  };
}

const energy = (text: string): TextOverride => ({
  language: 'nl',
  key: 'talentenscan.energy',
  text,
  sourceHash: null,
  revisionId: 1,
});

function setup() {
  const store = fakeStore();
  const clock = pinnedClock();
  const applied: TextCatalog[] = [];
  const errors: string[] = [];
  const live = new LiveTexts({
    store,
    shipped: { nl: { 'talentenscan.energy': 'Waar krijg je energie van?' } },
    shippedSources: {},
    apply: (catalog) => applied.push(catalog),
    clock: clock.now,
    everyMs: 5_000,
    tickMs: 5,
    onError: (error) => errors.push(error.message),
  });
  return { store, clock, applied, errors, live };
}

describe(LiveTexts.name, () => {
  it('asks the database at most once per interval, by the clock it is given', async () => {
    const { store, clock, live } = setup();
    expect(await live.refreshIfDue()).toBe(false);
    expect(store.calls).toEqual({ version: 1, overrides: 0 });
    store.publish([energy('Waar word je blij van?')]);
    clock.advance(4_999);
    expect(await live.refreshIfDue()).toBe(false);
    expect(store.calls.version).toBe(1);
    expect(live.catalog.text('nl', 'talentenscan.energy')).toBe('Waar krijg je energie van?');
    clock.advance(1);
    expect(await live.refreshIfDue()).toBe(true);
    expect(store.calls).toEqual({ version: 2, overrides: 1 });
    expect(live.catalog.text('nl', 'talentenscan.energy')).toBe('Waar word je blij van?');
  });

  it('loads the overrides only when the counter moved, and hands each new catalog on first', async () => {
    const { store, applied, live } = setup();
    await live.refresh();
    await live.refresh();
    expect(store.calls).toEqual({ version: 2, overrides: 0 });
    store.publish([energy('Een')]);
    await live.refresh();
    expect(applied.map((c) => c.version)).toEqual([1]);
    expect(applied[0]).toBe(live.catalog);
    store.publish([]);
    await live.refresh();
    expect(live.catalog.text('nl', 'talentenscan.energy')).toBe('Waar krijg je energie van?');
  });

  it('checks in the background once started, and stops cleanly', async () => {
    const { store, clock, live } = setup();
    live.start();
    try {
      await waitFor(() => store.calls.version === 1);
      store.publish([energy('Waar word je blij van?')]);
      clock.advance(5_000);
      await waitFor(() => live.catalog.version === 1);
      expect(live.catalog.text('nl', 'talentenscan.energy')).toBe('Waar word je blij van?');
    } finally {
      await live.stop();
    }
  });

  it('keeps the last texts while the database is away, and says so once', async () => {
    const { store, clock, errors, live } = setup();
    store.publish([energy('Waar word je blij van?')]);
    await live.refresh();
    store.fail(true);
    live.start();
    try {
      for (let i = 0; i < 3; i++) {
        const before = store.calls.version;
        clock.advance(5_000);
        await waitFor(() => store.calls.version > before);
      }
      expect(errors).toEqual(['database away']);
      expect(live.catalog.text('nl', 'talentenscan.energy')).toBe('Waar word je blij van?');
    } finally {
      await live.stop();
    }
  });
});

/** Polls a condition; the cap only guards against hanging. */
async function waitFor(condition: () => boolean, capMs = 10_000): Promise<void> {
  const deadline = Date.now() + capMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
