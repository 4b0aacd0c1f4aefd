/**
 * One fuzzed resident: sends messages through the real pipeline (simulator channel →
 * inbound handler → engine → PostgreSQL) and checks, after every single message, what must
 * hold whatever was sent:
 *
 * - `handle` resolves and the app logged no error;
 * - there is at least one reply, each with non-empty, well-formed UTF-16 text and labels,
 *   and exactly those replies went out through the channel;
 * - every reply is in the resident's language, and the language only changed when the
 *   resident was asked to choose one;
 * - no earlier answer is lost: every questionnaire run that had answers is still the
 *   current run, waiting under a keyword flow or paused, with the same answers; it may only
 *   disappear by finishing (its last question answered and stored);
 * - no answer kept in the conversation is longer than 2000 characters.
 *
 * The conversation state is read straight from the `Conversation` row with plain SQL,
 * independent of the store under test.
 */
import type pg from 'pg';
import { lineToInbound, simulatorChannel } from '../../src/bots/simulator/to-inbound.js';
import { identityKey } from '../../src/conversations/identity-key.js';
import type {
  InboundMessage,
  OutboundChoice,
  OutboundMessage,
} from '../../src/conversations/messages.js';
import type { App } from '../../src/app.js';
import { questionRef } from '../../src/flows/engine.js';
import type { FlowDefinition, Step } from '../../src/flows/spec.js';
import type { ConversationState, Run } from '../../src/flows/state.js';
import { questionChoices, type ChoiceSets } from '../../src/flows/step-view.js';
import type { RecordingChannel } from '../support/recording-channel.js';
import { isKeyword } from './hostile-inputs.js';
import { deliveredSince, deliveryMark } from './shared-delivery-log.js';
import type { LanguageOracle } from './language-oracle.js';

export type FuzzApp = App & {
  channel: RecordingChannel;
  clock: { now(): Date; advance(ms?: number): Date };
};

export interface FuzzContext {
  app: FuzzApp;
  /** A plain connection to the same database, for reading what the app stored. */
  db: pg.Client;
  oracle: LanguageOracle;
  sets: ChoiceSets;
  /** What the app logged at error level since the last check. */
  loggedErrors: string[];
  /** A linked verbinder (coordinator) who closes hand-offs with "sluit N". */
  verbinderId: string;
  stats: { messages: number; slowestMs: number };
  /** Told about every message before it is sent (to name the one that hangs, if any). */
  progress?: (input: Input) => void;
}

export type Input = { line: string } | { tap: string; ref?: string | undefined };

/** Thrown when a property does not hold; the message says which and shows the context. */
export class PropertyFailure extends Error {
  override readonly name = 'PropertyFailure';
}

/** Longest answer Bloei may keep (the text questions' `maxLength`). */
export const maxAnswerLength = 2000;

export function abbreviate(text: string, max = 120): string {
  const json = JSON.stringify(text.length > max ? text.slice(0, max) : text);
  return text.length > max ? `${json}…(${text.length} UTF-16 units)` : json;
}

export function describeInput(input: Input): string {
  if ('line' in input) return abbreviate(input.line);
  return `tap ${abbreviate(input.tap, 60)}${input.ref ? ` ref ${abbreviate(input.ref, 40)}` : ''}`;
}

export function runsOf(state: ConversationState | null): Run[] {
  return state ? [state.run, ...state.stack, ...state.paused].filter((r) => r !== null) : [];
}

export function stepOf(flows: App['flows'], run: Run | null | undefined): Step | undefined {
  return run ? flows.get(run.flow)?.steps[run.step] : undefined;
}

/** Whether answering `stepId` can end the flow without another question (its last one). */
export function isLastQuestion(flow: FlowDefinition, stepId: string): boolean {
  const step = flow.steps[stepId];
  if (!step || step.kind === 'message') return false;
  const endsWithoutQuestion = (target: string, hops = 0): boolean => {
    if (target === 'end' || target.startsWith('@')) return true;
    const next = flow.steps[target];
    if (!next || next.kind !== 'message' || hops > 50) return false;
    return endsWithoutQuestion(next.next, hops + 1);
  };
  return [step.next, ...step.branches.map((b) => b.next)].some((t) => endsWithoutQuestion(t));
}

