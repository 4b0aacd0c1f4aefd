/**
 * How tests start Bloei as a real process: `node dist/main.js <command>`, the compiled
 * program `npm start` runs in production. One process, no loader in between, so a signal
 * reaches Bloei itself and a SIGKILL leaves nothing running; and it starts in a fraction of
 * the time `tsx` takes to transform the sources, which counts for tests that restart it
 * dozens of times. The global setup compiles `src/` first (`buildBloei`), so the program is
 * never older than the sources under test.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const repo = join(import.meta.dirname, '../..');

/** The compiled entry point, to pass to `process.execPath`. */
export const bloeiMain = join(repo, 'dist/main.js');

/** Compiles `src/` to `dist/` (incremental: quick when nothing changed). */
export async function buildBloei(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [join(repo, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
    { cwd: repo },
  );
}
