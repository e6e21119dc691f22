import type { FindingEvent } from '../core/events/events';
import { eventRow } from './eventRow';
import type { PatrolDb } from './patrolDb';
import type { PreparedPhoto } from './photos/preparedPhoto';
import type { EventRow } from './rows';

/**
 * The tablet's one write primitive: events with their outbox rows, and photos with theirs, in one transaction. Either
 * all of it is stored or nothing is (a full disk leaves the database as it was). Photos are content-addressed: one
 * attached twice is stored, and uploaded, once, under the finding of the first event that lists it (a ledger import
 * writes many findings at once), else the first event's. Only PatrolDevice calls this, after checking every event.
 * (keepThroughDelete puts rows back after another tab's delete, byte for byte as they were: a restore, never a new act.)
 */
export async function commitWrite(db: PatrolDb, events: readonly FindingEvent[], photos: readonly PreparedPhoto[], timeZone: string): Promise<EventRow[]> {
  const rows = events.map((e) => eventRow(e, timeZone));
  const owner = (hash: string): string => (events.find((e) => e.type === 'finding.recorded' && e.photos.includes(hash)) ?? events[0])?.findingId ?? '';
  await db.transaction('rw', [db.events, db.outbox, db.photos], async () => {
    // The requests are queued at once (IndexedDB runs them in order): one round trip to the main thread, not one each.
    await Promise.all([db.events.bulkAdd(rows), db.outbox.bulkAdd(events.map((event) => ({ kind: 'event' as const, eventId: event.id, event })))]);
    for (const p of photos) {
      if (await db.photos.get(p.hash)) continue;
      await db.photos.add({ hash: p.hash, findingId: owner(p.hash), blob: p.blob, type: p.type, bytes: p.bytes, width: p.width, height: p.height });
      await db.outbox.add({ kind: 'photo', hash: p.hash });
    }
  });
  return rows;
}
