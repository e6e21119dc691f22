import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster } from './pgCluster';
import type { PgCluster } from './pgCluster';
import { serverProcess } from './serverProcess';
import type { ServerProcess } from './serverProcess';
import { recorded, signIn } from './testServer';

describe('two server processes sharing one PostgreSQL', () => {
  let cluster: PgCluster;
  const procs: ServerProcess[] = [];
  let urls: string[] = [];
  beforeAll(async () => {
    cluster = await startPgCluster();
    // Both start at once: migrations and the demo seed must not collide.
    const started = await Promise.all([serverProcess({ DATABASE_URL: cluster.url }), serverProcess({ DATABASE_URL: cluster.url })]);
    procs.push(...started);
    urls = started.map((s) => s.url);
  });
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    cluster?.stop();
  });

  it('stores each event once and shows every device everything, whichever server it talks to', async () => {
    const [a, b] = urls;
    if (!a || !b) throw new Error('servers missing');
    const tabletA = await signIn(a, 'inspector1', 'tablet-a');
    // The same device signs in again through the other server: tokens live in the database, not in a process.
    const tabletAviaB = { ...tabletA, post: (path: string, body: unknown) => fetch(`${b}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tabletA.token}` }, body: JSON.stringify(body) }) };
    const tabletB = await signIn(b, 'inspector2', 'tablet-b');
    const batchA = Array.from({ length: 300 }, () => recorded(tabletA));
    const batchB = Array.from({ length: 300 }, () => recorded(tabletB, { staffId: 's-020' }));
    // A retry of batch A races its first attempt on the other server.
    const [r1, r2, r3] = await Promise.all([
      tabletA.push(batchA),
      tabletAviaB.post('/api/sync/push', { type: 'push', protocol: 1, deviceId: 'tablet-a', events: batchA }).then((r) => r.json() as Promise<{ results: { status: string }[] }>),
      tabletB.push(batchB),
    ]);
    const acceptedA = [...r1.results, ...r2.results].filter((r) => r.status === 'accepted').length;
    expect(acceptedA).toBe(300);
    expect([...r1.results, ...r2.results].every((r) => r.status === 'accepted' || r.status === 'duplicate')).toBe(true);
    expect(r3.results.every((r) => r.status === 'accepted')).toBe(true);
    const viaA = await (await signIn(a, 'committee1', 'pc-a')).pullAll();
    const readerB = await signIn(b, 'committee1', 'pc');
    const viaB = await readerB.pullAll();
    const ids = (evs: { id: string }[]): string[] => evs.map((e) => e.id).sort();
    expect(ids(viaA.events)).toEqual(ids([...batchA, ...batchB]));
    expect(ids(viaB.events)).toEqual(ids(viaA.events));
  });
});
