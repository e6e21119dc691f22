import type { FindingEvent } from '../../core/events/events';
import { eventRow } from '../eventRow';
import type { PatrolDevice } from '../patrolDevice';
import type { PreparedPhoto } from '../photos/preparedPhoto';

/**
 * Store review events (a signed notice, a contest, a decision) with their outbox rows and photos (the signature
 * image, counter-evidence) in one transaction, then apply them to the device's log. All or nothing.
 */
export async function writeReviewEvents(device: PatrolDevice, events: readonly FindingEvent[], photos: readonly PreparedPhoto[] = []): Promise<void> {
  const { db, timeZone } = device;
  const rows = events.map((e) => eventRow(e, timeZone));
  await db.transaction('rw', [db.events, db.outbox, db.photos], async () => {
    await db.events.bulkAdd(rows);
    await db.outbox.bulkAdd(events.map((event) => ({ kind: 'event' as const, eventId: event.id, event })));
    for (const p of photos) {
      if (await db.photos.get(p.hash)) continue;
      await db.photos.add({ hash: p.hash, findingId: events[0]?.findingId ?? '', blob: p.blob, type: p.type, bytes: p.bytes, width: p.width, height: p.height });
      await db.outbox.add({ kind: 'photo', hash: p.hash });
    }
  });
  for (const row of rows) device.log.apply(row);
}
