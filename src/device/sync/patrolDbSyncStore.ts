import type { PullResult } from '../../core/protocol/messages';
import { eventRow } from '../eventRow';
import type { PatrolDb } from '../patrolDb';
import type { OutboxRow, SyncStateRow } from '../rows';
import { readSession, writeSession } from '../session/sessionStore';
import type { PendingEvent, PendingPhoto, SyncStore } from './syncStore';

/**
 * The sync store over the device's Dexie database: pending work is the `outbox` table (written with the data in one
 * transaction by PatrolDevice), pulled events go into `events` with the same envelope the device writes, and sync's
 * own state lives in typed tables: `syncState` (cursor, last success), `rejections`, `session`, and the pulled hall
 * (`hall`, `schemes`, `accounts`, `reviewSettings`), all of one pulled page stored with its cursor in one transaction.
 */
export function patrolDbSyncStore(db: PatrolDb, timeZone: string): SyncStore {
  const rejectedIds = async (): Promise<Set<string>> => new Set((await db.rejections.toCollection().primaryKeys()).map(String));
  const eventRows = (limit: number): Promise<OutboxRow[]> => db.outbox.where('kind').equals('event').limit(limit).toArray();
  const syncState = async (): Promise<SyncStateRow> => {
    const row: unknown = await db.syncState.get('sync');
    const r = (typeof row === 'object' && row !== null ? row : {}) as Partial<SyncStateRow>;
    return { key: 'sync', cursor: typeof r.cursor === 'string' ? r.cursor : null, lastSuccessAt: typeof r.lastSuccessAt === 'string' ? r.lastSuccessAt : null };
  };

  return {
    async pendingEvents(limit) {
      const rejected = await rejectedIds();
      const rows = await eventRows(limit + rejected.size);
      const out: PendingEvent[] = [];
      for (const r of rows) if (r.kind === 'event' && r.seq !== undefined && !rejected.has(r.eventId)) out.push({ key: r.seq, event: r.event });
      return out.slice(0, limit);
    },
    async pendingPhotos() {
      const rows = await db.outbox.where('kind').equals('photo').toArray();
      const out: PendingPhoto[] = [];
      for (const r of rows) {
        if (r.kind !== 'photo' || r.seq === undefined) continue;
        const p = await db.photos.get(r.hash);
        if (p) out.push({ key: r.seq, hash: p.hash, blob: p.blob, type: p.type });
      }
      return out;
    },
    async counts() {
      const rejected = await rejectedIds();
      const [events, photos] = await Promise.all([db.outbox.where('kind').equals('event').count(), db.outbox.where('kind').equals('photo').count()]);
      const first = (await eventRows(rejected.size + 1)).find((r) => r.kind === 'event' && !rejected.has(r.eventId));
      return { events: Math.max(0, events - rejected.size), photos, rejected: rejected.size, oldestPendingAt: first?.kind === 'event' ? first.event.at : null };
    },
    async acknowledge(keys) {
      if (keys.length) await db.outbox.bulkDelete([...keys]);
    },
    async markRejected(rejections) {
      await db.rejections.bulkPut(rejections.map((r) => ({ eventId: r.eventId, reason: r.reason })));
    },
    async rejected() {
      const rows = (await db.rejections.toArray()) as unknown[];
      return rows.flatMap((r) => {
        const x = r as { eventId?: unknown; reason?: unknown };
        return typeof x.eventId === 'string' && typeof x.reason === 'string' ? [{ eventId: x.eventId, reason: x.reason }] : [];
      });
    },
    async cursor() {
      return (await syncState()).cursor;
    },
    async lastSuccessAt() {
      return (await syncState()).lastSuccessAt;
    },
    async markSynced(at) {
      await db.transaction('rw', db.syncState, async () => db.syncState.put({ ...(await syncState()), lastSuccessAt: at }));
    },
    async applyPull(page: PullResult) {
      await db.transaction('rw', [db.events, db.syncState, db.hall, db.schemes, db.accounts, db.reviewSettings], async () => {
        if (page.events.length) await db.events.bulkPut(page.events.map((e) => eventRow(e, timeZone)));
        await db.syncState.put({ ...(await syncState()), cursor: page.cursor });
        if (page.setup) await db.hall.put({ key: 'hall', setup: page.setup });
        if (page.review) await db.reviewSettings.put({ key: 'review', settings: page.review });
        if (page.accounts) {
          // The list is the hall's whole list: accounts no longer in it are gone.
          await db.accounts.clear();
          await db.accounts.bulkPut(page.accounts);
        }
        if (page.schemes.length) await db.schemes.bulkPut(page.schemes.map((s) => ({ id: s.id, version: s.version, data: s.data })));
      });
    },
    session: () => readSession(db),
    setSession: (session) => writeSession(db, session),
  };
}
