import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillHall, viewHall } from '../server/backup/hallFixture';
import type { HallView } from '../server/backup/hallFixture';
import { serverProcess } from '../server/serverProcess';
import type { ServerProcess } from '../server/serverProcess';
import { REPLAY_REVIEW, root, signIn } from '../server/testServer';

/** Run `npm run <command> -- args` the way an admin does (through tsx), and collect what it says. */
function run(command: 'backup' | 'restore', args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'cli', `${command}.ts`), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('npm run backup and npm run restore', { timeout: 400_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'hp-cli-backup-'));
  const servers: ServerProcess[] = [];
  let source: ServerProcess;
  let photoHashes: string[];
  let before: HallView;
  let copy: string;
  beforeAll(async () => {
    source = await serverProcess({ DATA_DIR: join(dir, 'office'), BACKUP_DIR: join(dir, 'office-backups'), BACKUP_KEEP: '3' });
    servers.push(source);
    // The fixture replays early-2026 contests now: the admin gives the hall the suite's replay grace, as testServer does.
    const admin = await signIn(source.url, 'admin', 'cli-admin');
    const put = await fetch(`${source.url}/api/review/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` }, body: JSON.stringify(REPLAY_REVIEW) });
    if (!put.ok) throw new Error(`review settings: ${put.status} ${await put.text()}`);
    ({ photoHashes } = await fillHall(source.url));
    before = await viewHall(source.url, photoHashes);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a running server on demand, into its BACKUP_DIR and a copy wherever asked, verified', async () => {
    const made = await run('backup', ['--url', source.url, '--hall', 'demo-hall', '--to', join(dir, 'usb-stick')], { HALL_PATROL_PASSWORD: 'demo1234' });
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/the server wrote the backup to .*office-backups.hall-patrol-backup-\d{8}T\d{9}Z\.jsonl\.gz/);
    expect(made.out).toMatch(/copied and verified: /);
    const [name] = readdirSync(join(dir, 'usb-stick'));
    expect(readdirSync(join(dir, 'office-backups'))).toEqual([name]);
    copy = join(dir, 'usb-stick', name ?? '');
    expect(readFileSync(copy).equals(readFileSync(join(dir, 'office-backups', name ?? '')))).toBe(true);

    const verified = await run('backup', ['--verify', copy]);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/a complete backup, checksum verified/);
    expect(verified.out).toMatch(/"photo_chunks": 11/);

    // The server's directory is its own while it runs: the direct mode is refused, naming the holder.
    const direct = await run('backup', ['--data-dir', join(dir, 'office'), '--to', join(dir, 'elsewhere')]);
    expect(direct.code).toBe(1);
    expect(direct.err).toMatch(/data directory .*office.pglite is in use by another Hall Patrol server \(pid \d+/);
    const wrong = await run('backup', ['--url', source.url, '--hall', 'demo-hall'], { HALL_PATROL_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/sign-in as centre failed: 401/);
  });

  it('restores into a fresh DATA_DIR a server that shows the same findings, photos and results', async () => {
    const restored = await run('restore', ['--from', copy, '--data-dir', join(dir, 'new-pc')]);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/restored .* \(made .* on pglite, schema \d+\) in \d+ ms: .*events \d+/);
    // Not over an existing database.
    const again = await run('restore', ['--from', copy, '--data-dir', join(dir, 'new-pc')]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/refusing to restore: .*new-pc.pglite is not empty/);

    const server = await serverProcess({ DATA_DIR: join(dir, 'new-pc'), BACKUP_KEEP: '0' });
    servers.push(server);
    expect(await viewHall(server.url, photoHashes)).toEqual(before);
  });

  it('refuses a damaged or cut-short backup and leaves nothing behind', async () => {
    const bytes = readFileSync(copy);
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const verify = await run('backup', ['--verify', cut]);
    expect(verify.code).toBe(1);
    expect(verify.err).toMatch(/cut short/);
    const restore = await run('restore', ['--from', cut, '--data-dir', join(dir, 'from-cut')]);
    expect(restore.code).toBe(1);
    expect(restore.err).toMatch(/restore failed: .*cut short/);
    expect(existsSync(join(dir, 'from-cut', 'pglite'))).toBe(false);
    expect(existsSync(join(dir, 'from-cut', 'pglite.lock'))).toBe(false);
    // An inspector made admin in the file, otherwise whole: the checksum says so, and nothing is restored.
    const text = gunzipSync(bytes).toString('utf8');
    const changed = text.replace('"role": "inspector"', '"role": "admin"');
    expect(changed).not.toBe(text);
    const altered = join(dir, 'altered.jsonl.gz');
    writeFileSync(altered, gzipSync(Buffer.from(changed)));
    const checked = await run('backup', ['--verify', altered]);
    expect(checked.code).toBe(1);
    expect(checked.err).toMatch(/the checksum does not match .*the file is damaged/);
    const refused = await run('restore', ['--from', altered, '--data-dir', join(dir, 'from-altered')]);
    expect(refused.code).toBe(1);
    expect(existsSync(join(dir, 'from-altered', 'pglite'))).toBe(false);
  });
});
