/** Why the last sync failed, for the person holding the tablet; the app words it through i18n by `code`. */
export type SyncErrorCode = 'offline' | 'timeout' | 'signed-out' | 'rejected' | 'rate-limited' | 'server' | 'protocol';

export interface SyncError {
  code: SyncErrorCode;
  /** Plain words (English) with the detail, e.g. the server's reason; shown under the translated headline. */
  message: string;
  /** When it happened (ISO). */
  at: string;
}

/** What the tablet shows about sync, always current (subscribe to it). */
export interface SyncState {
  /** idle: nothing running; syncing: a sync is running in this tab; waiting: a retry is scheduled after a failure. */
  phase: 'idle' | 'syncing' | 'waiting' | 'signed-out';
  /** Events still in the outbox (not yet acknowledged by the server), excluding those rejected for good. */
  pendingEvents: number;
  pendingPhotos: number;
  /** Events the server refused for good (kept on the device); see `rejections`. */
  rejectedEvents: number;
  rejections: { eventId: string; reason: string }[];
  /** When the oldest pending event was made (ISO), or null. */
  oldestPendingAt: string | null;
  /** True when a finding has waited unsynced for more than a day: the tablet shows a warning. */
  stale: boolean;
  /** Last fully successful sync (ISO), or null. */
  lastSuccessAt: string | null;
  /** The last failure, cleared by the next success. */
  lastError: SyncError | null;
  /** Progress of the running sync, for a progress bar on large syncs; null when not syncing. */
  progress: { step: 'push' | 'photos' | 'pull'; done: number; total: number } | null;
  /** When the next automatic attempt is due (ISO), or null. */
  nextAttemptAt: string | null;
  /** navigator.onLine as last seen: a hint only, never trusted alone (attempts go on while it says offline). */
  browserOnline: boolean;
}

/** The state before anything is known. */
export function initialSyncState(): SyncState {
  return {
    phase: 'idle',
    pendingEvents: 0,
    pendingPhotos: 0,
    rejectedEvents: 0,
    rejections: [],
    oldestPendingAt: null,
    stale: false,
    lastSuccessAt: null,
    lastError: null,
    progress: null,
    nextAttemptAt: null,
    browserOnline: true,
  };
}

/** A day: findings older than this, still unsynced, raise the warning. */
export const STALE_MS = 24 * 60 * 60 * 1000;
