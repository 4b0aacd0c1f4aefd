/**
 * The flow engine: `(flows, state, input) → (state, events)`. Pure and deterministic — the
 * clock, ids and translations come in through the context, nothing leaves but events. The
 * host persists and sends what the events describe.
 */
import { FlowRuntimeError } from '../errors/flow-runtime-error.js';
import { registrationConsentVersion, runAction, type Action } from './actions/index.js';
import { parseAnswer } from './answers/parse-answer.js';
import {
  isUnknownCommand,
  matchKeywordLoosely,
  recognizeKeyword,
} from './answers/match-keyword.js';
import { coreFlows } from './core-flows.js';
import type { EngineEvent, MessageParam, BotMessage, InvalidReason } from './events.js';
import { kaartChoiceSets, kaartParams, skipKaartQuestion } from './kaart-questions.js';
import type { KaartLookup } from './kaart-lookup.js';
import { runKeyword } from './keywords/index.js';
import type { Lexicon } from './lexicon.js';
import { respondToMedia } from './media-actions.js';
import { relayedEvent, relayedKeywords, relayToVerbinder } from './relay-actions.js';
import { noVerbinderKeys, noVerbinderParams } from './no-verbinder.js';
import { concernToOffer, offerCare, respondToCrisis } from './safety/respond-to-signals.js';
import { initialState, type ConversationState, type Run } from './state.js';
import type { FlowDefinition, Target } from './spec.js';
import { questionChoices, describeAnswer, type ChoiceSets } from './step-view.js';
import { isQuestion, kindOf, type Step } from './steps/index.js';
import type { TurnOps } from './turn-ops.js';

export { coreFlows } from './core-flows.js';
export { FlowRuntimeError } from '../errors/flow-runtime-error.js';
export { engineKeys } from './engine-keys.js';

export type FlowRegistry = ReadonlyMap<string, FlowDefinition>;

export interface EngineContext {
  flows: FlowRegistry;
  lexicon: Lexicon;
  now: Date;
  newId(): string;
  /** Choice sets kept as data, e.g. the wijken. */
  choiceSets?: ChoiceSets;
  /**
   * A verbinder is handling this resident: no questionnaire starts until the hand-off is
   * closed; stop, language and help still work.
   */
  handoffOpen?: boolean;
  /**
   * A verbinder claimed the resident's hand-off and talks with them through Bloei: what the
   * resident writes is relayed to that verbinder (relay-actions.ts).
   */
  relay?: boolean;
  /**
   * Whether anyone (a verbinder of the resident's wijk, or a coordinator) can receive a
   * hand-off now. When false, a hand-off is still raised, but the resident is told how to
   * reach WIJeindhoven themselves instead of being promised a call. Default: true.
   */
  verbinderAvailable?: boolean;
  /** The sociale kaart, for questions about it; without it they go to their `otherwise`. */
  kaart?: KaartLookup;
}

/** A resident's message as the engine sees it; adapters produce these, never meaning. */
export type EngineInput =
  | { type: 'text'; text: string }
  /** A tapped button; `ref` names the question it belonged to, so a stale tap is refused. */
  | { type: 'choice'; id: string; ref?: string }
  /**
   * A voice note, photo, sticker, …: `kind` says which when the host knows, `ref` is the
   * host's handle to the message (e.g. its channel message id), returned with a hand-off
   * that should carry it (`handoff_requested.media`, `media_forwarded`).
   */
  | { type: 'media'; kind?: string; ref?: string }
  /** The host starts a flow itself (e.g. a scheduled follow-up), optionally after a notice. */
  | { type: 'start'; flow: string; notice?: string }
  /**
   * A message sent while Bloei was away (`sentAt`, ISO), handled long after: safety words and
   * keywords count, but it is no answer to a question the resident may no longer see.
   */
  | { type: 'late'; sentAt: string; input: Exclude<EngineInput, { type: 'start' | 'late' }> };

export interface EngineResult {
  state: ConversationState;
  events: EngineEvent[];
}

/** Wrong answers in a row after which the resident is offered the menu or a person. */
export const maxInvalid = 3;
/** Guards against a definition that loops through message steps forever. */
const maxStepsPerTurn = 50;

export function runEngine(
  ctx: EngineContext,
  state: ConversationState,
  input: EngineInput,
): EngineResult {
  const turn = new Turn(ctx, structuredClone(state));
  turn.handle(input);
  return { state: turn.state, events: turn.events };
}

/**
 * A short name for the question a run waits at, sent along with its buttons: a tap on a
 * button of an earlier question carries another ref and is not taken as an answer.
 */
