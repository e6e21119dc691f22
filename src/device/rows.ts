import type { AccountSummary } from '../core/access/account';
import type { FindingEvent, FindingEventType } from '../core/events/events';
import type { ReviewSettings } from '../core/events/reviewSettings';
import type { HallSetup } from '../core/model/hallSetup';
import type { LocalSecret } from './session/localSecret';
import type { SealedHandOverKey } from './session/handOverKey';

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

/** This device: its id (made once, named by sign-ins and events) and the language chosen on it. */
export interface DeviceRow {
  key: 'device';
  deviceId: string;
  language?: string;
}

/**
 * The signed-in account's sign-in, kept so the tablet records offline for weeks and syncs later, with a verifier of
 * its password (a salted PBKDF2 hash, never the password) that unlocks the tablet offline after a hand-over.
 */
export interface SessionRow {
  key: 'session';
  token: string;
  tokenId: string;
  expiresAt: string;
  account: AccountSummary;
  unlock?: LocalSecret;
}

/** Where sync stands: the pull cursor (stored with each pulled page) and the last fully successful sync. */
export interface SyncStateRow {
  key: 'sync';
  cursor: string | null;
  lastSuccessAt: string | null;
}

/** An event the server refused for good: kept (never deleted), no longer pushed, shown with the server's words. */
export interface RejectionRow {
  eventId: string;
  reason: string;
}

/** The hall as last pulled (roster, layout, schemes in force, opening hours). */
export interface PulledSetupRow {
  key: 'hall';
  setup: HallSetup;
}

/** A scheme version as pulled; checked with checkSchemeData when read. */
export interface PulledSchemeRow {
  id: string;
  version: number;
  data: unknown;
}

/** The hall's review settings as last pulled. */
export interface ReviewSettingsRow {
  key: 'review';
  settings: ReviewSettings;
}

/** A chief enrolled on this tablet for hand-over, with the verifier of the PIN they chose. */
export interface HandOverRow {
  accountId: string;
  account: AccountSummary;
  pin: LocalSecret;
  /** The chief's hand-over key sealed under the PIN; absent for a chief enrolled before hand-over keys (enrolls again). */
  key?: SealedHandOverKey;
}

/** A window checked on a round with nothing to record (coverage); device-local for now, not synced. */
export interface VisitRow {
  id: string;
  windowId: string;
  day: string;
  at: string;
  actorId: string;
}
