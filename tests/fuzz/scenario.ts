/**
 * One fuzz run: a resident is brought with valid answers to a random point of a random flow
 * (onboarding before or at consent, the menu, or a talentenscan, WIJ match or check-in with
 * some questions answered), gets a long sequence of hostile messages, and must then still be
 * able to finish a talentenscan. Every message is checked by `Resident.send`; this adds the
 * checks over the whole run: stored answers survive, and the conversation can be finished.
 */
import fc from 'fast-check';
import { hostileInput, type Category, type Hostile } from './hostile-inputs.js';
import {
  isLastQuestion,
  Resident,
  runsOf,
  stepOf,
  type FuzzContext,
  type Input,
} from './resident.js';
import type { ConversationState, Run } from '../../src/flows/state.js';

const questionnaires = ['talentenscan', 'wijMatch', 'checkIn'] as const;

export type Point =
  | { at: 'welcome' | 'consent' | 'menu' }
  | { at: 'flow'; flow: (typeof questionnaires)[number]; answers: number };

export interface Scenario {
  greeting: string;
  /** The platform's language hint (Telegram's language_code), if any. */
  hint: string | undefined;
  /** The language chosen in the onboarding. */
  language: string;
  point: Point;
  /** Random numbers the valid answers are chosen with. */
  picks: number[];
  hostile: Hostile[];
}

export function scenarioArbitrary(hostile: { min: number; max: number }): fc.Arbitrary<Scenario> {
  return fc.record({
    greeting: fc.constantFrom(
      'hallo',
      'Hi there',
      'مرحبا',
      'merhaba',
      'cześć',
      'привіт',
      '👋',
      '/start',
    ),
    hint: fc.constantFrom(
      undefined,
      'nl',
      'en',
      'ar',
      'tr',
      'pl',
      'uk',
      'en-GB',
      'AR_eg',
      'pt-BR',
      '',
    ),
    language: fc.constantFrom('nl', 'en', 'ar', 'tr', 'pl', 'uk'),
    point: fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom<Point>({ at: 'welcome' }, { at: 'consent' }) },
      { weight: 1, arbitrary: fc.constant<Point>({ at: 'menu' }) },
      {
        weight: 8,
        arbitrary: fc.record({
          at: fc.constant('flow' as const),
          flow: fc.constantFrom(...questionnaires),
          answers: fc.nat({ max: 14 }),
        }),
      },
    ),
    picks: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    hostile: fc.array(hostileInput, { minLength: hostile.min, maxLength: hostile.max }),
  });
}

export interface RunStats {
  hostile: number;
  /** Per kind of hostile message: how many were sent, and the milliseconds they took. */
  categories: Partial<Record<Category, { count: number; ms: number }>>;
  /** Where the runs started (flow.step). */
  points: Record<string, number>;
  /** Where the hostile messages arrived: the question waiting (flow.step), or none. */
  visited: Record<string, number>;
}

