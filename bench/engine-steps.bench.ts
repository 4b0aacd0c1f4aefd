/**
 * Engine cost per update at step 1 and step 12 of a 12-question flow, for Bloei's pure engine
 * and for the same flow written with `@grammyjs/conversations`, which replays the
 * conversation function from the start on every update. Both run inside a grammY bot driven
 * in-process with `bot.handleUpdate` (API calls answered by a recording stub, no network),
 * render the same translated questions and send one message per update, so both pay grammY's
 * cost and the difference is the flow mechanism. Bloei's side is its Telegram adapter's
 * `toInbound` → `runEngine` → translator → `renderForTelegram`, with state kept in memory
 * instead of Postgres (the pipeline benchmark measures that part).
 */
import { conversations, createConversation } from '@grammyjs/conversations';
import type { Conversation, ConversationFlavor } from '@grammyjs/conversations';
import { Bot, type Context } from 'grammy';
import { renderForTelegram } from '../src/bots/telegram/render.js';
import { toInbound } from '../src/bots/telegram/to-inbound.js';
import type { Translator } from '../src/conversations/ports.js';
import { loadFlows } from '../src/flows/definitions/index.js';
import { consentTextVersion } from '../src/flows/definitions/onboarding.js';
import { runEngine, type EngineContext, type EngineInput } from '../src/flows/engine.js';
import { parseFlow } from '../src/flows/spec.js';
import { initialState, type ConversationState } from '../src/flows/state.js';
import { loadLocales } from '../src/i18n/load-locales.js';
import { createTranslator } from '../src/i18n/translator.js';
import { medians, percentile, type BenchContext, type BenchResult } from './bench-context.js';
import { inProcessBot, textUpdate, type RecordedCall } from './in-process-telegram.js';

const steps = 12;
const chats = 1_000;
const batch = 100;
/** Existing open questions, so both sides send real translated texts. */
const texts = ['energy', 'skills', 'forOthers', 'ownWish'].map((k) => `talentenscan.${k}`);
const questionKeys = Array.from({ length: steps }, (_, i) => texts[i % texts.length]!);
const closingKey = 'talentenscan.benefit';

/** The bench flow: twelve open questions, then a closing message. */
const twelveQuestions = parseFlow({
  id: 'twelveQuestions',
  version: 1,
  title: 'talentenscan.title',
  start: 'q1',
  steps: {
    ...Object.fromEntries(
      questionKeys.map((text, i) => [
        `q${i + 1}`,
        { kind: 'text', text, next: i + 1 < steps ? `q${i + 2}` : 'closing' },
      ]),
    ),
    closing: { kind: 'message', text: closingKey, next: 'end' },
  },
});

type Side = (calls: RecordedCall[]) => Bot<Context>;

/** Bloei: a grammY handler around the pure engine; the state of each chat kept in a Map. */
function bloeiBot(translator: Translator): Side {
  const flows = new Map([...loadFlows(), [twelveQuestions.id, twelveQuestions]]);
  let runs = 0;
  const engine: EngineContext = {
    flows,
    lexicon: translator,
    now: new Date('2026-03-02T10:00:00Z'),
    newId: () => `run-${++runs}`,
  };
  const consented: ConversationState = {
    ...initialState('nl'),
    consented: true,
    consentVersion: consentTextVersion,
  };
  return (calls) => {
    const bot = new Bot<Context>('1:bench', inProcessBot(calls));
    const states = new Map<string, ConversationState>();
    bot.on('message:text', async (ctx) => {
      const inbound = toInbound(ctx.update);
      if (inbound?.content.type !== 'text') return;
      const input: EngineInput =
        inbound.content.text === '/start'
          ? { type: 'start', flow: twelveQuestions.id }
          : { type: 'text', text: inbound.content.text };
      const result = runEngine(engine, states.get(inbound.userId) ?? consented, input);
      states.set(inbound.userId, result.state);
      for (const event of result.events) {
        if (event.type !== 'message') continue;
        const rendered = translator.render(event.message, result.state.language);
        const outbound = { channel: inbound.channel, userId: inbound.userId, ...rendered };
        for (const part of renderForTelegram(outbound)) {
          await ctx.reply(part.text, part.replyMarkup ? { reply_markup: part.replyMarkup } : {});
        }
      }
    });
    return bot;
  };
}