export function questionRef(flow: FlowDefinition, run: Run): string {
  return `${run.id.slice(0, 8)}.${Object.keys(flow.steps).indexOf(run.step)}`;
}

class Turn implements TurnOps {
  readonly events: EngineEvent[] = [];
  private steps = 0;
  /** Where the question the turn ends with was asked, to hold it back behind an offer. */
  private lastAsk: { index: number; run: Run } | null = null;

  constructor(
    readonly ctx: EngineContext,
    public state: ConversationState,
  ) {}

  handle(input: EngineInput): void {
    if (input.type === 'start') {
      if (input.notice) this.say(input.notice);
      return this.startByHost(input.flow);
    }
    const said = input.type === 'late' ? input.input : input;
    if (said.type === 'text') {
      if (respondToCrisis(this, said.text)) {
        // The verbinder in the conversation reads what made Bloei give the numbers too.
        if (this.ctx.relay && this.state.consented) this.emit(relayedEvent(said));
        return;
      }
      const keyword = recognizeKeyword(said.text, this.ctx.lexicon, this.state.language);
      const forVerbinder = this.ctx.relay && keyword && relayedKeywords.has(keyword);
      if (keyword && !forVerbinder && runKeyword(this, keyword)) return;
    }
    if (relayToVerbinder(this, said)) return;
    if (input.type === 'late') return this.onLate(input.sentAt);
    if (input.type === 'media' && respondToMedia(this, input)) return;
    if (this.state.safetyHold) return this.say('safety.holding');
    if (this.consentOutdated()) return this.startFlow(coreFlows.reconsent);
    const run = this.state.run;
    if (input.type === 'text') {
      const concern = concernToOffer(this, input.text);
      if (concern) return this.offerAfter(run, input, () => offerCare(this, concern));
      if (!run && this.looseKeyword(input.text)) return;
    }
    if (!run) return this.onIdle();
    if (input.type === 'text' && isUnknownCommand(input.text)) return this.invalid(run, 'command');
    this.answer(run, input);
  }

  /**
   * Makes an offer without losing what the resident wrote: a free-text answer is saved first
   * and the next question waits behind the offer; any other question is asked again after it.
   */
  private offerAfter(run: Run | null, input: EngineInput & { type: 'text' }, offer: () => void) {
    if (run && kindOf(this.step(run, run.step)).question?.freeText) {
      this.answer(run, input);
      const last = this.lastAsk;
      if (last && last.index === this.events.length - 1 && last.run === this.state.run) {
        this.events.pop();
      }
    }
    offer();
  }

  /** A keyword typed with a typo ("verbindr"), when the message is no answer. */
  private looseKeyword(text: string): boolean {
    const keyword = matchKeywordLoosely(text, this.ctx.lexicon, this.state.language);
    return keyword !== null && runKeyword(this, keyword);
  }

  /**
   * Messages the resident sent while Bloei was away: one "I am back" note for all of them,
   * then the question they are at (or what an idle conversation offers) again.
   */
  private onLate(sentAt: string): void {
    const noted = this.state.lateNotedAt;
    if (noted && Date.parse(sentAt) <= Date.parse(noted)) return;
    this.state.lateNotedAt = this.ctx.now.toISOString();
    this.say('system.backAgain');
    if (this.state.safetyHold) return this.say('safety.holding');
    if (this.state.run) return this.ask(this.state.run);
    this.onIdle();
  }

  /**
   * The consent text changed since the resident agreed: ask again before anything else
   * (the question in progress waits on the stack).
   */
  private consentOutdated(): boolean {
    const { consented, consentVersion, run } = this.state;
    if (!consented || run?.flow === coreFlows.reconsent || run?.flow === coreFlows.forgetMe) {
      return false;
    }
    const required = registrationConsentVersion(this.ctx.flows.get(coreFlows.onboarding));
    if ((consentVersion ?? 1) >= required) return false;
    if (run) this.state.stack.push(run);
    this.state.run = null;
    return true;
  }

  /**
   * Puts the current run and the runs waiting under it away: each is kept for later when its
   * flow may pause, otherwise ended. A questionnaire waiting under the language question is
   * therefore not lost when the resident asks for the menu or a person there.
   */
  setAside(run: Run | null): void {
    const runs = [...this.state.stack, ...(run ? [run] : [])];
    this.state.run = null;
    this.state.stack = [];
    this.putAway(runs);
  }

