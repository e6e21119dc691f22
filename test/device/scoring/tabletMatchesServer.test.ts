import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PeriodScores, SubjectResult } from '../../../src/core/scoring/results';
import { parsePeriod } from '../../../src/core/time/period';
import { PatrolDevice } from '../../../src/device/patrolDevice';
import { followReviewSettings } from '../../../src/device/scoring/followReviewSettings';
import { ScoreService } from '../../../src/device/scoring/scoreService';
import { readPulledSetup } from '../../../src/device/sync/pulledHall';
import { syncHandle } from '../../../src/device/sync/syncHandle';
import type { RunningServer } from '../../../src/server/startServer';
import { quarterScenario } from '../../server/scenario';
import { signIn, testServer } from '../../server/testServer';
import { testClock, testDb } from '../testDb';

/**
 * The tablet's real scoring path (sync pulls into its database, the device's log folds the events, the score service
 * scores the log) against the server's results route, on the same events: a quarter with every review path.
 */
describe('the tablet’s scores and the server’s results', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
    const [inspector, chief, committee] = await Promise.all([
      signIn(server.url, 'inspector1', 'tablet-a'),
      signIn(server.url, 'chief-zonghe', 'phone-chief'),
      signIn(server.url, 'committee1', 'pc-committee'),
    ]);
    const s = quarterScenario(inspector, chief, committee);
    for (const [device, events] of [[inspector, s.inspector], [chief, s.chief], [committee, s.committee]] as const) {
      const bad = (await device.push(events)).results.filter((r) => r.status !== 'accepted');
      expect(bad).toEqual([]);
    }
  });
  afterAll(() => server.close());

  it.each(['2026-01', '2026-02', '2026-03', '2026-Q1'])('agree for %s, subject by subject and line by line', async (key) => {
    // The tablet: signed in, synced, opened on what it pulled, as the app starts.
    const db = testDb();
    const sync = syncHandle({ db, deviceId: `tablet-${key}`, timeZone: 'Asia/Shanghai', baseUrl: server.url });
    const session = await sync.signIn('inspector2', 'demo1234');
    await sync.syncNow();
    const pulled = await readPulledSetup(db);
    if (!pulled) throw new Error('the pull did not bring the hall');
    const { roster } = pulled.setup;
    const device = new PatrolDevice(db, { deviceId: `tablet-${key}`, account: session.account }, roster.hall.timeZone, testClock('2026-04-01T02:00:00Z').now, { roster, schemes: pulled.schemes });
    await device.start();
    await device.loadFrom('2026-01-01');
    await device.refreshPulled();
    const scores = new ScoreService(pulled.schemes, roster, { delayMs: 0, useWorker: false });
    followReviewSettings(device, scores);
    const period = parsePeriod(key);
    if (!period) throw new Error(key);
    const asOf = '2026-04-01T02:00:00.000Z';
    scores.update(device.log, period, key, asOf);
    await vi.waitFor(() => expect(scores.state.get()).toMatchObject({ periodKey: key, pending: false, error: null }));
    const tablet = scores.state.get().results.find((r) => r.schemeId === 'kunqu-window-staff');

    // The server, on the same events, as the office reads it (provisional: the view the tablet shows).
    const query = `scheme=kunqu-window-staff&period=${key}&view=provisional&asOf=${encodeURIComponent(asOf)}`;
    const headers = { authorization: `Bearer ${session.token}` };
    const r = await fetch(`${server.url}/api/results?${query}`, { headers });
    expect(r.status).toBe(200);
    // The server's results also say which scheme version scored the period (docs/scheme-versions.md): one held here.
    const { versions, ...server_ } = (await r.json()) as PeriodScores & { versions: { scoredBy: number; otherVersions: unknown[] } };
    expect(versions).toMatchObject({ scoredBy: 1, otherVersions: [] });
    expect(server_.subjects.filter((s) => s.findingCount > 0).length).toBeGreaterThan(5);
    expect(tablet).toEqual(server_);
    // Each subject's explanation, as the tablet shows it on a tap and the server's explanation route gives it, line for line.
    for (const s of server_.subjects) {
      const e = await fetch(`${server.url}/api/results/explanation?${query}&subject=${s.subject}&subjectId=${encodeURIComponent(s.subjectId)}`, { headers });
      expect(e.status).toBe(200);
      expect(await scores.explain(server_.schemeId, s.subject, s.subjectId)).toEqual((await e.json()) as SubjectResult);
    }
    scores.dispose();
    await sync.signOut();
  });
});
