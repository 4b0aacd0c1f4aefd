/**
 * The embedded database (PGlite) serves one process per data directory: a second process that
 * opens it crashes deep inside WebAssembly (`RuntimeError: Aborted()`) and can damage it. This
 * lock file, `<dataDir>/pglite.lock`, says which Bloei process holds the database, so a second
 * one stops with one line saying who and what to do. A lock left by a process that died
 * (killed, crashed) is taken over.
 *
 * The lock is created with O_EXCL, so of two processes starting together exactly one wins.
 * Taking over a dead holder's lock is serialised by a second, short-lived file
 * (`pglite.lock.takeover`): the process that creates it reads the lock again and replaces it
 * only when the dead holder is still in it, so two processes never both take over.
 */
import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { BloeiError } from '../errors/bloei-error.js';

/** Who holds the embedded database; written into the lock file as JSON. */
export interface LockHolder {
  pid: number;
  /** What the holder runs, e.g. `bloei start` (its process title). */
  command: string;
  /** ISO time the holder took the lock. */
  startedAt: string;
  hostname: string;
}

export class DataDirLockedError extends BloeiError {
  override readonly name = 'DataDirLockedError';
  readonly code = 'DATA_DIR_LOCKED';

  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`;
    super(
      `Bloei's embedded database (${path.dirname(lockFile)}) is in use by "${holder.command}" ` +
        `(pid ${holder.pid}${where}, since ${localTime(holder.startedAt)}): stop that process, ` +
        `or set DATABASE_URL to use PostgreSQL for both. If no such process runs, delete ${lockFile}.`,
      { context: { pid: holder.pid, command: holder.command } },
    );
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still this process's. Safe to call more than once. */
  release(): void;
}

/** The lock file of a data directory. */
export const lockFileOf = (dataDir: string) => path.join(dataDir, 'pglite.lock');

/**
 * Takes the data directory's lock for this process, or throws `DataDirLockedError` naming the
 * live process that holds it. The lock is released by `release()` and, as a last resort, when
 * this process exits.
 */
export function acquireDataDirLock(dataDir: string, holder: Partial<LockHolder> = {}): DataDirLock {
  const file = lockFileOf(dataDir);
  const me: LockHolder = {
    pid: process.pid,
    command: process.title,
    startedAt: new Date().toISOString(),
    hostname: hostname(),
    ...holder,
  };
  const record = `${JSON.stringify(me)}\n`;
  const temp = `${file}.${me.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileExclusive(temp, record);
  try {
    if (!tryLink(temp, file)) takeOverOrThrow(file, temp);
  } finally {
    removeQuietly(temp);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const current = readHolder(file);
    if (current?.pid === me.pid && current.startedAt === me.startedAt) removeQuietly(file);
  };
  process.once('exit', release);
  return { file, release };
}

/** The holder named in a lock file; null when there is none or it cannot be read. */
export function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      command: String(parsed.command ?? 'bloei'),
      startedAt: String(parsed.startedAt ?? ''),
      hostname: String(parsed.hostname ?? ''),
    };
  } catch {
    return null;
  }
}

/** True while the holder's process runs; a holder on another machine is assumed to run. */
export function holderIsAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeOverOrThrow(file: string, temp: string): void {
  const takeover = `${file}.takeover`;
  // Only the process that created the takeover file removes it: removing another's (even one
  // that looked gone a moment ago) would let two processes take over at once.
  for (let attempt = 1; !tryLink(temp, takeover); attempt += 1) {
    const other = readHolder(takeover);
    if (other) {
      // Alive: it is taking over right now. Dead: it died in that instant; a person decides.
      throw new DataDirLockedError(holderIsAlive(other) ? file : takeover, other);
    }
    if (attempt === 3) throw new DataDirLockedError(file, readHolder(file) ?? unknown());
  }
  try {
    const holder = readHolder(file);
    if (holder && holderIsAlive(holder)) throw new DataDirLockedError(file, holder);
    if (!existsSync(file)) {
      // Released meanwhile: take it the ordinary way, as another process may be doing.
      if (!tryLink(temp, file)) throw new DataDirLockedError(file, readHolder(file) ?? unknown());
      return;
    }
    // The holder died (or the file cannot be read): ours replaces it in one step.
    renameSync(temp, file);
  } finally {
    removeQuietly(takeover);
  }
}

/** `2026-12-06 14:02` in this machine's time zone. */
function localTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'an unknown time';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** A holder whose file vanished while it was read: it was another process, alive a moment ago. */
const unknown = (): LockHolder => ({
  pid: 0,
  command: 'another Bloei process',
  startedAt: new Date().toISOString(),
  hostname: hostname(),
});

function writeFileExclusive(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** A hard link appears complete or not at all, and fails when the name exists. */
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}
