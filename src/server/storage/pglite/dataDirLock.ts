import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';

/**
 * One server process per PGlite data directory. PGlite keeps its own copy of the database in memory and writes it
 * back, so two processes on one directory would each acknowledge pushes and one's writes would be lost.
 *
 * The lock is a file beside the directory (`<dir>.lock`) created exclusively, holding the owner's pid, host and a
 * token; the owner touches it every HEARTBEAT_MS. Another process may take it over when it is stale: its pid no
 * longer runs on this host (a crash or kill -9: taken over at once), or it has not been touched for STALE_MS (a pid
 * reused after a reboot, or an owner on another host of a network share). Native OS locks (flock, LockFileEx) need
 * a native module, and proper-lockfile judges by age only (a crashed server would block the next start for the
 * whole stale period, and it records no pid to name), hence this small lock.
 */
export interface DataDirLock {
  /** The lock file's path. */
  readonly path: string;
  /** Stop the heartbeat and remove the lock file if it is still ours. */
  release(): void;
}

/** Thrown when another live process holds the directory: names the directory and the holder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockOwner,
  ) {
    super(
      `refusing to start: the data directory ${dataDir} is in use by another Hall Patrol server (pid ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
        'Two servers on one directory would lose pushes: stop that server first, or give this one another DATA_DIR. ' +
        `(If no such server runs, the lock file ${dataDir}.lock is released by itself within ${STALE_MS / 1000} s.)`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

export const HEARTBEAT_MS = 10_000;
export const STALE_MS = 120_000;

/**
 * Take the lock of a data directory or throw DataDirLockedError. `onLost` is called if the lock file is found taken
 * over by another process (this process was frozen past STALE_MS): the caller must stop writing.
 */
export function lockDataDir(dataDir: string, onLost: (message: string) => void): DataDirLock {
  const path = `${dataDir}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(path, me)) break;
    const holder = readOwner(path);
    if (holder && !isStale(path, holder)) throw new DataDirLockedError(dataDir, holder);
    if (attempt >= 3) throw new Error(`could not take the lock ${path}: it keeps changing hands; is another server starting on ${dataDir}?`);
    // Stale (or unreadable: a crash between create and write). Move it aside under a unique name, then check that
    // what moved is the stale lock judged above: if another process took it over in between, what moved is that
    // process's fresh lock, and it goes back (the next attempt then refuses to start).
    const aside = `${path}.stale-${me.token}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    if (readOwner(aside)?.token !== holder?.token) {
      try {
        linkSync(aside, path);
      } catch {
        // A third process holds the name now; the next attempt judges it.
      }
    }
    unlinkSync(aside);
  }
  const timer = setInterval(() => {
    const now = readOwner(path);
    if (now?.token !== me.token) {
      clearInterval(timer);
      onLost(`the lock ${path} was taken over by ${now ? `pid ${now.pid} on ${now.host}` : 'another process'}; this server must stop writing to ${dataDir}`);
      return;
    }
    const t = new Date();
    try {
      utimesSync(path, t, t);
    } catch {
      // Checked again at the next beat.
    }
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    path,
    release() {
      clearInterval(timer);
      if (readOwner(path)?.token === me.token) unlinkSync(path);
    },
  };
}

function tryCreate(path: string, me: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.token === 'string' && typeof o.since === 'string'
      ? { pid: o.pid, host: o.host, token: o.token, since: o.since }
      : undefined;
  } catch {
    return undefined;
  }
}

function isStale(path: string, holder: LockOwner): boolean {
  if (holder.host === hostname() && !processRuns(holder.pid)) return true;
  try {
    return Date.now() - statSync(path).mtimeMs > STALE_MS;
  } catch {
    return true;
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