  /** Keeps each run for later when its flow may pause, otherwise ends it. */
  putAway(runs: readonly Run[]): void {
    for (const r of runs) {
      if (this.flow(r.flow).pausable) {
        this.state.paused = [...this.state.paused.filter((p) => p.flow !== r.flow), r];
        this.emit({ type: 'flow_paused', flow: r.flow, runId: r.id });
      } else {
        this.emit({ type: 'flow_ended', flow: r.flow, runId: r.id });
      }
    }
  }

  onIdle(): void {
    if (!this.state.consented) return this.startFlow(coreFlows.onboarding);
    if (this.ctx.handoffOpen) return this.say('handoff.waiting');
    const last = this.state.paused.at(-1);
    if (last) {
      this.say('system.welcomeBack');
      return this.startFlow(last.flow);
    }
    this.startFlow(coreFlows.menu);
  }

  private startByHost(flowId: string): void {
    this.setAside(this.state.run);
    this.startFlow(flowId);
  }

  interrupt(flowId: string, seed?: Pick<Run, 'answers' | 'media'>): void {
    if (this.state.run) this.state.stack.push(this.state.run);
    this.state.run = null;
    this.startFlow(flowId, seed);
  }

  startFlow(flowId: string, seed?: Pick<Run, 'answers' | 'media'>): void {
    const paused = this.state.paused.find((p) => p.flow === flowId);
    if (paused) {
      this.state.paused = this.state.paused.filter((p) => p !== paused);
      this.state.run = paused;
      this.emit({ type: 'flow_resumed', flow: flowId, runId: paused.id });
      this.say('system.resumed');
      return this.ask(paused);
    }
    const flow = this.flow(flowId);
    const run: Run = {
      id: this.ctx.newId(),
      flow: flow.id,
      version: flow.version,
      step: flow.start,
      answers: { ...seed?.answers },
      invalid: 0,
      startedAt: this.ctx.now.toISOString(),
      ...(seed?.media ? { media: seed.media } : {}),
    };
    this.state.run = run;
    this.emit({ type: 'flow_started', flow: flow.id, runId: run.id });
    this.enter(run, flow.start);
  }

  /** Walks message steps until a question waits for an answer, or the flow ends. */
  private enter(run: Run, stepId: string): void {
    if (++this.steps > maxStepsPerTurn) {
      throw new FlowRuntimeError(`flow ${run.flow} loops without a question at ${stepId}`, {
        context: { flow: run.flow, step: stepId },
      });
    }
    const step = this.step(run, stepId);
    run.step = stepId;
    run.invalid = 0;
    const instead = skipKaartQuestion(this, run, step);
    if (instead) return this.goTo(run, instead);
    if (isQuestion(step)) return this.ask(run);
    this.emit({ type: 'message', message: this.message(run, step) });
    if (this.act(run, step.do, undefined)) return;
    this.goTo(run, step.next);
  }

  private goTo(run: Run, target: Target): void {
    if (target === 'end') return this.end(run);
    if (target.startsWith('@')) {
      this.emit({ type: 'flow_ended', flow: run.flow, runId: run.id });
      this.state.run = null;
      return this.startFlow(target.slice(1));
    }
    this.enter(run, target);
  }

  private end(run: Run): void {
    this.emit({ type: 'flow_ended', flow: run.flow, runId: run.id });
    this.state.run = null;
    const previous = this.state.stack.pop();
    if (previous) {
      this.state.run = previous;
      this.ask(previous);
    }
  }

  private answer(run: Run, input: Exclude<EngineInput, { type: 'start' | 'late' }>): void {
    const step = this.step(run, run.step);
    if (!isQuestion(step)) return this.enter(run, run.step);
    if (
      input.type === 'choice' &&
      input.ref &&
      input.ref !== questionRef(this.flow(run.flow), run)
    ) {
      return this.invalid(run, 'stale');
    }
    const { clarify } = run;
    delete run.clarify;
    const { lexicon } = this.ctx;
    const parsed = parseAnswer(step, input, lexicon, this.state.language, this.sets, clarify);
    if (!parsed.ok) {
      if (input.type === 'text' && this.looseKeyword(input.text)) return;
      if (parsed.reason === 'ambiguous') return this.clarify(run, parsed.candidates, parsed.keep);
      return this.invalid(run, parsed.reason);
    }
    const name = step.save ?? run.step;
    run.answers[name] = parsed.value;
    if (step.stored)
      this.emit({
        type: 'answer_saved',
        runId: run.id,
        flow: run.flow,
        flowVersion: run.version,
        step: run.step,
        name,
        value: parsed.value,
        indicator: step.indicator ?? null,
      });
    if (parsed.truncated) this.say('system.truncated', { count: { text: String(parsed.max) } });
    if (this.act(run, step.do, parsed.value)) return;
    const answerKey = Array.isArray(parsed.value) ? parsed.value : [String(parsed.value)];
    const branch = step.branches.find((b) => [b.when].flat().some((w) => answerKey.includes(w)));
    this.goTo(run, branch?.next ?? step.next);
  }

