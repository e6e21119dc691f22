import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { PatrolDb } from '../../src/device/patrolDb';
import type { Identity } from '../../src/device/identity';

let n = 0;

/** A fresh in-memory device database (fake-indexeddb), unique per call. */
export function testDb(): PatrolDb {
  return new PatrolDb(`test-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
}

export const INSPECTOR: Identity = { deviceId: 'device-1', actorId: 'inspector-1', inspectorName: '张巡查' };
export const OTHER: Identity = { deviceId: 'device-2', actorId: 'inspector-2', inspectorName: '李巡查' };

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
