import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monotonicFactory } from 'ulid';
import type { FindingContested, FindingEvent, FindingRecorded } from '../../src/core/events/events';
import { DEFAULT_REVIEW_SETTINGS } from '../../src/core/events/defaultReviewSettings';
import type { EventOutcome, PushResult } from '../../src/core/protocol/messages';
import type { RunningServer } from '../../src/server/startServer';
import { recorded, signIn } from './testServer';
import type { Device } from './testServer';

const DAY = 86_400_000;
const ulid = monotonicFactory();
const outcome = (r: { results: EventOutcome[] }): string => {
  const o = r.results[0];
  if (!o) return 'none';
  return o.status === 'rejected' ? `rejected${o.retryable ? ' (retryable)' : ''}: ${o.reason}` : o.status;
};
/** An instant in the hall's time (+08:00), as a tablet writes it. */
const hallTime = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');

type Trail = { eventId: string; at: string; receivedAt: string; clockOffsetSeconds: number | null; clockSkewed: boolean }[];

/**
 * Clock skew (issue 9, Deliver 6), with the hall's default review settings and the real clock: a tablet whose clock
 * is a day off records; the server keeps the device's time, its own receipt time and the device's clock offset on
 * every event and flags the skew; the period follows the recorded observation time; a contest's deadline is held to
 * the server's receipt time plus the offline grace, so a clock set back gains at most the grace.
 */
export function runClockSkew(name: string, start: () => Promise<{ server: RunningServer; stop: () => Promise<void> }>): void {
  describe(`clock skew: ${name}`, { timeout: 90_000 }, () => {
    let server: RunningServer;
    let stop: () => Promise<void>;
    let inspector: Device;
    let chief: Device;
    let committee: Device;
    /** Push as a device whose clock reads `offsetMs` off the real one (the push says its clock, as the tablet's does). */
    const pushAt = async (d: Device, events: FindingEvent[], offsetMs: number): Promise<PushResult> => {
      const r = await d.post('/api/sync/push', { type: 'push', protocol: 1, deviceId: d.deviceId, events, deviceTime: new Date(Date.now() + offsetMs).toISOString() });
      return (await r.json()) as PushResult;
    };
    const recordAt = (ms: number, staffId = 's-001'): FindingRecorded => {
      const at = hallTime(ms);
      return { ...recorded(inspector, { at, observedAt: at, staffId }), id: ulid(ms), findingId: ulid(ms) };
    };
    const contestAt = (rec: FindingRecorded, ms: number): FindingContested => ({
      type: 'finding.contested',
      id: ulid(ms),
      at: hallTime(ms),
      actorId: chief.accountId,
      deviceId: chief.deviceId,
      findingId: rec.findingId,
      reason: '不服',
      photos: [],
    });
    const trail = async (findingId: string): Promise<Trail> =>
      ((await (await fetch(`${server.url}/api/findings/${findingId}/history`, { headers: { authorization: `Bearer ${committee.token}` } })).json()) as { trail: Trail }).trail;

    beforeAll(async () => {
      ({ server, stop } = await start());
      [inspector, chief, committee] = await Promise.all([signIn(server.url, 'inspector1', 'tablet-skew'), signIn(server.url, 'chief-zonghe', 'phone-skew'), signIn(server.url, 'committee1', 'pc-skew')]);
    });
    afterAll(() => stop());

    it('a tablet a day behind records: both times and the offset are kept, the skew is flagged, the period follows the observation', async () => {
      const behind = recordAt(Date.now() - DAY, 's-002');
      const before = Date.now();
      expect(outcome(await pushAt(inspector, [behind], -DAY))).toBe('accepted');
      const [line] = await trail(behind.findingId);
      expect(line?.at).toBe(behind.at);
      expect(Date.parse(line?.receivedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
      expect(Math.abs((line?.clockOffsetSeconds ?? 0) - 86_400)).toBeLessThan(120);
      expect(line?.clockSkewed).toBe(true);
      const right = recordAt(Date.now(), 's-003');
      expect(outcome(await pushAt(inspector, [right], 0))).toBe('accepted');
      expect((await trail(right.findingId))[0]).toMatchObject({ clockSkewed: false });
      expect(Math.abs((await trail(right.findingId))[0]?.clockOffsetSeconds ?? 99)).toBeLessThan(60);
      // The period is the month of the observation as recorded (hall time), whatever the server's clock said.
      const month = behind.observedAt.slice(0, 7);
      const res = (await (await fetch(`${server.url}/api/results?scheme=kunqu-window-staff&period=${month}&asOf=${encodeURIComponent(new Date(Date.now() + DAY).toISOString())}`, { headers: { authorization: `Bearer ${committee.token}` } })).json()) as { subjects: { subjectId: string; total: number }[] };
      expect(res.subjects.find((s) => s.subjectId === 's-002')?.total).toBeLessThan(100);
    });

    it('a tablet a day ahead is held back (retryable) until real time catches up', async () => {
      expect(outcome(await pushAt(inspector, [recordAt(Date.now() + DAY)], DAY))).toMatch(/^rejected \(retryable\): .*minutes ahead of the clock here/);
    });

    it('a contest backdated into the contest period is refused by the arrival time; an offline contest within the grace is taken', async () => {
      const old = recordAt(Date.now() - 20 * DAY, 's-004');
      expect(outcome(await pushAt(inspector, [old], 0))).toBe('accepted');
      // Made today with the clock set back to day 2 of 7: in time by its own clock, 11 days late by the server's.
      const backdated = contestAt(old, Date.parse(old.at) + 2 * DAY);
      expect(outcome(await pushAt(chief, [backdated], -18 * DAY))).toMatch(
        new RegExp(`^rejected: .*arrived at .*, more than ${DEFAULT_REVIEW_SETTINGS.offlineGraceHours} hours after the contest period ended`),
      );
      // Recorded 8 days ago, contested offline on day 6, synced today: the deadline passed yesterday, within the grace.
      const recent = recordAt(Date.now() - 8 * DAY, 's-005');
      await pushAt(inspector, [recent], 0);
      expect(outcome(await pushAt(chief, [contestAt(recent, Date.now() - 2 * DAY)], 0))).toBe('accepted');
    });
  });
}
