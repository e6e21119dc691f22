/**
 * Writes test/fixtures/device-v2.json: a device database of schema version 2 filled by the writers of that version
 * (a recording with a photo, a void, a signed notice, a contest with counter-evidence, a pulled page with another
 * device's finding and the hall's setup, accounts, review settings and a scheme, a rejected event, the session, an
 * enrolled chief, the unlock verifier, a visit, the language). Run once with the version-2 code:
 *   npx tsx test/device/upgrade/makeV2Fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoHall } from '../../../src/core/model/demoHall';
import { DEFAULT_REVIEW_SETTINGS } from '../../../src/core/events/defaultReviewSettings';
import type { FindingRecorded } from '../../../src/core/events/events';
import { PatrolDevice } from '../../../src/device/patrolDevice';
import { acknowledgeEvents, contestEvent } from '../../../src/device/review/reviewEvents';
import { writeReviewEvents } from '../../../src/device/review/writeReviewEvents';
import { ensureDeviceId } from '../../../src/device/session/deviceId';
import { rememberUnlock } from '../../../src/device/session/handOverStore';
import { makeSecret } from '../../../src/device/session/localSecret';
import { patrolDbSyncStore } from '../../../src/device/sync/patrolDbSyncStore';
import { MINI_SCHEME_YAML } from '../../fixtures/miniScheme';
import { parseScheme } from '../../../src/core/scheme/parseScheme';
import { testClock, testDb } from '../testDb';
import { dumpDatabase } from './databaseDump';

const TZ = 'Asia/Shanghai';
const inspector = { id: 'acc-inspector1', name: '巡查员 周明', role: 'inspector' as const, unitIds: [], windowIds: [] };
const chief = { id: 'acc-chief-zonghe', name: '首席代表 (综合受理窗口)', role: 'chief' as const, unitIds: ['u-zonghe'], windowIds: [] };
const jpeg = (text: string) => new Blob([text], { type: 'image/jpeg' });

const db = testDb();
const deviceId = await ensureDeviceId(db, () => '01KFIXTUREDEVICE0000000000');
await db.meta.put({ key: 'language', value: 'zh-CN' });
const store = patrolDbSyncStore(db, TZ);
await store.setSession({ token: 'T'.repeat(43), tokenId: '01KFIXTURETOKEN00000000000', expiresAt: '2026-04-01T00:00:00.000Z', account: inspector });
await rememberUnlock(db, 'demo1234');
// A chief enrolled as version 2 did it: the account and a PIN verifier, no hand-over key (keys came later).
await db.meta.put({ key: 'handover.chiefs', value: JSON.stringify([{ account: chief, pin: await makeSecret('2468') }]) });

const clock = testClock('2026-03-02T02:00:00Z');
const device = new PatrolDevice(db, { deviceId, actorId: inspector.id, inspectorName: inspector.name }, TZ, clock.now);
await device.start();
const photo = { hash: 'a1'.repeat(32), blob: jpeg('evidence'), type: 'image/jpeg', bytes: 8, width: 4, height: 3 };
const kept = await device.record({ schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'wander', windowId: 'w-01', staffId: 's-001', note: '离开工位', photos: [photo] });
clock.advance(60_000);
const mistake = await device.record({ schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'late', windowId: 'w-05', staffId: 's-009', inputs: { quantity: 20 }, photos: [] });
await device.void(mistake, '记错人员');
clock.advance(60_000);
const signed = await device.record({ schemeId: 'county-window-monthly', schemeVersion: 1, itemId: 'cw-complaint', windowId: 'w-02', photos: [] });
const signature = { hash: 'b2'.repeat(32), blob: new Blob(['png'], { type: 'image/png' }), type: 'image/png', bytes: 3, width: 0, height: 0 };
await writeReviewEvents(device, acknowledgeEvents(device, { actorId: inspector.id }, [signed.id, kept.id], { noticeId: 'N-01KFIXTURENOTICE', signerName: '王丽', signature: signature.hash, signerId: 'c-zonghe' }), [signature]);
clock.advance(60_000);
const counter = { hash: 'c3'.repeat(32), blob: jpeg('counter'), type: 'image/jpeg', bytes: 7, width: 4, height: 3 };
await writeReviewEvents(device, [contestEvent(device, { actorId: chief.id }, kept.id, '当时在帮群众取号', [counter.hash])], [counter]);
await device.markVisited('w-07');

const hall = demoHall();
const mini = parseScheme(MINI_SCHEME_YAML, 'mini.yaml');
if (!mini.ok) throw new Error('the mini scheme does not parse');
const other: FindingRecorded = {
  type: 'finding.recorded', id: '01KJNXYZ0000000000000000A1', findingId: '01KJNXYZ0000000000000000A2', at: '2026-03-01T09:00:00+08:00',
  actorId: 'acc-inspector2', deviceId: 'device-other', schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'wander',
  observedAt: '2026-03-01T09:00:00+08:00', windowId: 'w-03', staffId: 's-005', photos: [],
};
await store.applyPull({
  type: 'pull.result', protocol: 1, cursor: '42', more: false, remaining: 0, events: [other],
  setup: { ...hall, roster: { ...hall.roster, staff: hall.roster.staff.slice(0, 3), windows: hall.roster.windows.slice(0, 3), units: hall.roster.units.slice(0, 1), chiefs: hall.roster.chiefs.slice(0, 1) }, layout: { ...hall.layout, zones: [], tiles: hall.layout.tiles.slice(0, 3) } },
  schemes: [{ id: 'mini', version: 1, data: mini.scheme }],
  accounts: [inspector, chief],
  review: { ...DEFAULT_REVIEW_SETTINGS, contestDays: 5 },
  serverTime: '2026-03-02T02:05:00.000Z',
});
const outbox = await db.outbox.toArray();
const rejected = outbox.find((o) => o.kind === 'event' && o.event.type === 'finding.voided');
if (rejected?.kind === 'event' && rejected.seq !== undefined) await store.markRejected([{ key: rejected.seq, eventId: rejected.eventId, reason: 'event 01K… (finding.voided): a test rejection' }]);

const dump = await dumpDatabase(db);
const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'device-v2.json');
writeFileSync(target, JSON.stringify(dump, null, 1) + '\n');
process.stdout.write(`wrote ${target}: ${Object.entries(dump.tables).map(([k, v]) => `${k} ${v.length}`).join(', ')}\n`);
