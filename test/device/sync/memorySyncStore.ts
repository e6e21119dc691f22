import type { FindingEvent } from '../../../src/core/events/events';
import type { PullResult } from '../../../src/core/protocol/messages';
import type { PendingPhoto, Session, SyncStore } from '../../../src/device/sync/syncStore';

/** A SyncStore in memory, for driving the sync client in Node tests. */
export interface MemorySyncStore extends SyncStore {
  outbox: Map<number, { kind: 'event'; event: FindingEvent } | { kind: 'photo'; photo: Omit<PendingPhoto, 'key'> }>;
  pulled: FindingEvent[];
  add(event: FindingEvent): void;
  addPhoto(photo: Omit<PendingPhoto, 'key'>): void;
}

export function memorySyncStore(): MemorySyncStore {
  let key = 0;
  let cursor: string | null = null;
  let lastSuccessAt: string | null = null;
  let session: Session | null = null;
  const rejected = new Map<string, string>();
  const outbox: MemorySyncStore['outbox'] = new Map();
  const pulled: FindingEvent[] = [];
  const pendingEventRows = (): [number, FindingEvent][] =>
    [...outbox].flatMap(([k, r]) => (r.kind === 'event' && !rejected.has(r.event.id) ? [[k, r.event] as [number, FindingEvent]] : []));
  return {
    outbox,
    pulled,
    add: (event) => void outbox.set(++key, { kind: 'event', event }),
    addPhoto: (photo) => void outbox.set(++key, { kind: 'photo', photo }),
    pendingEvents: async (limit) => pendingEventRows().slice(0, limit).map(([k, event]) => ({ key: k, event })),
    pendingPhotos: async () => [...outbox].flatMap(([k, r]) => (r.kind === 'photo' ? [{ key: k, ...r.photo }] : [])),
    counts: async () => {
      const events = pendingEventRows();
      return {
        events: events.length,
        photos: [...outbox.values()].filter((r) => r.kind === 'photo').length,
        rejected: rejected.size,
        oldestPendingAt: events[0]?.[1].at ?? null,
      };
    },
    acknowledge: async (keys) => keys.forEach((k) => outbox.delete(k)),
    markRejected: async (list) => list.forEach((r) => rejected.set(r.eventId, r.reason)),
    rejected: async () => [...rejected].map(([eventId, reason]) => ({ eventId, reason })),
    cursor: async () => cursor,
    lastSuccessAt: async () => lastSuccessAt,
    markSynced: async (at) => {
      lastSuccessAt = at;
    },
    applyPull: async (page: PullResult) => {
      // Keyed by event id, as the device's events table is: a page pulled again stores nothing twice.
      for (const e of page.events) if (!pulled.some((p) => p.id === e.id)) pulled.push(e);
      cursor = page.cursor;
    },
    session: async () => session,
    setSession: async (s) => {
      session = s;
    },
  };
}
