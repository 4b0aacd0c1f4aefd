/**
 * The console chat of `npm start` in a terminal: one person plays both sides of Bloei. They
 * start as a resident (inwoner); `/verbinder` switches to the demo verbinder, who receives
 * the resident's hand-offs and answers with `open`, `pak 1`, `sluit 1`; `/inwoner` switches
 * back. Whatever Bloei sends the side not being played is shown too, marked with who gets
 * it, so the whole loop (scan → hand-off → claim → close) reads in one terminal; a message a
 * verbinder sends a resident through Bloei will show up the same way.
 *
 * It is a channel like the simulator (same channel name, same rendering) with two users and
 * line editing. The terminal is read from the moment it is built, so Ctrl+C works and typed
 * lines wait while the database is still being prepared.
 */
import { createInterface, clearLine, cursorTo, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChannelAdapter, InboundSink, OutboundMessage } from '../../bots/channel.js';
import { renderForSimulator } from '../../bots/simulator/render.js';
import { lineToInbound, simulatorChannel } from '../../bots/simulator/to-inbound.js';
import type { InboundMessage } from '../../conversations/messages.js';

export type ConsoleRole = 'resident' | 'verbinder';

export interface ConsoleChatOptions {
  input: Readable;
  output: Writable;
  /** The simulator user ids of the two sides. */
  users: Record<ConsoleRole, string>;
  /** The resident's language hint, as a phone would give it. */
  languageHint: string;
  /** Line editing and Ctrl+C as a key (a terminal); false for a script on stdin. */
  terminal: boolean;
}

const prompts: Record<ConsoleRole, string> = { resident: 'inwoner> ', verbinder: 'verbinder> ' };
const switchWords: Record<string, ConsoleRole> = {
  '/inwoner': 'resident',
  '/verbinder': 'verbinder',
};

export class ConsoleChat implements ChannelAdapter {
  readonly channel = simulatorChannel;
  private role: ConsoleRole = 'resident';
  /** The demo verbinder's name, once one is linked to the verbinder side. */
  private verbinderName: string | undefined;
  private readonly readline: Interface;
  private readonly lines: AsyncIterator<string>;
  private prompting = false;
  /** The last buttons the verbinder got: a typed number taps one, as on a phone. */
  private verbinderButtons: { ids: string[]; ref: string } | undefined;
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly options: ConsoleChatOptions) {
    this.readline = createInterface({
      input: options.input,
      output: options.output,
      terminal: options.terminal,
      crlfDelay: Infinity,
    });
    this.lines = this.readline[Symbol.asyncIterator]();
  }

  /** What Ctrl+C does (a key press in the terminal's raw mode, not a signal); replaces the last. */
  onInterrupt(handler: () => void): void {
    this.readline.removeAllListeners('SIGINT');
    this.readline.on('SIGINT', handler);
  }

  /** Makes `/verbinder` available, playing the verbinder called `name`. */
  playVerbinder(name: string): void {
    this.verbinderName = name;
  }

  /** A line from the console itself (not a chat message): welcome, role switches. */
  say(text: string): void {
    this.write(text);
  }

  start(sink: InboundSink): Promise<void> {
    this.done = this.read(sink);
    return Promise.resolve();
  }

  /** Resolves when the input ends (Ctrl+D, end of a script) and every line is handled. */
  finished(): Promise<void> {
    return this.done;
  }

  async send(message: OutboundMessage): Promise<void> {
    const text = renderForSimulator(message, 'plain');
    const role = this.roleOf(message.userId);
    if (role === 'verbinder' && message.choices.length > 0 && message.ref) {
      this.verbinderButtons = { ids: message.choices.map((c) => c.id), ref: message.ref };
    }
    if (role === this.role) {
      this.write(`\n${text}`);
      return;
    }
    const who =
      role === 'verbinder'
        ? `for the verbinder ${this.verbinderName ?? ''} · /verbinder to answer`
        : role === 'resident'
          ? 'for the resident · /inwoner to go back'
          : `for ${message.userId}`;
    const indented = text
      .split('\n')
      .map((line) => `  │ ${line}`)
      .join('\n');
    this.write(`\n  ┌ ${who}\n${indented}`);
  }

  async stop(): Promise<void> {
    this.readline.close();
  }

  private async read(sink: InboundSink): Promise<void> {
    for (;;) {
      this.prompt();
      const next = await this.lines.next();
      this.prompting = false;
      if (next.done) return;
      const line = next.value;
      const role = switchWords[line.trim().toLowerCase()];
      if (role) {
        this.switchTo(role);
        continue;
      }
      await sink(this.inbound(line));
    }
  }

  private switchTo(role: ConsoleRole): void {
    if (role === 'verbinder' && !this.verbinderName) {
      this.write(
        'There is no demo verbinder on this database: it is added on the embedded database only (no DATABASE_URL).',
      );
      return;
    }
    this.role = role;
    this.write(
      role === 'verbinder'
        ? `You are now ${this.verbinderName}, verbinder. Type 'open' for the open hand-offs, 'pak 1' to take #1, 'sluit 1' to close it; /inwoner goes back.`
        : 'You are the resident again; /verbinder plays the verbinder.',
    );
  }

  private inbound(line: string): InboundMessage {
    const userId = this.options.users[this.role];
    if (this.role === 'verbinder') {
      const tapped = this.verbinderButtons?.ids[Number(line.trim()) - 1];
      if (/^\d+$/.test(line.trim()) && tapped && this.verbinderButtons) {
        return {
          ...lineToInbound(line, userId),
          content: { type: 'choice', id: tapped, ref: this.verbinderButtons.ref },
        };
      }
      return lineToInbound(line, userId);
    }
    return lineToInbound(line, userId, { languageHint: this.options.languageHint });
  }

  private roleOf(userId: string): ConsoleRole | undefined {
    const { users } = this.options;
    return userId === users.resident
      ? 'resident'
      : userId === users.verbinder
        ? 'verbinder'
        : undefined;
  }

  private prompt(): void {
    this.options.output.write('\n');
    this.readline.setPrompt(prompts[this.role]);
    this.readline.prompt();
    this.prompting = true;
  }

  /** Prints above the prompt when one is showing, then shows it again with what was typed. */
  private write(text: string): void {
    const { output } = this.options;
    if (this.prompting && this.options.terminal) {
      clearLine(output, 0);
      cursorTo(output, 0);
      output.write(`${text}\n`);
      this.readline.prompt(true);
      return;
    }
    output.write(`${text}\n`);
  }
}
