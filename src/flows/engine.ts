/**
 * The flow engine: `(flows, state, input) → (state, events)`. Pure and deterministic — the
 * clock, ids and translations come in through the context, nothing leaves but events. The
 * host persists and sends what the events describe.
 */
import { parseAnswer } from './answers/parse-answer.js';
import { keywords, matchKeyword, isUnknownCommand, type Keyword } from './answers/match-keyword.js';
import type { EngineEvent, MessageParam, BotMessage, InvalidReason } from './events.js';
import type { Lexicon } from './lexicon.js';
import { initialState, type ConversationState, type Run } from './state.js';
import { type Action, type FlowDefinition, type Step, type Target } from './spec.js';
import { detectSafetySignal, safetyKinds } from './answers/detect-safety-signal.js';
import { questionChoices, describeAnswer, type ChoiceSets } from './step-view.js';

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
}

/** A resident's message as the engine sees it; adapters produce these, never meaning. */
export type EngineInput =
  | { type: 'text'; text: string }
  /** A tapped button; `ref` names the question it belonged to, so a stale tap is refused. */
  | { type: 'choice'; id: string; ref?: string }
  | { type: 'media' }
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

/** Flows the engine itself relies on. */
export const coreFlows = {
  onboarding: 'onboarding',
  menu: 'menu',
  language: 'language',
  forgetMe: 'forgetMe',
  reconsent: 'reconsent',
} as const;

/** Keys the engine itself uses, outside any definition; `flows:check` requires them too. */
export const engineKeys: readonly string[] = [
  'system.stopped',
  'system.help',
  'system.personRequested',
  'system.paused',
  'system.welcomeBack',
  'system.backAgain',
  'system.resumed',
  'system.truncated',
  'system.stuck',
  ...(
    ['choice', 'multi', 'yesno', 'scale', 'number', 'text', 'media', 'command', 'stale'] as const
  ).map((reason) => `system.invalid.${reason}`),
  'safety.message',
  'safety.continueLater',
  'safety.holding',
  'handoff.waiting',
  'handoff.alreadyRequested',
  'privacy.nothingStored',
  'onboarding.stoppedBeforeConsent',
  'onboarding.consentFirst',
  'common.yes',
  'common.no',
  'common.notAnswered',
  'common.yesWords',
  'common.noWords',
  'common.and',
  ...keywords.map((k) => `keywords.${k}`),
  ...safetyKinds.map((k) => `safety.phrases.${k}`),
];

/** Wrong answers in a row after which the resident is offered the menu or a person. */
export const maxInvalid = 3;
/** Guards against a definition that loops through message steps forever. */
const maxStepsPerTurn = 50;

export class FlowRuntimeError extends Error {
  override readonly name = 'FlowRuntimeError';
  readonly code = 'FLOW_RUNTIME';
}

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

/** The registration consent version the onboarding asks for now. */
function requiredConsentVersion(flows: FlowRegistry): number {
  const onboarding = flows.get(coreFlows.onboarding);
  const versions = Object.values(onboarding?.steps ?? {}).flatMap((step) =>
    step.do.flatMap((a) =>
      a.type === 'consent' && a.purpose === 'registration' ? [a.textVersion] : [],
    ),
  );
  return Math.max(1, ...versions);
}

class Turn {
  readonly events: EngineEvent[] = [];
  private steps = 0;

  constructor(
    private readonly ctx: EngineContext,
    public state: ConversationState,
  ) {}

  handle(input: EngineInput): void {
    if (input.type === 'start') {
      if (input.notice) this.say(input.notice);
      return this.startByHost(input.flow);
    }
    const said = input.type === 'late' ? input.input : input;
    if (said.type === 'text') {
      const signal = detectSafetySignal(said.text, this.ctx.lexicon, this.state.language);
      if (signal) return this.onSafetySignal(signal);
      const keyword = matchKeyword(said.text, this.ctx.lexicon, this.state.language);
      if (keyword && this.onKeyword(keyword)) return;
    }
    if (input.type === 'late') return this.onLate(input.sentAt);
    if (this.state.safetyHold) return this.say('safety.holding');
    if (this.consentOutdated()) return this.startFlow(coreFlows.reconsent);
    const run = this.state.run;
    if (!run) return this.onIdle();
    if (input.type === 'text' && isUnknownCommand(input.text)) return this.invalid(run, 'command');
    this.answer(run, input);
  }

