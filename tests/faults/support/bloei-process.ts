/**
 * `node dist/main.js <command>` as a real child process, the way a service manager runs
 * Bloei (see tests/support/bloei-main.ts): one process, no terminal, JSON logs on stderr
 * kept and parsed so a test can wait for "telegram: webhook" or count warnings. Logs never
 * hold message bodies, so keeping them is safe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { bloeiMain } from '../../support/bloei-main.js';

const repo = join(import.meta.dirname, '../../..');

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export type BloeiCommand = 'start' | 'worker';

export class BloeiProcess {
  /** Every JSON log line this process wrote, in order. */
  readonly logs: LogLine[] = [];
  /** Whatever else it wrote to stderr (a crash's stack trace). */
  readonly otherOutput: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly command: BloeiCommand,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, [bloeiMain, command], {
      cwd: repo,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let partial = '';
    this.child.stderr!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) this.record(line);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first log line (already written or still to come) that matches. */
  async waitForLog(matches: (line: LogLine) => boolean, timeoutMs = 600_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.find(matches);
      if (found) return found;
      if (!this.running) throw new Error(`bloei ${this.command} exited: ${this.describeExit()}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`bloei ${this.command}: no matching log line in time`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 200));
        this.waiters.add(wake);
      });
    }
  }

  /** Sends `signal` and waits until the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.running) this.child.kill(signal);
    await this.exited;
  }

  /** Log lines at warn (40) or above, for a failure message. */
  problems(): string[] {
    return [
      ...this.logs.filter((l) => l.level >= 40).map((l) => JSON.stringify(l)),
      ...this.otherOutput,
    ];
  }

  private describeExit(): string {
    const { exitCode, signalCode } = this.child;
    return `code ${exitCode} signal ${signalCode}\n${this.otherOutput.slice(-20).join('\n')}`;
  }

  private record(line: string): void {
    if (!line.trim()) return;
    try {
      this.logs.push(JSON.parse(line) as LogLine);
    } catch {
      this.otherOutput.push(line);
    }
    for (const wake of [...this.waiters]) wake();
  }
}