const setsLanguage = (step: Step | undefined) =>
  !!step && step.do.some((a) => a.type === 'setContact' && a.field === 'language');

const wellFormed = (text: string) => text === text.toWellFormed();

function answerTooLong(value: unknown): boolean {
  if (typeof value === 'string') return value.length > maxAnswerLength;
  if (Array.isArray(value)) return value.some(answerTooLong);
  return false;
}

export class Resident {
  state: ConversationState | null = null;
  /** The ref of the question the last reply asked, as a channel would send it back. */
  currentRef: string | undefined;
  readonly seenChoiceIds: string[] = [];
  readonly seenRefs: string[] = [];
  private readonly key: string;
  private readonly transcript: string[] = [];
  /** What the resident typed, as Bloei would quote it back (controls and runs of space as one). */
  private readonly typed: string[] = [];
  private readonly hintLanguage: string;

  constructor(
    private readonly ctx: FuzzContext,
    readonly userId: string,
    private readonly hint: string | undefined,
  ) {
    this.key = identityKey(simulatorChannel, userId);
    // What Bloei makes of a platform language hint at first contact (see the README).
    const hinted = hint?.toLowerCase().split(/[-_]/)[0];
    this.hintLanguage = hinted && ctx.oracle.languages.includes(hinted) ? hinted : 'nl';
  }

  get language(): string {
    return this.state?.language ?? this.hintLanguage;
  }

  fail(problem: string): never {
    throw new PropertyFailure(
      `${problem}\n  resident ${this.userId} (hint ${String(this.hint)}), state now: ${this.summary(this.state)}\n  last messages:\n${this.transcript
        .slice(-14)
        .map((l) => `    ${l}`)
        .join('\n')}`,
    );
  }

  summary(state: ConversationState | null): string {
    if (!state) return 'none';
    const run = (r: Run) => `${r.flow}.${r.step}(${Object.keys(r.answers).length} answers)`;
    return `${state.language}${state.consented ? '' : ' (no consent)'}${state.safetyHold ? ' (safety hold)' : ''}; run ${state.run ? run(state.run) : '-'}; stack [${state.stack.map(run).join(', ')}]; paused [${state.paused.map(run).join(', ')}]`;
  }

  /** Sends one message and checks every per-message property (see the header). */
  async send(input: Input): Promise<OutboundMessage[]> {
    const { app } = this.ctx;
    const prev = this.state;
    const options = {
      now: app.clock.advance(),
      ...(this.hint !== undefined ? { languageHint: this.hint } : {}),
    };
    const inbound: InboundMessage =
      'line' in input
        ? lineToInbound(input.line, this.userId, options)
        : {
            ...lineToInbound('', this.userId, options),
            content: { type: 'choice', id: input.tap, ...(input.ref ? { ref: input.ref } : {}) },
          };
    this.transcript.push(`> ${describeInput(input)}`);
    if ('line' in input) this.typed.push(quoted(input.line));
    app.channel.sent.length = 0;
    this.ctx.loggedErrors.length = 0;
    const mark = await deliveryMark(this.ctx.db);

    this.ctx.progress?.(input);
    const started = performance.now();
    let replies: OutboundMessage[];
    try {
      replies = await app.handler.handle(inbound);
    } catch (error) {
      const ms = Math.round(performance.now() - started);
      this.fail(`an exception escaped after ${ms} ms: ${String(error).slice(0, 600)}`);
    }
    const ms = performance.now() - started;
    this.ctx.stats.messages += 1;
    this.ctx.stats.slowestMs = Math.max(this.ctx.stats.slowestMs, ms);
    for (const reply of replies) {
      this.transcript.push(`< ${abbreviate(reply.text.split('\n')[0] ?? '', 100)}`);
    }
    if (this.ctx.loggedErrors.length > 0) {
      this.fail(`the app logged an error: ${this.ctx.loggedErrors.join('; ')}`);
    }

    if (replies.length === 0) this.fail('no reply');
    const delivered = await this.deliveredSince(mark);
    if (delivered.length !== replies.length || delivered.some((t, i) => t !== replies[i]?.text)) {
      const first = (texts: string[]) => texts.map((t) => abbreviate(t.split('\n')[0] ?? '', 60));
      this.fail(
        `${replies.length} replies returned but ${delivered.length} sent to the resident, ` +
          `returned ${JSON.stringify(first(replies.map((r) => r.text)))}, sent ${JSON.stringify(first(delivered))}`,
      );
    }
    for (const reply of replies) this.checkReply(reply);

    const after = await this.readState();
    this.checkLanguage(prev, after, replies);
    await this.checkRunsKept(prev, after);
    for (const run of runsOf(after)) {
      for (const [name, value] of Object.entries(run.answers)) {
        if (answerTooLong(value)) this.fail(`answer ${run.flow}.${name} is longer than 2000`);
      }
    }

    this.state = after;
    for (const reply of replies) {
      for (const choice of reply.choices) {
        if (!this.seenChoiceIds.includes(choice.id)) this.seenChoiceIds.push(choice.id);
      }
      if (reply.ref && !this.seenRefs.includes(reply.ref)) this.seenRefs.push(reply.ref);
    }
    this.currentRef = replies.at(-1)?.ref;
    return replies;
  }

