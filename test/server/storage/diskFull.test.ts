import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorResult, PushResult } from '../../../src/core/protocol/messages';
import { startServer } from '../../../src/server/startServer';
import type { RunningServer } from '../../../src/server/startServer';
import { fakeJpeg, uploadPhoto } from '../backup/hallFixture';
import { startPgCluster } from '../pgCluster';
import type { PgCluster } from '../pgCluster';
import { recorded, schemesDir, signIn } from '../testServer';
import type { Device } from '../testServer';
import { mountTmpfs } from '../tmpfs';
import type { Tmpfs } from '../tmpfs';

const serve = (place: { dataDir?: string; databaseUrl?: string }): Promise<RunningServer> =>
  startServer({ port: 0, hostname: '127.0.0.1', dataDir: place.dataDir, databaseUrl: place.databaseUrl, schemesDir, distDir: undefined });

const postPush = (server: RunningServer, tablet: Device, events: unknown[]): Promise<Response> =>
  fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tablet.token}` },
    body: JSON.stringify({ type: 'push', protocol: 1, deviceId: tablet.deviceId, events }),
  });

/**
 * Fill the disk under the database, push until the server says it is full, and check: a clear 507, nothing of the
 * refused push stored, photos refused the same way, the server still answering, and everything goes through once
 * space is freed, with every acknowledged event kept.
 */
async function fullDiskScenario(server: RunningServer, disk: Tmpfs): Promise<{ acked: Set<string> }> {
  const tablet = await signIn(server.url, 'inspector1', 'tablet-full');
  const acked = new Set<string>();
  disk.fill(256 * 1024);
  let refused: { events: ReturnType<typeof recorded>[]; body: ErrorResult } | undefined;
  for (let n = 0; n < 400 && !refused; n++) {
    // Findings with long notes, so the disk fills in a bounded number of pushes.
    const events = Array.from({ length: 50 }, () => recorded(tablet, { note: `${n}:${Math.random()}`.padEnd(1900, '记') }));
    const res = await postPush(server, tablet, events);
    if (res.status === 200) for (const r of ((await res.json()) as PushResult).results) acked.add(r.id);
    else {
      expect(res.status).toBe(507);
      refused = { events, body: (await res.json()) as ErrorResult };
    }
  }
  if (!refused) throw new Error('the disk never filled up');
  expect(refused.body.code).toBe('storage-full');
  expect(refused.body.message).toMatch(/its disk is full .*Nothing of this request was stored/);
  // Nothing of the refused push is in the database, and the server still answers.
  const ids = refused.events.map((e) => e.id);
  expect(await server.db.query('select id from events where id = any($1::text[])', [ids])).toEqual([]);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  // A photo upload meets the same full disk and says so.
  const photo = fakeJpeg(600_000);
  await expect(uploadPhoto(server.url, tablet, photo)).rejects.toThrow(/photo upload: 507 .*its disk is full/);

  disk.drain();
  const retry = (await (await postPush(server, tablet, refused.events)).json()) as PushResult;
  expect(retry.results.every((r) => r.status === 'accepted')).toBe(true);
  for (const r of retry.results) acked.add(r.id);
  const hash = await uploadPhoto(server.url, tablet, photo);
  const got = await fetch(`${server.url}/api/photos/${hash}`, { headers: { authorization: `Bearer ${tablet.token}` } });
  expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
  return { acked };
}

describe('a full disk under the database', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('on PGlite: a push or photo upload is refused with 507 naming the full disk, nothing half-written, all of it stored once space is freed', async () => {
    const disk = mountTmpfs(128 * 1024 * 1024);
    cleanup.push(() => disk.unmount());
    const dataDir = join(disk.dir, 'data', 'pglite');
    const server = await serve({ dataDir });
    let open = true;
    cleanup.push(() => (open ? server.close() : undefined));
    const { acked } = await fullDiskScenario(server, disk);
    await server.close();
    open = false;
    // Reopened from its files, the database holds every acknowledged event.
    const again = await serve({ dataDir });
    try {
      const stored = new Set((await again.db.query<{ id: string }>('select id from events')).map((r) => r.id));
      expect([...acked].filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('on PostgreSQL: the same, with the database on a tablespace whose disk fills up', async () => {
    const cluster: PgCluster = await startPgCluster();
    cleanup.push(() => cluster.stop());
    const id = (what: 'u' | 'g'): number => Number(execFileSync('id', [`-${what}`, 'postgres']).toString().trim());
    const disk = mountTmpfs(64 * 1024 * 1024, process.getuid?.() === 0 ? { uid: id('u'), gid: id('g') } : undefined);
    cleanup.push(() => disk.unmount());
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`create tablespace small location '${join(disk.dir)}'`);
    await admin.query('create database hall tablespace small');
    await admin.end();
    const server = await serve({ databaseUrl: cluster.url.replace(/\/postgres$/, '/hall') });
    cleanup.push(() => server.close());
    const { acked } = await fullDiskScenario(server, disk);
    const stored = new Set((await server.db.query<{ id: string }>('select id from events')).map((r) => r.id));
    expect([...acked].filter((i) => !stored.has(i))).toEqual([]);
  });
});
