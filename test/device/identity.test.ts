import { describe, expect, it } from 'vitest';
import { loadIdentity, saveIdentity } from '../../src/device/identity';
import { isStorageFull } from '../../src/device/storageFull';
import { testDb, testIds } from './testDb';

describe('identity', () => {
  it('is made on first run, kept, and a new name is a new inspector on the same device', async () => {
    const db = testDb();
    const ids = testIds();
    expect(await loadIdentity(db)).toBeNull();
    const a = await saveIdentity(db, '张巡查', ids);
    expect(await loadIdentity(db)).toEqual(a);
    expect((await saveIdentity(db, '张巡查', ids)).actorId).toBe(a.actorId);
    const b = await saveIdentity(db, '李巡查', ids);
    expect(b.deviceId).toBe(a.deviceId);
    expect(b.actorId).not.toBe(a.actorId);
  });
});

describe('isStorageFull', () => {
  it('recognises the quota error directly and inside an aborted transaction', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isStorageFull(quota)).toBe(true);
    expect(isStorageFull({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isStorageFull(new Error('other'))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
  });
});