  private onKeyword(keyword: Keyword): boolean {
    const { run, consented } = this.state;
    switch (keyword) {
      case 'stop':
        if (!consented) {
          this.forget('onboarding.stoppedBeforeConsent');
          return true;
        }
        this.state = { ...this.state, run: null, stack: [] };
        this.emit({ type: 'stopped' });
        this.say('system.stopped');
        return true;
      case 'help':
        this.say('system.help');
        if (run) this.ask(run);
        return true;
      case 'language':
        if (run) this.state.stack.push(run);
        this.state.run = null;
        this.startFlow(coreFlows.language);
        return true;
      case 'menu':
      case 'person':
        if (!consented) {
          // Telegram sends /start when someone first opens the bot: that is a hello.
          if (!run) return false;
          this.say('onboarding.consentFirst');
          this.ask(run);
          return true;
        }
        this.state.safetyHold = false;
        if (this.ctx.handoffOpen) {
          this.setAside(run);
          this.say(keyword === 'person' ? 'handoff.alreadyRequested' : 'handoff.waiting');
          return true;
        }
        if (keyword === 'person') {
          this.emit({
            type: 'handoff_requested',
            reason: 'contact_requested',
            urgency: 'normal',
            flow: run?.flow ?? null,
            answers: run?.answers ?? {},
          });
        }
        this.setAside(run);
        if (keyword === 'menu') this.startFlow(coreFlows.menu);
        else this.say('system.personRequested');
        return true;
      case 'later':
        if (!run || !this.flow(run.flow).pausable) return false;
        this.setAside(run);
        this.say('system.paused');
        return true;
      case 'continue':
        if (!this.state.safetyHold) return false;
        this.state.safetyHold = false;
        this.onIdle();
        return true;
      // Also before consent: a former trainee WIJeindhoven registered may ask what is kept,
      // or to be forgotten; for anyone else the host answers that nothing is kept.
      case 'myData':
        this.emit({ type: 'data_requested' });
        if (run) this.ask(run);
        return true;
      case 'forgetMe':
        if (run) this.state.stack.push(run);
        this.state.run = null;
        this.startFlow(coreFlows.forgetMe);
        return true;
    }
  }

  /**
   * Words about suicide, self-harm, violence or acute danger: at once the numbers that help,
   * an urgent alert (once), and the questionnaire waits until the resident wants to go on.
   */
  private onSafetySignal(signal: string): void {
    this.say('safety.message');
    if (!this.state.consented) return;
    if (!this.state.safetyHold) {
      const run = this.state.run;
      this.emit({
        type: 'handoff_requested',
        reason: 'safety_signal',
        urgency: 'urgent',
        flow: run?.flow ?? null,
        answers: { signal },
      });
      this.setAside(run);
      this.state.safetyHold = true;
    }
    this.say('safety.continueLater');
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
    if ((consentVersion ?? 1) >= requiredConsentVersion(this.ctx.flows)) return false;
    if (run) this.state.stack.push(run);
    this.state.run = null;
    return true;
  }

  /**
   * Puts the current run and the runs waiting under it away: each is kept for later when its
   * flow may pause, otherwise ended. A questionnaire waiting under the language question is
   * therefore not lost when the resident asks for the menu or a person there.
   */
  private setAside(run: Run | null): void {
    const runs = [...this.state.stack, ...(run ? [run] : [])];
    this.state.run = null;
    this.state.stack = [];
    for (const r of runs) {
      if (this.flow(r.flow).pausable) {
        this.state.paused = [...this.state.paused.filter((p) => p.flow !== r.flow), r];
        this.emit({ type: 'flow_paused', flow: r.flow, runId: r.id });
      } else {
        this.emit({ type: 'flow_ended', flow: r.flow, runId: r.id });
      }
    }
  }

  private onIdle(): void {
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

  private startFlow(flowId: string): void {
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
      answers: {},
      invalid: 0,
      startedAt: this.ctx.now.toISOString(),
    };
    this.state.run = run;
    this.emit({ type: 'flow_started', flow: flow.id, runId: run.id });
    this.enter(run, flow.start);
  }

