import type { PullResult } from '../../core/protocol/messages';
import { eventRow } from '../eventRow';
import type { PatrolDb } from '../patrolDb';
import type { OutboxRow } from '../rows';
import type { PendingEvent, PendingPhoto, Session, SyncStore } from './syncStore';

const K = {
  cursor: 'sync.cursor',
  session: 'sync.session',
  rejected: 'sync.rejected',
  setup: 'sync.setup',
  accounts: 'sync.accounts',
  review: 'sync.review',
  scheme: (id: string, version: number) => `sync.scheme:${id}@${version}`,
} as const;

/**
 * The sync store over the app's Dexie database: pending work is the `outbox` table (written with the data in one
 * transaction by the app), pulled events go into `events` with the same envelope the app writes, and the cursor,
 * session, pulled hall, schemes and accounts live in `meta` (keys `sync.*`, JSON values).
 */
export function patrolDbSyncStore(db: PatrolDb, timeZone: string): SyncStore {
  const readJson = async (key: string): Promise<unknown> => {
    const v = (await db.meta.get(key))?.value;
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return undefined;
    }
  };
  const rejectedMap = async (): Promise<Record<string, string>> => {
    const v = await readJson(K.rejected);
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  };
  const eventRows = (limit: number): Promise<OutboxRow[]> => db.outbox.where('kind').equals('event').limit(limit).toArray();

  return {
    async pendingEvents(limit) {
      const rejected = await rejectedMap();
      const rows = await eventRows(limit + Object.keys(rejected).length);
      const out: PendingEvent[] = [];
      for (const r of rows) if (r.kind === 'event' && r.seq !== undefined && !(r.eventId in rejected)) out.push({ key: r.seq, event: r.event });
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
      const rejected = await rejectedMap();
      const [events, photos] = await Promise.all([db.outbox.where('kind').equals('event').count(), db.outbox.where('kind').equals('photo').count()]);
      const heldBack = Object.keys(rejected).length;
      const first = (await eventRows(heldBack + 1)).find((r) => r.kind === 'event' && !(r.eventId in rejected));
      return { events: Math.max(0, events - heldBack), photos, rejected: heldBack, oldestPendingAt: first?.kind === 'event' ? first.event.at : null };
    },
    async acknowledge(keys) {
      if (keys.length) await db.outbox.bulkDelete([...keys]);
    },
    async markRejected(rejections) {
      await db.transaction('rw', db.meta, async () => {
        const map = await rejectedMap();
        for (const r of rejections) map[r.eventId] = r.reason;
        await db.meta.put({ key: K.rejected, value: JSON.stringify(map) });
      });
    },
    async rejected() {
      return Object.entries(await rejectedMap()).map(([eventId, reason]) => ({ eventId, reason }));
    },
    async cursor() {
      return (await db.meta.get(K.cursor))?.value ?? null;
    },
    async applyPull(page: PullResult) {
      await db.transaction('rw', [db.events, db.meta], async () => {
        if (page.events.length) await db.events.bulkPut(page.events.map((e) => eventRow(e, timeZone)));
        const meta: { key: string; value: string }[] = [{ key: K.cursor, value: page.cursor }];
        if (page.setup) meta.push({ key: K.setup, value: JSON.stringify(page.setup) });
        if (page.accounts) meta.push({ key: K.accounts, value: JSON.stringify(page.accounts) });
        if (page.review) meta.push({ key: K.review, value: JSON.stringify(page.review) });
        for (const s of page.schemes) meta.push({ key: K.scheme(s.id, s.version), value: JSON.stringify(s.data) });
        await db.meta.bulkPut(meta);
      });
    },
    async session() {
      const v = await readJson(K.session);
      // Read back from IndexedDB: checked before use, as any stored value from an older version might not fit.
      const s = v as Partial<Session> | undefined;
      const a = s?.account;
      const ok = s && typeof s.token === 'string' && typeof s.tokenId === 'string' && typeof s.expiresAt === 'string' && a && typeof a.id === 'string' && typeof a.role === 'string';
      return ok ? { token: s.token ?? '', tokenId: s.tokenId ?? '', expiresAt: s.expiresAt ?? '', account: { id: a.id, name: String(a.name ?? ''), role: a.role, unitIds: a.unitIds ?? [], windowIds: a.windowIds ?? [] } } : null;
    },
    async setSession(session) {
      if (session) await db.meta.put({ key: K.session, value: JSON.stringify(session) });
      else await db.meta.delete(K.session);
    },
  };
}
