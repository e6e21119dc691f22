import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/storage/db';
import { migrate } from '../../src/server/storage/migrations';
import { eventsBetween, eventsOfFindings, insertEvents, maxChangeSeq } from '../../src/server/storage/eventRepo';
import { createPullCache } from '../../src/server/sync/pullCache';
import type { EventRow } from '../../src/server/storage/eventRepo';
import { configBetween, configRevision, putConfig } from '../../src/server/storage/configRepo';
import { accountsByIds, insertAccount, insertToken, liveToken, revokeTokens, setAccountDisabled, upsertDevice } from '../../src/server/storage/accountRepo';
import { attemptFailed, attemptSucceeded, beginSignIn } from '../../src/server/auth/rateLimit';
import { insertDeviceKey, liveDeviceKeys, revokeDeviceKeys } from '../../src/server/storage/deviceKeyRepo';
import { appendChunk, createPhoto, photoBytes, photoByHash } from '../../src/server/storage/photoRepo';
import { newId, recorded } from './testServer';
import { insertHall } from '../../src/server/storage/hallRepo';

/** The halls the contract writes in: most rows in H, some in OTHER to show that nothing crosses. */
const H = 'hall-contract';
const OTHER = 'hall-other';

/**
 * The storage contract: every adapter behind the Db interface (PGlite, PostgreSQL) must pass it unchanged, so the
 * code above it runs the same on both (as automerge-repo's runStorageAdapterTests does for its adapters).
 */
