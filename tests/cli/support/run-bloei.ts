/**
 * `bloei <argv>` in this process, through the real command table and commander, on a test
 * database handed in (never opened or closed by the command), with captured output.
 */
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../../src/cli/program.js';
import type { PrismaClient } from '../../../src/store/prisma-client.js';
import { silentLogger } from '../../support/test-app.js';

export interface BloeiRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function runBloei(
  argv: string[],
  options: { prisma?: PrismaClient; stdin?: string; now?: () => Date } = {},
): Promise<BloeiRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(argv, {
    env: {},
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout,
    stderr,
    logger: silentLogger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.prisma
      ? { openDatabase: () => Promise.resolve({ prisma: options.prisma!, close: async () => {} }) }
      : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