  /** The answer fits several choices: show just those, and take a number among them. */
  private clarify(run: Run, candidates: string[], keep: string[]): void {
    run.clarify = { ids: candidates, ...(keep.length > 0 ? { keep } : {}) };
    this.emit({
      type: 'invalid_answer',
      flow: run.flow,
      step: run.step,
      attempt: run.invalid,
      reason: 'ambiguous',
    });
    const step = this.step(run, run.step);
    const choices = questionChoices(step, this.sets);
    this.emit({
      type: 'message',
      message: {
        key: 'system.clarify',
        params: {},
        choices: candidates.flatMap((id) => choices.filter((c) => c.id === id)),
        ref: questionRef(this.flow(run.flow), run),
      },
    });
  }

  private invalid(run: Run, reason: InvalidReason): void {
    run.invalid += 1;
    this.emit({
      type: 'invalid_answer',
      flow: run.flow,
      step: run.step,
      attempt: run.invalid,
      reason,
    });
    if (run.invalid >= maxInvalid) {
      run.invalid = 0;
      this.say('system.stuck');
    } else {
      const step = this.step(run, run.step);
      const choices = questionChoices(step, this.sets);
      const range = kindOf(step).question?.invalidParams?.(step, choices) ?? {
        min: { text: '1' },
        max: { text: String(choices.length) },
      };
      this.say(`system.invalid.${reason}`, range);
    }
    this.ask(run);
  }

  /** Runs a step's actions; returns true when the conversation was forgotten. */
  private act(run: Run, actions: readonly Action[], answer: unknown): boolean {
    return actions.some((action) => runAction(this, action, { run, answer }) === 'ended');
  }

  forget(messageKey: string | null): void {
    this.state = initialState(this.state.language);
    this.emit({ type: 'forget' });
    if (messageKey) this.say(messageKey);
  }

  ask(run: Run): void {
    // Asked in full again: a number means its place in the full list, not among candidates.
    delete run.clarify;
    const step = this.step(run, run.step);
    const message = this.message(run, step);
    const choices = questionChoices(step, this.sets);
    if (choices.length > 0) {
      message.choices = choices;
      message.ref = questionRef(this.flow(run.flow), run);
    }
    this.emit({ type: 'message', message });
    this.lastAsk = { index: this.events.length - 1, run };
  }

  /**
   * The message a step shows, its parameters taken from the run's answers; what the step's
   * kind keeps with them (the suggestions a message step chose) is saved in the run.
   */
  private message(run: Run, step: Step): BotMessage {
    const flow = this.flow(run.flow);
    const params: Record<string, MessageParam> = {};
    for (const [name, value] of Object.entries(step.params ?? {})) {
      params[name] = value.startsWith('$')
        ? describeAnswer(flow, value.slice(1), run.answers[value.slice(1)], this.sets)
        : { text: value };
    }
    Object.assign(params, kaartParams(this, run, step));
    const show = kindOf(step).show;
    if (!show) return { key: step.text, params };
    const {
      key,
      params: shown,
      keep,
    } = show(step, {
      params,
      answers: run.answers,
      verbinderAvailable: this.verbinderAvailable,
    });
    if (keep) Object.assign(run.answers, keep);
    return { key, params: shown };
  }

  private get verbinderAvailable(): boolean {
    return this.ctx.verbinderAvailable !== false;
  }

  private get sets(): ChoiceSets {
    return kaartChoiceSets(this, this.state.run, this.ctx.choiceSets ?? {});
  }

  say(key: string, params: Record<string, MessageParam> = {}): void {
    const instead = this.verbinderAvailable ? undefined : noVerbinderKeys[key];
    const message = instead
      ? { key: instead, params: { ...params, ...noVerbinderParams } }
      : { key, params };
    this.emit({ type: 'message', message });
  }

  emit(event: EngineEvent): void {
    this.events.push(event);
  }

  flow(id: string): FlowDefinition {
    const flow = this.ctx.flows.get(id);
    if (!flow) throw new FlowRuntimeError(`unknown flow ${id}`, { context: { flow: id } });
    return flow;
  }

  private step(run: Run, id: string): Step {
    const step = this.flow(run.flow).steps[id];
    if (!step) {
      throw new FlowRuntimeError(`flow ${run.flow} has no step ${id}`, {
        context: { flow: run.flow, step: id },
      });
    }
    return step;
  }
}
