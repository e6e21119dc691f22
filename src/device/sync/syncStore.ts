import type { FindingEvent } from '../../core/events/events';
import type { PullResult } from '../../core/protocol/messages';
import type { AccountSummary } from '../../core/access/account';

/** A pending outbox entry the sync client may push; `key` is the outbox row's key, deleted once acknowledged. */
export interface PendingEvent {
  key: number;
  event: FindingEvent;
}

/** A pending photo upload. */
export interface PendingPhoto {
  key: number;
  hash: string;
  blob: Blob;
  type: string;
}

/** The device's sign-in, kept so the tablet syncs offline-recorded work without signing in again. */
export interface Session {
  token: string;
  tokenId: string;
  /** The account signed in: events recorded on this device name `account.id` as their actorId. */
  account: AccountSummary;
  expiresAt: string;
}

/**
 * What the sync client needs from the device's database. patrolDbSyncStore implements it over the device's Dexie
 * database; test/device/sync/syncStoreContract.ts holds every implementation (and the memory one of the tests) to it.
 */
export interface SyncStore {
  /** Up to `limit` pending events, oldest first, skipping those the server rejected for good. */
  pendingEvents(limit: number): Promise<PendingEvent[]>;
  /** Pending photo uploads, oldest first. */
  pendingPhotos(): Promise<PendingPhoto[]>;
  /** Counts for the sync state: pending events and photos, events rejected for good, the oldest pending event's time. */
  counts(): Promise<{ events: number; photos: number; rejected: number; oldestPendingAt: string | null }>;
  /** Delete acknowledged outbox rows (accepted or already had by the server). Nothing else is ever deleted. */
  acknowledge(keys: readonly number[]): Promise<void>;
  /** Keep these events (never deleted) but stop pushing them; the reason is shown to the person. */
  markRejected(rejections: readonly { key: number; eventId: string; reason: string }[]): Promise<void>;
  /** Events the server rejected for good, with its reasons. */
  rejected(): Promise<{ eventId: string; reason: string }[]>;
  cursor(): Promise<string | null>;
  /** When sync last ran through (ISO), kept across reloads; null before the first. */
  lastSuccessAt(): Promise<string | null>;
  /** Remember a sync that ran through. */
  markSynced(at: string): Promise<void>;
  /** Store a pulled page (events, hall, schemes, accounts) and its cursor in one transaction. */
  applyPull(page: PullResult): Promise<void>;
  session(): Promise<Session | null>;
  setSession(session: Session | null): Promise<void>;
}
