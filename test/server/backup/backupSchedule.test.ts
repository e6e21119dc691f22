import { readdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/server/startServer';
import type { RunningServer } from '../../../src/server/startServer';
import { readBackup } from '../../../src/server/backup/readBackup';
import { listBackups } from '../../../src/server/backup/backupService';
import { schemesDir } from '../testServer';
import { mountTmpfs } from '../tmpfs';
import type { Tmpfs } from '../tmpfs';

const serve = (dir: string, keep: number, everyHours: number): Promise<RunningServer> =>
  startServer({ port: 0, hostname: '127.0.0.1', dataDir: undefined, schemesDir, distDir: undefined, backup: { dir, keep, everyHours } });

async function until(what: string, ok: () => Promise<boolean>, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the server's own backups", () => {
  const disks: Tmpfs[] = [];
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const d of disks) d.unmount();
  });

  it('makes one whenever the newest is as old as the interval, and keeps the last N', async () => {
    const disk = mountTmpfs(32 * 1024 * 1024);
    disks.push(disk);
    // An interval of about a second stands for the day.
    const server = await serve(disk.dir, 2, 0.0003);
    servers.push(server);
    const made = new Set<string>();
    await until('three scheduled backups', async () => {
      const last = (await server.backups!.status()).last;
      if (last) made.add(last.path);
      return made.size >= 3;
    });
    await server.backups!.stop();
    const files = await listBackups(disk.dir);
    expect(files).toHaveLength(2);
    // The newest two are kept, each complete and verified, and nothing half-written is left.
    const newest = [...made].sort().slice(-2).map((p) => p.split('/').pop());
    expect(files.map((f) => f.name).sort()).toEqual(newest.sort());
    for (const f of files) expect((await readBackup(`${disk.dir}/${f.name}`)).trailer.counts.config).toBeGreaterThan(0);
    expect(readdirSync(disk.dir).filter((n) => !n.startsWith('hall-patrol-backup-'))).toEqual([]);
  });

  it('on a full backup disk, says so, keeps the older backups and leaves no half backup', async () => {
    const disk = mountTmpfs(4 * 1024 * 1024);
    disks.push(disk);
    const server = await serve(disk.dir, 5, 1000);
    servers.push(server);
    const first = await server.backups!.backupNow();
    writeFileSync(`${disk.dir}/notes.txt`, 'the admin keeps other files here too');
    disk.fill(8 * 1024);
    await expect(server.backups!.backupNow()).rejects.toThrow(
      new RegExp(`the backup folder ${disk.dir} is full \\(no space left on device\\): this backup was not made, the older backups are kept`),
    );
    const status = await server.backups!.status();
    expect(status.lastError?.message).toMatch(/is full \(no space left on device\)/);
    expect(status.last?.path).toBe(first.path);
    expect(status.files.map((f) => f.name)).toEqual([first.path.split('/').pop()]);
    expect(readdirSync(disk.dir).sort()).toEqual(['ballast', first.path.split('/').pop(), 'notes.txt'].sort());
    await readBackup(first.path);
    disk.drain();
    const again = await server.backups!.backupNow();
    expect((await server.backups!.status()).lastError).toBeNull();
    expect((await listBackups(disk.dir)).map((f) => f.name)).toEqual([again.path, first.path].map((p) => p.split('/').pop()));
  });
});
