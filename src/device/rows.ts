import type { FindingEvent, FindingEventType } from '../core/events/events';

/**
 * How a FindingEvent is stored: the event exactly as it will be synced, inside an envelope of the fields Dexie
 * indexes. The envelope is derived from the event (eventRow) and never edited.
 */
export interface EventRow {
  /** The event's ULID (primary key); sorts by creation time. */
  id: string;
  findingId: string;
  type: FindingEventType;
  /** The hall-local date (YYYY-MM-DD) the event is about: observedAt for a recording, at otherwise. */
  day: string;
  /** The window the finding was recorded at (recordings only); added in schema version 2. */
  windowId?: string;
  event: FindingEvent;
}

/**
 * Work for the sync client, written in the same transaction as the data it describes, so no change goes untracked.
 * Rows are deleted only once the server has acknowledged them.
 */
export type OutboxRow =
  | { seq?: number; kind: 'event'; eventId: string; event: FindingEvent }
  | { seq?: number; kind: 'photo'; hash: string };

/** An evidence photo, content-addressed by the SHA-256 of its (compressed, metadata-free) bytes. */
export interface PhotoRow {
  hash: string;
  findingId: string;
  blob: Blob;
  type: string;
  bytes: number;
  width: number;
  height: number;
}

/** Device settings and identity: deviceId, inspector, language. */
export interface MetaRow {
  key: string;
  value: string;
}

/** A window checked on a round with nothing to record (coverage); device-local for now, not synced. */
export interface VisitRow {
  id: string;
  windowId: string;
  day: string;
  at: string;
  actorId: string;
}
