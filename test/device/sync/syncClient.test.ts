import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/device/sync/backoff';
import { createSyncClient } from '../../../src/device/sync/syncClient';
import type { SyncClientOptions } from '../../../src/device/sync/syncClient';
import type { RunningServer } from '../../../src/server/startServer';
import { about, recorded, testServer } from '../../server/testServer';
import { memorySyncStore } from './memorySyncStore';

describe('sync client', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(() => server.close());

  const client = (deviceId: string, over: Partial<SyncClientOptions> = {}) => {
    const store = memorySyncStore();
    const sync = createSyncClient({ baseUrl: server.url, deviceId, store, locks: null, intervalMs: 3_600_000, random: () => 0.5, ...over });
    return { store, sync };
  };

  it('deletes only acknowledged events, keeps a rejected one with its reason, and holds a retryable one', async () => {
    const { store, sync } = client('tab-1');
    await sync.signIn('inspector1', 'demo1234');
    expect((await sync.session())?.account).toMatchObject({ id: 'acc-inspector1', role: 'inspector' });
    const me = { deviceId: 'tab-1', accountId: 'acc-inspector1' };
    const good = recorded(me);
    const bad = recorded(me, { itemId: 'no-such-item' });
    const orphan = about(me, '01JZZZZZZZZZZZZZZZZZZZZZZZ', { type: 'finding.rectified' });
    [good, bad, orphan].forEach((e) => store.add(e));
    expect(await sync.syncNow()).toBe('synced');
    const left = [...store.outbox.values()].map((r) => (r.kind === 'event' ? r.event.id : r.kind));
    expect(left.sort()).toEqual([bad.id, orphan.id].sort());
    const s = sync.getState();
    expect(s).toMatchObject({ pendingEvents: 1, rejectedEvents: 1, phase: 'idle' });
    expect(s.rejections[0]?.reason).toMatch(/item "no-such-item" is not in scheme/);
    expect(s.lastError?.code).toBe('rejected');
    expect(s.lastSuccessAt).not.toBeNull();
    sync.stop();
  });

  it('reports an unreachable server in plain words, schedules a retry with backoff, and warns about day-old findings', async () => {
    const seen: string[] = [];
    const { store, sync } = client('tab-2', {
      fetch: async (input) => {
        seen.push(String(input));
        if (String(input).endsWith('/login')) return fetch(input, undefined);
        throw new TypeError('fetch failed');
      },
    });
    await store.setSession({
      token: 'x'.repeat(43),
      tokenId: 't',
      account: { id: 'acc-inspector1', name: '巡查员', role: 'inspector', unitIds: [], windowIds: [] },
      expiresAt: '2999-01-01T00:00:00Z',
    });
    store.add(recorded({ deviceId: 'tab-2', accountId: 'acc-inspector1' }, { at: '2026-03-01T09:00:00+08:00', observedAt: '2026-03-01T09:00:00+08:00' }));
    expect(await sync.syncNow()).toBe('failed');
    const s = sync.getState();
    expect(s).toMatchObject({ phase: 'waiting', pendingEvents: 1, stale: true });
    expect(s.lastError).toMatchObject({ code: 'offline' });
    expect(s.lastError?.message).toMatch(/cannot reach the server/);
    expect(Date.parse(s.nextAttemptAt ?? '')).toBeGreaterThan(Date.now());
    expect(store.outbox.size).toBe(1);
    sync.stop();
  });

  it('loses nothing and doubles nothing when the answer to a stored push is lost on the way back', async () => {
    let dropAnswer = true;
    const { store, sync } = client('tab-7', {
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (dropAnswer && String(input).endsWith('/api/sync/push')) {
          dropAnswer = false;
          throw new TypeError('connection reset');
        }
        return res;
      },
    });
    await sync.signIn('inspector1', 'demo1234');
    await sync.syncNow();
    const events = Array.from({ length: 5 }, () => recorded({ deviceId: 'tab-7', accountId: 'acc-inspector1' }));
    events.forEach((e) => store.add(e));
    expect(await sync.syncNow()).toBe('failed');
    expect(store.outbox.size).toBe(5);
    expect(await sync.syncNow()).toBe('synced');
    expect(store.outbox.size).toBe(0);
    const stored = await server.db.query<{ id: string }>('select id from events where id = any($1::text[])', [events.map((e) => e.id)]);
    expect(stored).toHaveLength(5);
    sync.stop();
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(1, () => 0)).toBe(1000);
    expect(backoffDelay(1, () => 1)).toBe(2000);
    expect(backoffDelay(4, () => 1)).toBe(16_000);
    expect(backoffDelay(30, () => 1)).toBe(300_000);
    expect(backoffDelay(30, () => 0)).toBe(1000);
  });

  it('leaves syncing to the tab that holds the lock', async () => {
    const { sync } = client('tab-3', { locks: { request: (async (_n: string, _o: unknown, cb: (l: null) => unknown) => cb(null)) as unknown as LockManager['request'] } });
    await sync.signIn('inspector1', 'demo1234').catch(() => undefined);
    expect(await sync.syncNow()).toBe('busy');
    sync.stop();
  });

  it('resumes a photo upload cut off mid-way from where the server stopped', async () => {
    let cut = true;
    const { store, sync } = client('tab-4', {
      fetch: async (input, init) => {
        if (cut && init?.method === 'PATCH' && /upload-offset":"262144"|262144/.test(JSON.stringify(init.headers))) {
          cut = false;
          throw new TypeError('network changed');
        }
        return fetch(input, init);
      },
    });
    await sync.signIn('inspector1', 'demo1234');
    await sync.syncNow();
    // A JPEG's first bytes, then filler: the server checks the magic numbers, not the picture.
    const bytes = new Uint8Array(700 * 1024).map((_, i) => (i < 3 ? [0xff, 0xd8, 0xff][i] ?? 0 : (i * 31) % 256));
    const hash = createHash('sha256').update(bytes).digest('hex');
    store.addPhoto({ hash, blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg' });
    expect(await sync.syncNow()).toBe('failed');
    expect(sync.getState()).toMatchObject({ pendingPhotos: 1, lastError: { code: 'offline' } });
    const mid = (await (await fetch(`${server.url}/api/photos/${hash}/status`, { headers: { authorization: `Bearer ${(await store.session())?.token ?? ''}` } })).json()) as { received: number };
    expect(mid.received).toBe(262144);
    expect(await sync.syncNow()).toBe('synced');
    expect(sync.getState()).toMatchObject({ pendingPhotos: 0, lastError: null });
    const done = (await (await fetch(`${server.url}/api/photos/${hash}/status`, { headers: { authorization: `Bearer ${(await store.session())?.token ?? ''}` } })).json()) as { complete: boolean };
    expect(done.complete).toBe(true);
    sync.stop();
  });

  it('pulls what other tablets pushed, page by page', async () => {
    const a = client('tab-5', { batchSize: 100 });
    const b = client('tab-6', { pullLimit: 50 });
    await a.sync.signIn('inspector1', 'demo1234');
    await b.sync.signIn('inspector2', 'demo1234');
    await b.sync.syncNow();
    const mine = Array.from({ length: 230 }, () => recorded({ deviceId: 'tab-5', accountId: 'acc-inspector1' }));
    mine.forEach((e) => a.store.add(e));
    expect(await a.sync.syncNow()).toBe('synced');
    expect(a.store.outbox.size).toBe(0);
    const progress: number[] = [];
    b.sync.subscribe((s) => s.progress?.step === 'pull' && progress.push(s.progress.done));
    expect(await b.sync.syncNow()).toBe('synced');
    expect(new Set(b.store.pulled.filter((e) => e.deviceId === 'tab-5').map((e) => e.id))).toEqual(new Set(mine.map((e) => e.id)));
    expect(progress.length).toBeGreaterThanOrEqual(5);
    a.sync.stop();
    b.sync.stop();
  });
});
