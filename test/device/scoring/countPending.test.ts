import { describe, expect, it } from 'vitest';
import type { LoggedFinding } from '../../../src/device/loggedFinding';
import { followReviewSettings } from '../../../src/device/scoring/followReviewSettings';
import { ScoreService } from '../../../src/device/scoring/scoreService';
import type { FindingSource } from '../../../src/device/scoring/scoreService';
import { DEFAULT_REVIEW_SETTINGS } from '../../../src/core/events/defaultReviewSettings';
import { MINI_ROSTER, miniScheme } from '../../fixtures/miniScheme';
import { testClock, testDb, testDevice } from '../testDb';

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
  point: { state, author: 'inspector-1', changedBy: null, rectifiedAt: null },
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
    await db.reviewSettings.put({ key: 'review', settings: { ...DEFAULT_REVIEW_SETTINGS, countPendingInProvisional: true } });
    const device = testDevice(db, testClock('2026-03-10T02:00:00Z').now);
    await device.refreshPulled();
    const scores = new ScoreService([miniScheme()], MINI_ROSTER, { delayMs: 0, useWorker: false });
    followReviewSettings(device, scores);
    const done = settled(scores);
    scores.update(findings, period, '2026-03', '2026-03-31T00:00:00+08:00');
    await done;
    expect(staffS1(scores)).toMatchObject({ total: 90, pending: -5 });
  });

  it('leaves pending points out of the total (still shown as pending) when the hall says not to count them, and follows a change after a sync', async () => {
    const db = testDb();
    await db.reviewSettings.put({ key: 'review', settings: { ...DEFAULT_REVIEW_SETTINGS, countPendingInProvisional: false } });
    const device = testDevice(db, testClock('2026-03-10T02:00:00Z').now);
    await device.refreshPulled();
    const scores = new ScoreService([miniScheme()], MINI_ROSTER, { delayMs: 0, useWorker: false });
    followReviewSettings(device, scores);
    let done = settled(scores);
    scores.update(findings, period, '2026-03', '2026-03-31T00:00:00+08:00');
    await done;
    expect(staffS1(scores)).toMatchObject({ total: 95, pending: -5 });

    // The admin turns it on; the next pull stores it and the device re-reads what the pulls stored: scored again.
    await db.reviewSettings.put({ key: 'review', settings: { ...DEFAULT_REVIEW_SETTINGS, countPendingInProvisional: true } });
    done = settled(scores);
    await device.refreshPulled();
    await done;
    expect(staffS1(scores)).toMatchObject({ total: 90, pending: -5 });
  });
});
