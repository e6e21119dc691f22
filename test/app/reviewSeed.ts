import type { AccountSummary } from '../../src/core/access/account';
import type { FindingInputs } from '../../src/core/scheme/inputsSchema';
import { demoHall } from '../../src/core/model/demoHall';
import { PatrolDevice } from '../../src/device/patrolDevice';
import type { PreparedPhoto } from '../../src/device/photos/preparedPhoto';
import { acknowledgeEvents, contestEvent, decisionEvent, rectifyEvent } from '../../src/device/review/reviewEvents';
import type { ContestDecided } from '../../src/core/events/events';
import { INSPECTOR, testClock, testDb } from '../device/testDb';
import { shapesScheme } from './renderPatrol';

export const inspector: AccountSummary = { id: INSPECTOR.account.id, name: '张巡查', role: 'inspector', unitIds: [], windowIds: [] };
export const committee: AccountSummary = { id: 'acc-committee1', name: '考核小组甲', role: 'committee', unitIds: [], windowIds: [] };
/** The chief of 综合受理窗口 (windows 1-10 of the demo hall). */
export const chief: AccountSummary = { id: 'acc-chief-zonghe', name: '综合首席', role: 'chief', unitIds: ['u-zonghe'], windowIds: [] };

/** A photo as the tablet stores it (content-addressed), for evidence and counter-evidence. */
export function testPhoto(text: string): PreparedPhoto {
  const hex = [...text].map((c) => c.charCodeAt(0).toString(16)).join('');
  return { hash: hex.padEnd(64, '0').slice(0, 64), blob: new Blob([text], { type: 'image/jpeg' }), type: 'image/jpeg', bytes: text.length, width: 1600, height: 1200 };
}

/**
 * Findings and review acts written on a device database the way the tablets write them (each act checked by the
 * device as the server will), before the screen under test opens on it. Acts happen at the seed's clock.
 */
export async function reviewSeed(at = '2026-03-02T02:00:00Z') {
  const db = testDb();
  const clock = testClock(at);
  const hall = demoHall();
  const scheme = shapesScheme().scheme;
  await db.accounts.bulkPut([inspector, committee, chief]);
  const as = (account: AccountSummary) => new PatrolDevice(db, { deviceId: 'device-1', account }, hall.roster.hall.timeZone, clock.now, { roster: hall.roster, schemes: [scheme] });
  const byInspector = as(inspector);
  const staffAt = (windowId: string) => hall.roster.staff.find((s) => s.windowId === windowId)?.id;
  return {
    db,
    clock,
    hall,
    /** Record an item of the fixture scheme at a window (its first person for a staff item). */
    async record(itemId: string, windowId: string, inputs?: FindingInputs, photos: PreparedPhoto[] = []) {
      const item = scheme.items.find((i) => i.id === itemId);
      const draft = { schemeId: scheme.id, schemeVersion: scheme.version, itemId, windowId, photos, ...(inputs ? { inputs } : {}), ...(item?.subject === 'staff' ? { staffId: staffAt(windowId) } : {}) };
      return byInspector.record(draft);
    },
    async acknowledge(findingId: string) {
      const d = as(chief);
      const signature = testPhoto('signature');
      await d.act(acknowledgeEvents(d, { actorId: chief.id }, [findingId], { noticeId: `N-${d.newId()}`, signerName: chief.name, signature: signature.hash, signerId: chief.id }), [signature], chief);
    },
    async contest(findingId: string, reason: string, photos: PreparedPhoto[] = []) {
      const d = as(chief);
      await d.act([contestEvent(d, { actorId: chief.id }, findingId, reason, photos.map((p) => p.hash))], photos, chief);
    },
    async decide(findingId: string, decision: ContestDecided['decision'], reason: string, amended?: ContestDecided['amended']) {
      const d = as(committee);
      await d.act([decisionEvent(d, { actorId: committee.id }, findingId, decision, reason, amended)], [], committee);
    },
    async rectify(findingId: string) {
      const d = as(inspector);
      await d.act([rectifyEvent(d, { actorId: inspector.id }, findingId)], [], inspector);
    },
  };
}
