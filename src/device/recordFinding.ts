import type { FindingRecorded } from '../core/events/events';
import type { FindingInputs } from '../core/scheme/inputsSchema';
import { eventRow } from './eventRow';
import type { Identity } from './identity';
import type { PatrolDb } from './patrolDb';
import type { PreparedPhoto } from './photos/preparedPhoto';
import type { EventRow } from './rows';

/** What the inspector chose; the device adds ids, time and identity. */
export interface FindingDraft {
  schemeId: string;
  schemeVersion: number;
  itemId: string;
  windowId?: string;
  staffId?: string;
  unitId?: string;
  inputs?: FindingInputs;
  note?: string;
  photos: PreparedPhoto[];
}

/**
 * Record a finding: the recorded event, its outbox row, and each photo with its own outbox row, in one transaction.
 * Either all of it is stored or nothing is (a full disk leaves the database as it was).
 */
export async function recordFinding(
  db: PatrolDb,
  draft: FindingDraft,
  ctx: { identity: Identity; now: Date; newId: () => string; timeZone: string },
): Promise<EventRow> {
  const at = ctx.now.toISOString();
  const event: FindingRecorded = {
    type: 'finding.recorded',
    id: ctx.newId(),
    findingId: ctx.newId(),
    at,
    actorId: ctx.identity.actorId,
    deviceId: ctx.identity.deviceId,
    schemeId: draft.schemeId,
    schemeVersion: draft.schemeVersion,
    itemId: draft.itemId,
    observedAt: at,
    photos: draft.photos.map((p) => p.hash),
  };
  if (draft.windowId) event.windowId = draft.windowId;
  if (draft.staffId) event.staffId = draft.staffId;
  if (draft.unitId) event.unitId = draft.unitId;
  if (draft.inputs && Object.keys(draft.inputs).length > 0) event.inputs = draft.inputs;
  const note = draft.note?.trim();
  if (note) event.note = note;
  const row = eventRow(event, ctx.timeZone);
  await db.transaction('rw', [db.events, db.outbox, db.photos], async () => {
    // Both requests are queued at once (IndexedDB runs them in order): one round trip to the main thread, not two.
    await Promise.all([db.events.add(row), db.outbox.add({ kind: 'event', eventId: event.id, event })]);
    for (const p of draft.photos) {
      // Content-addressed: the same photo attached twice is stored (and uploaded) once.
      if (await db.photos.get(p.hash)) continue;
      await db.photos.add({ hash: p.hash, findingId: event.findingId, blob: p.blob, type: p.type, bytes: p.bytes, width: p.width, height: p.height });
      await db.outbox.add({ kind: 'photo', hash: p.hash });
    }
  });
  return row;
}
