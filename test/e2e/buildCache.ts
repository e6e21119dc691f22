import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds for the browser tests (the app, a harness bundle), made once per set of inputs and shared by every test file
 * and process: the test files of one run, and the runs after it while nothing they are built from changed.
 *
 * An entry is a directory `node_modules/.cache/hall-patrol-builds/<name>-<digest>`, where the digest is SHA-256 over
 * the path and bytes of every input file: a changed source, scheme, asset or lock file is a new digest, so a stale
 * build is never used. One process builds it while the others wait: the builder holds `<entry>.lock` (mkdir is
 * atomic), writes into a temporary directory and renames the finished directory into place (rename is atomic), so an
 * entry that exists is complete. A lock whose process is gone (a run killed mid-build) is taken over.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(root, 'node_modules', '.cache', 'hall-patrol-builds');

/** Every file under `paths` (files or directories, relative to the repository), skipping `skip` directories. */
function inputFiles(paths: readonly string[], skip: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const abs = join(root, rel);
    if (!existsSync(abs) || skip.includes(rel)) return;
    if (statSync(abs).isDirectory()) for (const name of readdirSync(abs)) walk(join(rel, name));
    else out.push(rel);
  };
  for (const p of paths) walk(p);
  return out.sort();
}

/** SHA-256 over the path and bytes of every input (the entry's name and how it is built are part of the key too). */
export function inputsDigest(key: string, paths: readonly string[], skip: readonly string[] = []): string {
  const hash = createHash('sha256').update(key).update('\0');
  for (const f of inputFiles(paths, skip)) hash.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return hash.digest('hex').slice(0, 32);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock directory whose holder is gone, or that never got its holder's pid within a minute. */
function stale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    return !alive(pid);
  } catch {
    try {
      return Date.now() - statSync(lock).mtimeMs > 60_000;
    } catch {
      return false;
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The directory of entry `name-digest`, built by `make(dir)` into an empty directory if no process has built it yet
 * (waiting for a process that is building it now). Older entries of the same name are removed once a new one is in
 * place. The returned directory is shared: read it, copy it, never change or delete it.
 */
export async function cachedBuild(name: string, digest: string, make: (dir: string) => Promise<void>): Promise<string> {
  const entry = join(CACHE, `${name}-${digest}`);
  const lock = `${entry}.lock`;
  mkdirSync(CACHE, { recursive: true });
  // Bounded: a build that takes this long has gone wrong; the hook's own timeout is shorter anyway.
  for (let waited = 0; waited < 20 * 60_000; waited += 250) {
    if (existsSync(entry)) return entry;
    try {
      mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (stale(lock)) rmSync(lock, { recursive: true, force: true });
      else await sleep(250);
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      if (existsSync(entry)) return entry;
      const building = `${entry}.building-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      mkdirSync(building);
      try {
        await make(building);
        renameSync(building, entry);
      } finally {
        rmSync(building, { recursive: true, force: true });
      }
      for (const old of readdirSync(CACHE)) {
        if (old.startsWith(`${name}-`) && /^[0-9a-f]{32}$/.test(old.slice(name.length + 1)) && join(CACHE, old) !== entry) {
          rmSync(join(CACHE, old), { recursive: true, force: true });
        }
      }
      return entry;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  throw new Error(`waited 20 minutes for another process to build ${relative(root, entry)} (its lock: ${relative(root, lock)})`);
}