export async function runScenario(
  ctx: FuzzContext,
  scenario: Scenario,
  userId: string,
  stats: RunStats,
): Promise<void> {
  const r: Resident = new Resident(ctx, userId, scenario.hint);
  let picked = 0;
  const pick = () => (scenario.picks[picked % scenario.picks.length] ?? 0) + picked++;

  // 1. To the starting point, with valid answers only.
  const { point } = scenario;
  const want = {
    language: scenario.language,
    menu: point.at === 'flow' ? point.flow : 'talentenscan',
  };
  const advance = async (what: string, done: (s: ConversationState | null) => boolean) => {
    for (let turn = 0; !done(r.state); turn++) {
      if (turn >= 12) r.fail(`setup: could not reach ${what}`);
      await r.send(r.validInput(pick(), want) ?? { line: 'menu' });
    }
  };
  await r.send({ line: scenario.greeting });
  if (point.at !== 'welcome') {
    await advance(
      'the consent question',
      (s) => s?.run?.flow === 'onboarding' && s.run.step === 'consent',
    );
  }
  if (point.at === 'menu' || point.at === 'flow') {
    await advance('the menu', (s) => s?.run?.flow === 'menu');
  }
  if (point.at === 'flow') {
    await advance(point.flow, (s) => s?.run?.flow === point.flow);
    for (let i = 0; i < point.answers; i++) {
      const run = r.state?.run;
      const flow = run && ctx.app.flows.get(run.flow);
      if (!run || !flow || run.flow !== point.flow || isLastQuestion(flow, run.step)) break;
      await r.send(r.validInput(pick(), want)!);
    }
  }
  const where = r.state?.run ? `${r.state.run.flow}.${r.state.run.step}` : 'nowhere';
  stats.points[where] = (stats.points[where] ?? 0) + 1;

  // 2. The hostile messages.
  const stored = await r.storedAnswers();
  for (const hostile of scenario.hostile) {
    const at = r.state?.run ? `${r.state.run.flow}.${r.state.run.step}` : 'no question';
    stats.visited[at] = (stats.visited[at] ?? 0) + 1;
    const started = performance.now();
    await r.send(toInput(hostile, r));
    stats.hostile += 1;
    const kind = (stats.categories[hostile.category] ??= { count: 0, ms: 0 });
    kind.count += 1;
    kind.ms += performance.now() - started;
    // A verbinder takes up hand-offs as they come ('person', menu item 4), or every later
    // message would only hear that a verbinder will be in touch.
    if (!r.state?.run) await r.closeHandoffs();
  }
  await r.checkStoredAnswers(stored, 'after the hostile messages');

  // 3. Finish a talentenscan. "menu" resumes a paused talentenscan where it stopped, so the
  // driver reads the conversation state after every message and answers whatever question
  // it waits at (onboarding again after a declined consent, the menu, the scan), instead of
  // assuming the scan starts at its first question. An open hand-off holds questionnaires
  // back by design: a verbinder closes it first.
  const earlier = runsOf(r.state).find(
    (run) => run.flow === 'talentenscan' && Object.keys(run.answers).length > 0,
  );
  await r.closeHandoffs();
  await r.send({ line: 'menu' });
  let scan: Run | null = null;
  for (let turn = 0; ; turn++) {
    const state = r.state;
    if (scan && !runsOf(state).some((run) => run.id === scan?.id)) break;
    if (turn >= 60) r.fail('could not finish a talentenscan within 60 messages');
    if (state?.run?.flow === 'talentenscan') scan = structuredClone(state.run);
    await r.closeHandoffs();
    const question = stepOf(ctx.app.flows, state?.run);
    // "menu" also ends a safety pause, and sets another questionnaire aside.
    const input: Input | null =
      question &&
      !state?.safetyHold &&
      state?.run?.flow !== 'wijMatch' &&
      state?.run?.flow !== 'checkIn'
        ? r.validInput(pick(), { language: r.language, menu: 'talentenscan', numbers: true })
        : null;
    await r.send(input ?? { line: 'menu' });
  }
  if (!scan) r.fail('no talentenscan was started');
  if (earlier && earlier.id !== scan.id) {
    r.fail(
      `"menu" did not resume the talentenscan with answers (${Object.keys(earlier.answers).join(', ')}): it started over`,
    );
  }
  const { rows } = await ctx.db.query<Record<string, unknown>>(
    'SELECT energy, skills, "forOthers", "ownWish", time, mobility, wijk, interests, "dutchComfort" FROM "TalentProfile" WHERE "runId" = $1',
    [scan.id],
  );
  const profile = rows[0];
  if (!profile) r.fail(`no TalentProfile for the finished talentenscan ${scan.id}`);
  for (const [column, value] of Object.entries(profile)) {
    const answer = scan.answers[column];
    const expected = answer === undefined ? null : answer;
    if (JSON.stringify(value) !== JSON.stringify(expected)) {
      r.fail(
        `TalentProfile.${column} is ${JSON.stringify(value)}, the answer was ${JSON.stringify(expected)}`,
      );
    }
  }
  await r.checkStoredAnswers(stored, 'after finishing');
  const contactId = await r.contactId();
  const { rows: contacts } = await ctx.db.query<{ language: string }>(
    'SELECT language FROM "Contact" WHERE id = $1',
    [contactId],
  );
  if (contacts[0]?.language !== r.language) {
    r.fail(`the contact's language is ${contacts[0]?.language}, the conversation's ${r.language}`);
  }
}

/** A hostile message as the resident sends it; taps use ids and refs seen so far. */
function toInput(hostile: Hostile, r: Resident): Input {
  if (hostile.category === 'media') return { line: hostile.line };
  if (hostile.category !== 'tap') return { line: hostile.text };
  const seen = r.seenChoiceIds;
  const id =
    'seen' in hostile.id ? (seen[hostile.id.seen % seen.length] ?? 'yes') : hostile.id.random;
  const stale = r.seenRefs.filter((ref) => ref !== r.currentRef);
  const ref =
    hostile.ref === 'none'
      ? undefined
      : hostile.ref === 'current'
        ? r.currentRef
        : hostile.ref === 'stale' && stale.length > 0
          ? stale[hostile.salt % stale.length]
          : `${hostile.salt.toString(16)}.${hostile.salt % 40}`;
  // Without a ref, a simple id goes through the simulator's own `<tap:ID>` line.
  if (ref === undefined && /^[\w-]+$/.test(id)) return { line: `<tap:${id}>` };
  return { tap: id, ref };
}
