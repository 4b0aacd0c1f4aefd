/**
 * What coordinators' text overrides cost residents: rendering a message and matching its
 * answer against keywords, with 60 overrides served (10 talentenscan texts in 6 languages,
 * saved through the editor on a real database, the freshness poller running) against a
 * translator with the shipped texts only, in the same run. Overrides replace the shipped
 * texts inside i18next, so the hot path is the same lookup and reads no database. Also the
 * cost of one save (transaction, refresh, rebuilding one namespace) against a single-row commit.
 */
import { createStore } from '../src/store/store.js';
import type { BotMessage } from '../src/flows/events.js';
import { loadFlows } from '../src/flows/definitions/index.js';
import { matchKeyword } from '../src/flows/answers/match-keyword.js';
import { questionChoices } from '../src/flows/step-view.js';
import { addVerbinder } from '../src/handoff/verbinder-admin.js';
import { flattenLocales, loadLocales } from '../src/i18n/load-locales.js';
import { readSourceHashes, shippedSources } from '../src/i18n/source-hashes.js';
import { createTranslator, type LiveTranslator } from '../src/i18n/translator.js';
import { PrismaTextRepository } from '../src/store/text-repository.js';
import { LiveTexts } from '../src/texts/live-texts.js';
import { TextEditor } from '../src/texts/text-editor.js';
import { median, type BenchContext, type BenchResult } from './bench-context.js';

const rounds = 20_000;
const inputs = ['hallo', 'ja', 'stop', 'menu', 'ik help graag in de tuin', 'later', '2'];

/** Every talentenscan step without parameters, in every language, with its choices. */
function scanMessages(languages: readonly string[]): { message: BotMessage; language: string }[] {
  const scan = loadFlows().get('talentenscan')!;
  const messages = Object.values(scan.steps)
    .filter((step) => !step.params)
    .map((step) => ({ key: step.text, params: {}, choices: questionChoices(step) }));
  return languages.flatMap((language) => messages.map((message) => ({ message, language })));
}

/** Microseconds per call of `work`, over `rounds` calls. */
function perCall(work: (i: number) => unknown): number {
  const start = performance.now();
  for (let i = 0; i < rounds; i++) work(i);
  return ((performance.now() - start) * 1000) / rounds;
}

/** Both sides measured alternately, median of the runs: noise lands on both. */
async function compare(
  shipped: LiveTranslator,
  overridden: LiveTranslator,
  measure: (t: LiveTranslator) => number,
): Promise<{ before: number; after: number }> {
  const before: number[] = [];
  const after: number[] = [];
  for (let run = 0; run < 7; run++) {
    before.push(measure(shipped));
    after.push(measure(overridden));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const mid = (values: number[]) => values.sort((a, b) => a - b)[3]!;
  return { before: mid(before), after: mid(after) };
}

export async function textsRenderBench(ctx: BenchContext): Promise<BenchResult[]> {
  const locales = loadLocales();
  const table = flattenLocales(locales);
  const shipped = await createTranslator(locales);
  const overridden = await createTranslator(locales);
  const db = await ctx.database();
  const store = new PrismaTextRepository(db.prisma);
  const live = new LiveTexts({
    store,
    shipped: table,
    shippedSources: shippedSources(readSourceHashes()),
    apply: (catalog) => overridden.applyOverrides(catalog.allOverrides()),
    clock: () => new Date(),
  });
  const editor = new TextEditor({ store, live, flows: loadFlows(), clock: () => new Date() });
  try {
    await live.refresh();
    const { verbinder } = await addVerbinder(
      createStore(db.prisma),
      { name: 'Bench', role: 'coordinator' },
      new Date(),
    );
    const keys = ['intro', 'energy', 'skills', 'forOthers', 'ownWish', 'time', 'mobility']
      .concat(['interests', 'benefit', 'title'])
      .map((k) => `talentenscan.${k}`);
    const saves: number[] = [];
    for (const key of keys) {
      for (const lang of overridden.languages) {
        const start = performance.now();
        const result = await editor.saveText({
          lang,
          key,
          text: `${table[lang]![key]!} (${lang === 'nl' ? 'nieuw' : '✓'})`,
          staffId: verbinder.id,
        });
        saves.push(performance.now() - start);
        if (!result.ok) throw new Error(`bench save refused: ${JSON.stringify(result.refusals)}`);
      }
    }
    if (live.catalog.allOverrides().length !== keys.length * overridden.languages.length) {
      throw new Error('not every override is served');
    }
    live.start();

    const messages = scanMessages(shipped.languages);
    const render = await compare(shipped, overridden, (t) =>
      perCall((i) => {
        const { message, language } = messages[i % messages.length]!;
        return t.render(message, language);
      }),
    );
    const languages = shipped.languages;
    const keyword = await compare(shipped, overridden, (t) =>
      perCall((i) => matchKeyword(inputs[i % inputs.length]!, t, languages[i % languages.length]!)),
    );
    const commit = await median(9, async () => {
      const start = performance.now();
      await db.prisma.erasure.create({ data: { at: new Date() } });
      return performance.now() - start;
    });
    const save = saves.sort((a, b) => a - b)[Math.floor(saves.length / 2)]!;
    const row = (name: string, after: number, before: number, unit: string, base: string) => ({
      name,
      value: `${after.toFixed(unit === 'µs' ? 2 : 1)} ${unit}`,
      baseline: `${before.toFixed(unit === 'µs' ? 2 : 1)} ${unit} ${base}`,
      ratio: after / before,
    });
    return [
      row(
        'render a talentenscan message, 60 text overrides served (poller running)',
        render.after,
        render.before,
        'µs',
        'with the shipped texts only',
      ),
      row(
        'keyword matching per message, 60 text overrides served',
        keyword.after,
        keyword.before,
        'µs',
        'with the shipped texts only',
      ),
      row(
        'save one text through the editor (checked, versioned, served at once), median of 60',
        save,
        commit,
        'ms',
        'per single-row commit',
      ),
    ];
  } finally {
    await live.stop();
    await db.drop();
  }
}
