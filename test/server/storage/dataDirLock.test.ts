import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, STALE_MS } from '../../../src/server/storage/pglite/dataDirLock';
import { serverProcess } from '../serverProcess';
import type { ServerProcess } from '../serverProcess';
import { recorded, signIn } from '../testServer';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hp-lock-'));
  dirs.push(d);
  return d;
}
const lockOf = (dataDir: string): { pid: number; host: string } => JSON.parse(readFileSync(join(dataDir, 'pglite.lock'), 'utf8')) as { pid: number; host: string };

describe('one server per PGlite data directory', { timeout: 400_000 }, () => {
  const running: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('refuses a second server on the same DATA_DIR, naming the directory and the pid holding it; a killed server does not block the next', async () => {
    const dataDir = tempDir();
    const first = await serverProcess({ DATA_DIR: dataDir });
    running.push(first);
    const holder = lockOf(dataDir);
    // tsx runs the server in a child process: the lock names the process that opened the database.
    expect([first.proc.pid, Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${holder.pid}/status`, 'utf8'))?.[1])]).toContain(first.proc.pid);

    const second = serverProcess({ DATA_DIR: dataDir });
    await expect(second).rejects.toThrow(/server exited with 1/);
    await expect(second).rejects.toThrow(new RegExp(`data directory ${join(dataDir, 'pglite')} is in use by another Hall Patrol server \\(pid ${holder.pid} `));

    // The first server kept working all along, and alone.
    const tablet = await signIn(first.url, 'inspector1', 'tablet-lock');
    const batch = Array.from({ length: 50 }, () => recorded(tablet));
    expect((await tablet.push(batch)).results.every((r) => r.status === 'accepted')).toBe(true);

    // kill -9 leaves the lock file behind; its pid no longer runs, so the next start takes the directory at once.
    process.kill(holder.pid, 'SIGKILL');
    await first.stop();
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(true);
    const third = await serverProcess({ DATA_DIR: dataDir });
    running.push(third);
    expect(lockOf(dataDir).pid).not.toBe(holder.pid);
    const pulled = await (await signIn(third.url, 'committee1', 'pc-lock')).pullAll();
    expect(pulled.events.map((e) => e.id).sort()).toEqual(batch.map((e) => e.id).sort());

    // A clean stop removes the lock (tsx's parent process may exit before the server's own process has closed).
    await third.stop();
    const until = Date.now() + 60_000;
    while (existsSync(join(dataDir, 'pglite.lock')) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it('takes over a lock of another host only once it has not been touched for the stale period', () => {
    const dataDir = join(tempDir(), 'pglite');
    const lockFile = `${dataDir}.lock`;
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: 'office-pc-2', token: 'x', since: '2026-03-01T08:00:00.000Z' }));
    expect(() => lockDataDir(dataDir, () => undefined)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dataDir, () => undefined)).toThrow(/pid \d+ on office-pc-2, since 2026-03-01T08:00:00.000Z/);
    const old = new Date(Date.now() - STALE_MS - 1000);
    utimesSync(lockFile, old, old);
    const lock = lockDataDir(dataDir, () => undefined);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    // The same process cannot open the directory twice either.
    expect(() => lockDataDir(dataDir, () => undefined)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });
});