export function runStorageContract(name: string, open: () => Promise<{ db: Db; close: () => Promise<void> }>): void {
  describe(`storage contract: ${name}`, () => {
    let db: Db;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, close } = await open());
      await migrate(db);
      await insertHall(db, H);
      await insertHall(db, OTHER);
    });
    afterAll(async () => close());

    const row = (over: Partial<EventRow> = {}): EventRow => {
      const e = recorded({ deviceId: 'dev-c', accountId: 'acc-c' });
      return { id: e.id, findingId: e.findingId, type: e.type, schemeId: 's', unitId: 'u-1', windowId: 'w-1', actorId: 'acc-c', deviceId: 'dev-c', at: e.at, body: JSON.stringify(e), clockOffsetMs: null, ...over };
    };

    it('migrates once: a second run applies nothing', async () => {
      expect(await migrate(db)).toEqual([]);
    });

    it('stores an event exactly once, however often it is inserted', async () => {
      const r = row();
      expect([...(await db.transaction((tx) => insertEvents(tx, H, [r])))]).toEqual([r.id]);
      expect([...(await db.transaction((tx) => insertEvents(tx, H, [r, r])))]).toEqual([]);
      const stored = await eventsOfFindings(db, H, [r.findingId]);
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored[0])).toBe(r.body);
    });

    it('stores one recording per finding: a second recording of the finding (another event id) is left out', async () => {
      const r = row();
      const again = row({ findingId: r.findingId });
      expect([...(await db.transaction((tx) => insertEvents(tx, H, [r])))]).toEqual([r.id]);
      expect([...(await db.transaction((tx) => insertEvents(tx, H, [again])))]).toEqual([]);
      expect((await eventsOfFindings(db, H, [r.findingId])).map((e) => e.id)).toEqual([r.id]);
    });

    it('rolls a failed transaction back whole', async () => {
      const a = row();
      await expect(
        db.transaction(async (tx) => {
          await insertEvents(tx, H, [a]);
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      expect(await eventsOfFindings(db, H, [a.findingId])).toEqual([]);
    });

    it('reads events between seqs in seq order, and pages them through the pull cache by scope and device', async () => {
      const start = await maxChangeSeq(db, H);
      const rows = [row({ unitId: 'u-a' }), row({ unitId: 'u-b' }), row({ unitId: 'u-a', windowId: 'w-9' }), row({ unitId: 'u-c', windowId: 'w-9' })];
      await db.transaction((tx) => insertEvents(tx, H, rows));
      const end = await maxChangeSeq(db, H);
      const all = await eventsBetween(db, H, start, end);
      expect(all.map((r) => (JSON.parse(r.body) as { id: string }).id)).toEqual(rows.map((r) => r.id));
      expect(all.map((r) => r.seq)).toEqual([...all.map((r) => r.seq)].sort((x, y) => x - y));
      const cache = createPullCache();
      const first = await cache.page(db, H, start, end, 2, {});
      expect([first.count, first.lastSeq]).toEqual([2, all[1]?.seq]);
      const rest = await cache.page(db, H, first.lastSeq, end, 10, {});
      expect(rest.count).toBe(2);
      expect((await cache.page(db, H, start, end, 10, { scope: { unitIds: ['u-a'], windowIds: ['w-9'] } })).count).toBe(3);
      expect((await cache.page(db, H, start, end, 10, { notDevice: 'dev-c' })).count).toBe(0);
    });

    it('pages by number, not text: seq 9 comes before seq 10, pages never overlap, later commits extend a block', async () => {
      const cache = createPullCache();
      const start = await maxChangeSeq(db, H);
      const first = Array.from({ length: 25 }, () => row());
      await db.transaction((tx) => insertEvents(tx, H, first));
      const mid = await maxChangeSeq(db, H);
      expect((await cache.page(db, H, start, mid, 100, {})).count).toBe(25);
      const second = Array.from({ length: 700 }, () => row());
      await db.transaction((tx) => insertEvents(tx, H, second));
      const end = await maxChangeSeq(db, H);
      const seen: string[] = [];
      let after = start;
      for (;;) {
        const page = await cache.page(db, H, after, end, 40, {});
        if (page.count === 0) break;
        seen.push(...(JSON.parse(`[${page.joined}]`) as { id: string }[]).map((e) => e.id));
        expect(page.lastSeq).toBeGreaterThan(after);
        after = page.lastSeq;
      }
      expect(seen).toEqual([...first, ...second].map((r) => r.id));
    });

    it('keeps halls apart: ids, findings, heads and pulls are per hall, and one hall\'s writer never waits for another\'s', async () => {
      const r = row();
      expect([...(await db.transaction((tx) => insertEvents(tx, H, [r])))]).toEqual([r.id]);
      // The same event and finding ids in another hall are that hall's own rows.
      expect([...(await db.transaction((tx) => insertEvents(tx, OTHER, [r])))]).toEqual([r.id]);
      const headH = await maxChangeSeq(db, H);
      const other = row();
      await db.transaction((tx) => insertEvents(tx, OTHER, [other]));
      expect(await maxChangeSeq(db, H)).toBe(headH);
      expect((await eventsBetween(db, H, 0, Number.MAX_SAFE_INTEGER)).some((e) => e.body === other.body)).toBe(false);
      expect((await eventsOfFindings(db, OTHER, [other.findingId])).map((e) => e.id)).toEqual([other.id]);
      expect(await eventsOfFindings(db, H, [other.findingId])).toEqual([]);
      // A writer holding hall H's lock: hall OTHER's writer commits meanwhile (PGlite has one connection, so only PostgreSQL can show it).
      if (db.kind === 'postgres') {
        let release = (): void => undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        const holding = db.transaction(async (tx) => {
          await insertEvents(tx, H, [row()]);
          await held;
        });
        await new Promise((t) => setTimeout(t, 100));
        const third = row();
        const done = await Promise.race([db.transaction((tx) => insertEvents(tx, OTHER, [third])).then(() => 'committed'), new Promise((t) => setTimeout(() => t('waited'), 5_000))]);
        release();
        await holding;
        expect(done).toBe('committed');
      }
    });

    it('gives config a new seq only when its body changes', async () => {
      const before = await configRevision(db, H);
      expect(await db.transaction((tx) => putConfig(tx, H, 'scheme', 'x@1', '{"a":1}'))).toBe(true);
      const mid = await configRevision(db, H);
      expect(mid).toBeGreaterThan(before);
      expect(await db.transaction((tx) => putConfig(tx, H, 'scheme', 'x@1', '{"a":1}'))).toBe(false);
      expect(await configRevision(db, H)).toBe(mid);
      expect(await db.transaction((tx) => putConfig(tx, H, 'scheme', 'x@1', '{"a":2}'))).toBe(true);
      const rows = await configBetween(db, H, mid, await configRevision(db, H));
      expect(rows.map((r) => [r.key, r.body])).toEqual([['x@1', '{"a":2}']]);
    });

    it('keeps accounts, devices and tokens: live until revoked', async () => {
      const id = `acc-${newId()}`;
      expect(await insertAccount(db, { id, username: id, name: 'N', role: 'chief', unitIds: ['u-a'], windowIds: [], passwordHash: 'h', hallId: H })).toBe(true);
      expect(await insertAccount(db, { id, username: id, name: 'N', role: 'chief', unitIds: [], windowIds: [], passwordHash: 'h', hallId: H })).toBe(false);
      await upsertDevice(db, H, 'dev-x', 'tablet x');
      const expires = new Date(Date.parse('2099-01-01T00:00:00Z')).toISOString();
      await insertToken(db, { id: `t-${id}`, hash: `hash-${id}`, accountId: id, deviceId: 'dev-x', hallId: H, expiresAt: expires });
      const live = await liveToken(db, `hash-${id}`);
      expect(live?.account).toMatchObject({ id, role: 'chief', unitIds: ['u-a'] });
      expect((await accountsByIds(db, H, [id, 'acc-none'])).map((a) => a.id)).toEqual([id]);
      expect(await revokeTokens(db, { hallId: H, deviceId: 'dev-x' })).toBe(1);
      expect(await liveToken(db, `hash-${id}`)).toBeUndefined();
    });

    it('keeps hand-over keys per account and device, live until revoked', async () => {
      const id = `acc-${newId()}`;
      await insertAccount(db, { id, username: id, name: 'N', role: 'chief', unitIds: ['u-a'], windowIds: [], passwordHash: 'h', hallId: H });
      await upsertDevice(db, H, 'dev-k', 'tablet k');
      await insertDeviceKey(db, { id: `k1-${id}`, accountId: id, deviceId: 'dev-k', hallId: H, publicKey: 'p1' });
      await insertDeviceKey(db, { id: `k2-${id}`, accountId: id, deviceId: 'dev-k', hallId: H, publicKey: 'p2' });
      expect([...(await liveDeviceKeys(db, H, 'dev-k', [`k1-${id}`, `k2-${id}`])).keys()].sort()).toEqual([`k1-${id}`, `k2-${id}`]);
      expect((await liveDeviceKeys(db, H, 'dev-other', [`k1-${id}`])).size).toBe(0);
      expect(await revokeDeviceKeys(db, { keyId: `k1-${id}`, accountId: 'acc-someone-else' })).toBe(0);
      expect(await revokeDeviceKeys(db, { keyId: `k1-${id}`, accountId: id })).toBe(1);
      expect([...(await liveDeviceKeys(db, H, 'dev-k', [`k1-${id}`, `k2-${id}`])).keys()]).toEqual([`k2-${id}`]);
      await setAccountDisabled(db, id, true);
      expect((await liveDeviceKeys(db, H, 'dev-k', [`k2-${id}`])).size).toBe(0);
      expect(await revokeDeviceKeys(db, { hallId: H, deviceId: 'dev-k' })).toBe(1);
    });

    it('counts sign-in attempts per user name and source before the password is checked; a success takes its count back', async () => {
      const attempt = (user: string, addr: string) => db.transaction((tx) => beginSignIn(tx, user, addr));
      for (let i = 0; i < 5; i++) {
        const a = await attempt('z', '10.0.0.1');
        expect(a.wait).toBe(0);
        await attemptFailed(db, 'z', '10.0.0.1', a.at);
      }
      expect((await attempt('z', '10.0.0.1')).wait).toBeGreaterThan(50);
      expect((await attempt('Z', '10.0.0.1')).wait).toBeGreaterThan(50);
      // The owner elsewhere is not locked out, and their success clears only their own source.
      const owner = await attempt('z', '10.0.0.2');
      expect(owner.wait).toBe(0);
      await attemptSucceeded(db, 'z', '10.0.0.2', owner.at);
      expect((await attempt('z', '10.0.0.1')).wait).toBeGreaterThan(50);
      // Parallel attempts queue on the lock: never more than five pass while they are being checked; the rest are
      // held back as pending (worth waiting for, not yet failures).
      const parallel = await Promise.all(Array.from({ length: 20 }, () => attempt('y', '10.0.0.3')));
      expect(parallel.filter((a) => a.wait === 0)).toHaveLength(5);
      expect(parallel.filter((a) => a.wait > 0).every((a) => a.pending)).toBe(true);
    });

    it('appends photo chunks only at the received offset, and returns the bytes whole', async () => {
      const hash = 'a'.repeat(64);
      await createPhoto(db, H, { hash, size: 6, contentType: 'image/jpeg', uploadedBy: 'acc' });
      expect(await db.transaction((tx) => appendChunk(tx, H, hash, 0, new Uint8Array([1, 2, 3])))).toEqual({ ok: true, received: 3 });
      expect(await db.transaction((tx) => appendChunk(tx, H, hash, 0, new Uint8Array([9])))).toEqual({ ok: false, received: 3 });
      expect(await db.transaction((tx) => appendChunk(tx, H, hash, 3, new Uint8Array([4, 5, 6])))).toEqual({ ok: true, received: 6 });
      expect([...(await photoBytes(db, H, hash))]).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await photoByHash(db, H, hash)).toMatchObject({ size: 6, received: 6, complete: false });
    });
  });
}