  /** Walks message steps until a question waits for an answer, or the flow ends. */
  private enter(run: Run, stepId: string): void {
    if (++this.steps > maxStepsPerTurn) {
      throw new FlowRuntimeError(`flow ${run.flow} loops without a question at ${stepId}`);
    }
    const step = this.step(run, stepId);
    run.step = stepId;
    run.invalid = 0;
    if (step.kind !== 'message') return this.ask(run);
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
    if (step.kind === 'message') return this.enter(run, run.step);
    if (
      input.type === 'choice' &&
      input.ref &&
      input.ref !== questionRef(this.flow(run.flow), run)
    ) {
      return this.invalid(run, 'stale');
    }
    const parsed = parseAnswer(step, input, this.ctx.lexicon, this.state.language, this.sets);
    if (!parsed.ok) return this.invalid(run, parsed.reason);
    const name = step.save ?? run.step;
    run.answers[name] = parsed.value;
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
      const count = questionChoices(step, this.sets).length;
      const range =
        step.kind === 'number'
          ? { min: { text: String(step.min) }, max: { text: String(step.max) } }
          : { min: { text: '1' }, max: { text: String(count) } };
      this.say(`system.invalid.${reason}`, range);
    }
    this.ask(run);
  }

  /** Runs a step's actions; returns true when the conversation was forgotten. */
  private act(run: Run, actions: readonly Action[], answer: unknown): boolean {
    for (const action of actions) {
      switch (action.type) {
        case 'setContact': {
          const value = action.value ?? String(answer);
          if (action.field === 'language') this.state.language = value;
          this.emit({ type: 'contact_field_set', field: action.field, value });
          break;
        }
        case 'consent':
          this.state.consented = true;
          if (action.purpose === 'registration') this.state.consentVersion = action.textVersion;
          this.emit({
            type: 'consent_given',
            purpose: action.purpose,
            textVersion: action.textVersion,
          });
          break;
        case 'handoff':
          this.emit({
            type: 'handoff_requested',
            reason: action.reason,
            urgency: action.urgency,
            flow: run.flow,
            answers: { ...run.answers },
          });
          break;
        case 'record':
          this.emit({
            type: 'record_completed',
            record: action.record,
            runId: run.id,
            flow: run.flow,
            answers: { ...run.answers },
          });
          break;
        case 'forget':
          this.forget(null);
          return true;
        case 'erase':
          this.state = initialState(this.state.language);
          this.emit({ type: 'erase' });
          return true;
        case 'showData':
          this.emit({ type: 'data_requested' });
          break;
        case 'optOut':
          this.state = { ...this.state, run: null, stack: [], paused: [] };
          this.emit({ type: 'stopped' });
          return true;
      }
    }
    return false;
  }

  private forget(messageKey: string | null): void {
    this.state = initialState(this.state.language);
    this.emit({ type: 'forget' });
    if (messageKey) this.say(messageKey);
  }

  private ask(run: Run): void {
    const step = this.step(run, run.step);
    const message = this.message(run, step);
    const choices = questionChoices(step, this.sets);
    if (choices.length > 0) {
      message.choices = choices;
      message.ref = questionRef(this.flow(run.flow), run);
    }
    this.emit({ type: 'message', message });
  }

  private message(run: Run, step: Step): BotMessage {
    const flow = this.flow(run.flow);
    const params: Record<string, MessageParam> = {};
    for (const [name, value] of Object.entries(step.params ?? {})) {
      params[name] = value.startsWith('$')
        ? describeAnswer(flow, value.slice(1), run.answers[value.slice(1)], this.sets)
        : { text: value };
    }
    if (step.kind === 'message' && step.suggestions) {
      const matching = step.suggestions.rules.filter((rule) => {
        if (!rule.if) return true;
        const answer = run.answers[rule.if.answer];
        return [answer].flat().map(String).includes(rule.if.includes);
      });
      const chosen = matching.slice(0, step.suggestions.max).map((rule) => rule.key);
      run.answers[step.suggestions.save] = chosen;
      params['suggestions'] = { list: chosen.map((key) => ({ key })) };
    }
    return { key: step.text, params };
  }

  private get sets(): ChoiceSets {
    return this.ctx.choiceSets ?? {};
  }

  private say(key: string, params: Record<string, MessageParam> = {}): void {
    this.emit({ type: 'message', message: { key, params } });
  }

  private emit(event: EngineEvent): void {
    this.events.push(event);
  }

  private flow(id: string): FlowDefinition {
    const flow = this.ctx.flows.get(id);
    if (!flow) throw new FlowRuntimeError(`unknown flow ${id}`);
    return flow;
  }

  private step(run: Run, id: string): Step {
    const step = this.flow(run.flow).steps[id];
    if (!step) throw new FlowRuntimeError(`flow ${run.flow} has no step ${id}`);
    return step;
  }
}
