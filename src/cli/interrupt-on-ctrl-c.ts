/**
 * Ctrl+C in a terminal signals every process of the foreground job, and `npm run` passes its
 * own SIGINT on to Bloei as well: one key press arrives twice, and the second would cut the
 * graceful stop short. With the terminal in raw mode the key press is a byte instead; this
 * turns it into exactly one SIGINT to this process, so one Ctrl+C stops cleanly and a second
 * one, pressed again, still stops at once.
 */
import type { Readable } from 'node:stream';

const ctrlC = 0x03;

export function interruptOnCtrlC(
  stdin: Readable & { setRawMode?(raw: boolean): unknown; unref?(): unknown },
): void {
  if (!stdin.setRawMode) return;
  stdin.setRawMode(true);
  stdin.on('data', (chunk: Buffer) => {
    if (chunk.includes(ctrlC)) process.kill(process.pid, 'SIGINT');
  });
  stdin.resume();
  // Reading the terminal must not keep the process alive once its work is done.
  stdin.unref?.();
}
