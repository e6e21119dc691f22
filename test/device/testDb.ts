import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { AccountSummary } from '../../src/core/access/account';
import { demoHall } from '../../src/core/model/demoHall';
import { PatrolDb } from '../../src/device/patrolDb';
import { PatrolDevice } from '../../src/device/patrolDevice';
import type { Identity } from '../../src/device/identity';
import { loadScheme } from '../fixtures/schemes';

let n = 0;

/** A fresh in-memory device database (fake-indexeddb), unique per call. */
export function testDb(name = `test-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`): PatrolDb {
  return new PatrolDb(name, { indexedDB, IDBKeyRange });
}

const inspector = (id: string, name: string): AccountSummary => ({ id, name, role: 'inspector', unitIds: [], windowIds: [] });
export const INSPECTOR: Identity = { deviceId: 'device-1', account: inspector('inspector-1', '张巡查') };
export const OTHER: Identity = { deviceId: 'device-2', account: inspector('inspector-2', '李巡查') };

/** A clock that says what the test wants; advance() moves it on. */
export function testClock(iso: string): { now: () => Date; advance: (ms: number) => void } {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

/** Sequential ids that sort like ULIDs. */
export function testIds(prefix = 'ID'): () => string {
  let i = 0;
  return () => `${prefix}${String(++i).padStart(6, '0')}`;
}

/** A device on the demo hall with scheme 000 (kunqu-window-staff) in force, checking every write as the tablet does. */
export function testDevice(db: PatrolDb, clock: () => Date, identity: Identity = INSPECTOR): PatrolDevice {
  return new PatrolDevice(db, identity, 'Asia/Shanghai', clock, { roster: demoHall().roster, schemes: [loadScheme('000-kunqu.yaml')] });
}