/** The same flow with @grammyjs/conversations: a function replayed on every update. */
function conversationsBot(translator: Translator): Side {
  const say = (key: string) => translator.text(key, 'nl') ?? key;
  async function twelveQuestionsFlow(conversation: Conversation, ctx: Context) {
    for (const key of questionKeys) {
      await ctx.reply(say(key));
      ctx = await conversation.waitFor('message:text');
    }
    await ctx.reply(say(closingKey));
  }
  return (calls) => {
    const bot = new Bot<ConversationFlavor<Context>>('1:bench', inProcessBot(calls));
    bot.use(conversations());
    bot.use(createConversation(twelveQuestionsFlow, 'twelveQuestions'));
    bot.command('start', (ctx) => ctx.conversation.enter('twelveQuestions'));
    return bot as unknown as Bot<Context>;
  };
}

/** Chats `from` … `to - 1` send `text` at once, as grammY's runner would hand them over. */
function burst(bot: Bot<Context>, from: number, to: number, text: string): Promise<unknown> {
  return Promise.all(
    Array.from({ length: to - from }, (_, i) => bot.handleUpdate(textUpdate(from + i + 1, text))),
  );
}

/**
 * Microseconds per update at each step: the chats answer step k in batches of `batch`
 * handled concurrently; a batch's wall time divided by its size, median over the batches
 * (a garbage collection landing in one batch does not move it). Concurrency matters for the
 * plugin: each replay ends by waiting a `setTimeout(0)`, about a millisecond of idle time
 * that one chat after another would count as cost, while the process works on other chats.
 */
async function stepCosts(side: Side): Promise<{ step1: number; step12: number }> {
  const calls: RecordedCall[] = [];
  const bot = side(calls);
  await burst(bot, 0, chats, '/start');
  const perStep: number[] = [];
  for (let step = 1; step <= steps; step++) {
    const perUpdate: number[] = [];
    for (let from = 0; from < chats; from += batch) {
      const start = performance.now();
      await burst(bot, from, from + batch, `Antwoord ${step}: graag in de tuin.`);
      perUpdate.push(((performance.now() - start) * 1000) / batch);
    }
    perStep.push(percentile(perUpdate, 0.5));
  }
  const sent = calls.filter((c) => c.method === 'sendMessage').length;
  if (sent !== chats * (steps + 1)) {
    throw new Error(`expected ${chats * (steps + 1)} messages sent, got ${sent}`);
  }
  return { step1: perStep[0]!, step12: perStep[steps - 1]! };
}

export async function engineStepsBench(_ctx: BenchContext): Promise<BenchResult[]> {
  const translator = await createTranslator(loadLocales(), 'nl');
  const bloei = bloeiBot(translator);
  const plugin = conversationsBot(translator);
  // Warm up both (JIT), then alternate the sides so the machine's noise hits both alike.
  await stepCosts(bloei);
  await stepCosts(plugin);
  const runs = await medians(3, async () => {
    const b = await stepCosts(bloei);
    const p = await stepCosts(plugin);
    return { bloei1: b.step1, bloei12: b.step12, plugin1: p.step1, plugin12: p.step12 };
  });
  const us = (v: number) => `${v.toFixed(0)} µs`;
  const flow = `${steps}-question flow, ${chats.toLocaleString('en')} chats`;
  return [
    {
      name: `engine cost per update, step 12 vs step 1 (Bloei engine in grammY, ${flow})`,
      value: `${us(runs.bloei12)} at step 12`,
      baseline: `${us(runs.bloei1)} at step 1`,
      ratio: runs.bloei12 / runs.bloei1,
    },
    {
      name: `engine cost per update, step 12 vs step 1 (@grammyjs/conversations, ${flow})`,
      value: `${us(runs.plugin12)} at step 12`,
      baseline: `${us(runs.plugin1)} at step 1`,
      ratio: runs.plugin12 / runs.plugin1,
    },
    {
      name: 'engine cost per update at step 1, Bloei vs @grammyjs/conversations',
      value: `${us(runs.bloei1)} Bloei`,
      baseline: `${us(runs.plugin1)} @grammyjs/conversations`,
      ratio: runs.bloei1 / runs.plugin1,
    },
    {
      name: 'engine cost per update at step 12, Bloei vs @grammyjs/conversations',
      value: `${us(runs.bloei12)} Bloei`,
      baseline: `${us(runs.plugin12)} @grammyjs/conversations`,
      ratio: runs.bloei12 / runs.plugin12,
    },
  ];
}