  /**
   * What reached the resident after `mark`. Bloei's messages go out through the chat's
   * outbox after the turn commits; on a busy machine another sender may still hold the chat
   * when handle() resolves. Waits, on the condition and not on a clock, until nothing in the
   * chat is unsent, then reads the shared log: a sweeper of another shard process may have
   * sent them.
   */
  private async deliveredSince(mark: number): Promise<string[]> {
    for (;;) {
      const progress = await this.ctx.app.store.outbox.progress(this.key);
      if (!progress || progress.doneSeq >= progress.lastSeq) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return deliveredSince(this.ctx.db, this.userId, mark);
  }

  private readonly echoed = (piece: string) => this.typed.some((t) => t.includes(piece));

  private checkReply(reply: OutboundMessage): void {
    if (reply.channel !== simulatorChannel || reply.userId !== this.userId) {
      this.fail(`a reply went to ${reply.channel}/${reply.userId}`);
    }
    if (reply.text.trim() === '') this.fail('a reply has empty text');
    if (!wellFormed(reply.text))
      this.fail(`a reply is not well-formed UTF-16: ${abbreviate(reply.text)}`);
    const bad = (c: OutboundChoice) =>
      c.id === '' || c.label.trim() === '' || !wellFormed(c.label) || !wellFormed(c.id);
    if (reply.choices.some(bad))
      this.fail(`a reply has a bad choice: ${JSON.stringify(reply.choices)}`);
  }

  /** Replies are in the language the conversation is in after the turn; see the oracle. */
  private checkLanguage(
    prev: ConversationState | null,
    after: ConversationState | null,
    replies: OutboundMessage[],
  ): void {
    if (!prev && after && after.language !== this.hintLanguage) {
      this.fail(`a new conversation started in ${after.language}, not ${this.hintLanguage}`);
    }
    if (prev && after && prev.language !== after.language) {
      if (!setsLanguage(stepOf(this.ctx.app.flows, prev.run))) {
        this.fail(`the language changed from ${prev.language} to ${after.language} unasked`);
      }
    }
    const language = after?.language ?? prev?.language ?? this.hintLanguage;
    for (const reply of replies) {
      const problem = this.ctx.oracle.problem(reply.text, language, this.echoed);
      if (problem)
        this.fail(`a reply is not in ${language}: ${problem}: ${abbreviate(reply.text)}`);
    }
  }

  /** No earlier answer lost: see the header. */
  private async checkRunsKept(
    prev: ConversationState | null,
    after: ConversationState | null,
  ): Promise<void> {
    const { flows } = this.ctx.app;
    for (const before of runsOf(prev)) {
      const flow = flows.get(before.flow);
      if (!flow?.pausable || Object.keys(before.answers).length === 0) continue;
      const now = runsOf(after).find((r) => r.id === before.id);
      if (now) {
        for (const [name, value] of Object.entries(before.answers)) {
          if (JSON.stringify(now.answers[name]) !== JSON.stringify(value)) {
            this.fail(
              `answer ${before.flow}.${name} changed from ${abbreviate(JSON.stringify(value))} to ${abbreviate(JSON.stringify(now.answers[name]) ?? 'nothing')}`,
            );
          }
        }
        continue;
      }
      const finished =
        prev?.run?.id === before.id &&
        isLastQuestion(flow, before.step) &&
        (await this.answerStored(before.id, before.step));
      if (!finished) {
        this.fail(
          `the ${before.flow} run with ${Object.keys(before.answers).length} answers (${Object.keys(before.answers).join(', ')}) was dropped: ${this.summary(prev)} → ${this.summary(after)}`,
        );
      }
    }
  }

  private async answerStored(runId: string, stepId: string): Promise<boolean> {
    const { rowCount } = await this.ctx.db.query(
      'SELECT 1 FROM "Answer" WHERE "runId" = $1 AND "stepId" = $2',
      [runId, stepId],
    );
    return (rowCount ?? 0) > 0;
  }

  async readState(): Promise<ConversationState | null> {
    const { rows } = await this.ctx.db.query<{ state: ConversationState }>(
      'SELECT state FROM "Conversation" WHERE "identityKey" = $1',
      [this.key],
    );
    return rows[0]?.state ?? null;
  }

  async contactId(): Promise<string | null> {
    const { rows } = await this.ctx.db.query<{ contactId: string }>(
      'SELECT "contactId" FROM "ChannelIdentity" WHERE channel = $1 AND "externalId" = $2',
      [simulatorChannel, this.userId],
    );
    return rows[0]?.contactId ?? null;
  }

  /** Every stored answer of this resident: id → value as JSON. */
  async storedAnswers(): Promise<Map<string, string>> {
    const contactId = await this.contactId();
    if (!contactId) return new Map();
    const { rows } = await this.ctx.db.query<{ id: string; value: unknown }>(
      'SELECT id, value FROM "Answer" WHERE "contactId" = $1',
      [contactId],
    );
    return new Map(rows.map((r) => [r.id, JSON.stringify(r.value)]));
  }

  /** Every answer stored before is still there with the same value; none is too long. */
  async checkStoredAnswers(before: Map<string, string>, when: string): Promise<void> {
    const now = await this.storedAnswers();
    for (const [id, value] of before) {
      if (now.get(id) !== value) {
        this.fail(
          `${when}: stored answer ${id} ${abbreviate(value)} became ${abbreviate(now.get(id) ?? 'missing')}`,
        );
      }
    }
    for (const [id, value] of now) {
      if (answerTooLong(JSON.parse(value)))
        this.fail(`${when}: stored answer ${id} is longer than 2000`);
    }
  }

  /**
   * Closes the resident's open hand-offs the way a verbinder does ("sluit 12" from their
   * linked chat). An open hand-off pauses questionnaires by design until it is closed.
   */
  async closeHandoffs(): Promise<void> {
    const contactId = await this.contactId();
    if (!contactId) return;
    const { rows } = await this.ctx.db.query<{ number: number }>(
      `SELECT number FROM "Handoff" WHERE "contactId" = $1 AND status <> 'closed' AND reason <> 'safety_signal'`,
      [contactId],
    );
    for (const { number } of rows) {
      const { app } = this.ctx;
      const mark = await deliveryMark(this.ctx.db);
      const replies = await app.handler.handle(
        lineToInbound(`sluit ${number}`, this.ctx.verbinderId, { now: app.clock.advance() }),
      );
      if (!replies.some((r) => r.text.includes(`#${number}`))) {
        this.fail(`the verbinder could not close hand-off #${number}: ${JSON.stringify(replies)}`);
      }
      // The resident is told in their own language, before they write again.
      for (const note of await this.deliveredSince(mark)) {
        const problem = this.ctx.oracle.problem(note, this.language, this.echoed);
        if (problem) this.fail(`the hand-off note is not in ${this.language}: ${problem}`);
      }
    }
  }

  /**
   * A valid answer to the question the resident is at, varied by `pick`: a number, Arabic-
   * Indic digits, the label, or a tapped button with the question's ref. Null when no
   * question waits. `want` says which language to choose, which menu item, yes or no.
   */
  validInput(
    pick: number,
    want: { language: string; menu: string; yesNo?: 'yes' | 'no'; numbers?: boolean },
  ): Input | null {
    const run = this.state?.run;
    const step = stepOf(this.ctx.app.flows, run);
    if (!run || !step || step.kind === 'message') return null;
    const choices = questionChoices(step, this.ctx.sets);
    const ref = questionRef(this.ctx.app.flows.get(run.flow)!, run);
    const form = want.numbers ? 0 : (pick >>> 4) % 4;
    const choose = (i: number): Input => {
      const choice = choices[i]!;
      if (form === 1) return { line: arabicIndic(i + 1) };
      if (form === 2) return { tap: choice.id, ref };
      if (form === 3) {
        const label =
          'text' in choice.label
            ? choice.label.text
            : this.ctx.app.translator.text(choice.label.key, this.language);
        // A label that is also a keyword ("Help") would be read as the keyword.
        if (label && !isKeyword(label)) return { line: label };
      }
      return { line: String(i + 1) };
    };
    switch (step.kind) {
      case 'choice': {
        const wanted = setsLanguage(step) ? want.language : run.flow === 'menu' ? want.menu : null;
        const index = wanted ? choices.findIndex((c) => c.id === wanted) : pick % choices.length;
        // The language list is answered with its number, as the issue describes.
        return setsLanguage(step) ? { line: String(index + 1) } : choose(Math.max(0, index));
      }
      case 'scale':
        return choose(pick % choices.length);
      case 'yesno': {
        const fixed: Record<string, boolean> = { forgetMe: false, reconsent: true };
        const yes =
          run.flow === 'onboarding' && run.step === 'consent'
            ? true
            : (fixed[run.flow] ?? (want.yesNo ? want.yesNo === 'yes' : pick % 2 === 0));
        if (form === 3) {
          const words = this.ctx.app.translator.text(
            yes ? 'common.yesWords' : 'common.noWords',
            this.language,
          );
          const word = words?.split('|')[0]?.trim();
          if (word) return { line: word };
        }
        return choose(yes ? 0 : 1);
      }
      case 'multi': {
        const count = 1 + (pick % 3);
        const picked = [
          ...new Set(Array.from({ length: count }, (_, k) => (pick >>> (k * 3)) % choices.length)),
        ].sort((a, b) => a - b);
        if (form === 1) return { line: picked.map((i) => arabicIndic(i + 1)).join('، ') };
        if (form === 2) return { tap: choices[picked[0]!]!.id, ref };
        if (form === 3) return { line: picked.map((i) => i + 1).join(' en ') };
        return { line: picked.map((i) => i + 1).join(', ') };
      }
      case 'number':
        return { line: String(step.min + (pick % (step.max - step.min + 1))) };
      case 'text': {
        const word = ['Fuzz', 'Тест', 'اختبار', 'Deneme ü'][pick % 4]!;
        return { line: `${word} ${run.step} ${pick % 997}` };
      }
      case 'phone': {
        const forms = ['06-1234 5678', '+31 40 212 3456', '٠٦١٢٣٤٥٦٧٨', '+90 532 123 45 67'];
        return { line: forms[pick % forms.length]! };
      }
    }
  }
}

function quoted(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.toWellFormed().replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\s]+/g, ' ');
}

function arabicIndic(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}
