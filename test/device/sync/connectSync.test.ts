import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoHall } from '../../../src/core/model/demoHall';
import { PatrolDevice } from '../../../src/device/patrolDevice';
import { connectSync } from '../../../src/device/sync/connectSync';
import { syncHandle } from '../../../src/device/sync/syncHandle';
import type { RunningServer } from '../../../src/server/startServer';
import { loadScheme } from '../../fixtures/schemes';
import { recorded, signIn, testServer } from '../../server/testServer';
import { testClock, testDb } from '../testDb';

describe('the device joined to sync', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(() => server.close());

  it('asks for a push after a local write, and re-reads a pull without asking for another push', async () => {
    const db = testDb();
    const handle = syncHandle({ db, deviceId: 'tab-a', timeZone: 'Asia/Shanghai', baseUrl: server.url });
    const session = await handle.signIn('inspector1', 'demo1234');
    const clock = testClock('2026-03-10T02:00:00Z');
    const device = new PatrolDevice(db, { deviceId: 'tab-a', account: session.account }, 'Asia/Shanghai', clock.now, { roster: demoHall().roster, schemes: [loadScheme('000-kunqu.yaml')] });
    await device.start();
    // The sync that signing in starts, done before this test writes.
    await handle.syncNow();
    // The real handle, with its push requests counted.
    let pushes = 0;
    const disconnect = connectSync(device, {
      pulled: handle.pulled,
      localChange: () => {
        pushes++;
        handle.localChange();
      },
    });

    await device.record({ schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'wander', windowId: 'w-01', staffId: 's-001', photos: [] });
    expect(pushes).toBe(1);
    await handle.syncNow();
    expect(handle.state.get().pendingEvents).toBe(0);

    // Another tablet pushes a finding; this one pulls it.
    const other = await signIn(server.url, 'inspector1', 'tab-b');
    const theirs = recorded(other, { at: '2026-03-10T09:30:00+08:00', observedAt: '2026-03-10T09:30:00+08:00', staffId: 's-002' });
    expect((await other.push([theirs])).results[0]?.status).toBe('accepted');
    const pulledBefore = handle.pulled.get();
    await handle.syncNow();
    await vi.waitFor(() => expect(handle.pulled.get()).toBeGreaterThan(pulledBefore));
    // The device re-read what the pull stored: the other tablet's finding is in the log ...
    await vi.waitFor(() => expect(device.log.find(theirs.findingId)).toBeDefined());
    // ... and nothing asked for another push.
    expect(pushes).toBe(1);
    expect(handle.state.get().pendingEvents).toBe(0);
    disconnect();
    await handle.signOut();
  });
});
