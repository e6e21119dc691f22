import { describe, expect, it } from 'vitest';
import type { LoggedFinding } from '../../../src/device/loggedFinding';
import { followReviewSettings } from '../../../src/device/scoring/followReviewSettings';
import { ScoreService } from '../../../src/device/scoring/scoreService';
import type { FindingSource } from '../../../src/device/scoring/scoreService';
import { initialSyncState } from '../../../src/device/sync/syncState';
import { ObservableValue } from '../../../src/device/observableValue';
import { MINI_ROSTER, miniScheme } from '../../fixtures/miniScheme';
import { testDb } from '../testDb';

const finding = (id: string, state: LoggedFinding['state']): LoggedFinding => ({
  id,
  itemId: 'phone',
  at: '2026-03-10T09:00:00+08:00',
  state,
  staffId: 's1',
  schemeId: 'mini',
  schemeVersion: 1,
  recordedAt: '2026-03-10T09:00:00+08:00',
  day: '2026-03-10',
  actorId: 'inspector-1',
  deviceId: 'device-1',
  photos: [],
});

const source = (findings: LoggedFinding[]): FindingSource => ({ get: () => ({ findings, fromDay: '2026-03-01', version: 1 }), changesSince: () => null });

/** Wait for the next settled result of the service (inline scoring, no delay). */
function settled(scores: ScoreService): Promise<void> {
  return new Promise((resolve) => {
    const off = scores.state.subscribe(() => {
      if (!scores.state.get().pending && scores.state.get().results.length > 0) {
        off();
        resolve();
      }
    });
  });
}

const staffS1 = (scores: ScoreService) => scores.state.get().results[0]?.subjects.find((s) => s.subject === 'staff' && s.subjectId === 's1');

describe("the tablet's provisional scores follow the hall's countPendingInProvisional", () => {
  const period = { kind: 'month', year: 2026, index: 3 } as const;
  const findings = source([finding('F1', 'contested'), finding('F2', 'recorded')]);

  it('counts a contested finding by default and while the pulled setting says so', async () => {
    const db = testDb();
    await db.meta.put({ key: 'sync.review', value: JSON.stringify({ contestDays: 7, decideDays: 10, countPendingInProvisional: true, clockToleranceMinutes: 10 }) });
    const scores = new ScoreService([miniScheme()], MINI_ROSTER, { delayMs: 0, useWorker: false });
    await followReviewSettings(db, scores);
    const done = settled(scores);
    scores.update(findings, period, '2026-03', '2026-03-31T00:00:00+08:00');
    await done;
    expect(staffS1(scores)).toMatchObject({ total: 90, pending: -5 });
  });

  it('leaves pending points out of the total (still shown as pending) when the hall says not to count them, and follows a change after a sync', async () => {
    const db = testDb();
    await db.meta.put({ key: 'sync.review', value: JSON.stringify({ contestDays: 7, decideDays: 10, countPendingInProvisional: false, clockToleranceMinutes: 10 }) });
    const scores = new ScoreService([miniScheme()], MINI_ROSTER, { delayMs: 0, useWorker: false });
    const syncState = new ObservableValue(initialSyncState());
    await followReviewSettings(db, scores, syncState);
    let done = settled(scores);
    scores.update(findings, period, '2026-03', '2026-03-31T00:00:00+08:00');
    await done;
    expect(staffS1(scores)).toMatchObject({ total: 95, pending: -5 });

    // The admin turns it on; the next pull stores it and the finished sync run re-reads it: scored again.
    await db.meta.put({ key: 'sync.review', value: JSON.stringify({ contestDays: 7, decideDays: 10, countPendingInProvisional: true, clockToleranceMinutes: 10 }) });
    done = settled(scores);
    syncState.set({ ...syncState.get(), phase: 'idle' });
    await done;
    expect(staffS1(scores)).toMatchObject({ total: 90, pending: -5 });
  });
});
