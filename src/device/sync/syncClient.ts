/**
 * # The tablet's sync client
 *
 * Framework-free; the app renders its state. Usage:
 * ```ts
 * const sync = createSyncClient({ baseUrl: '', deviceId, store: patrolDbSyncStore(db, timeZone) });
 * const off = sync.subscribe((s) => render(s)); // SyncState: pending counts, last success, last error, progress, stale
 * sync.start();                                 // syncs now, on reconnect, when the tab shows again, on a timer
 * await sync.signIn('inspector1', 'demo1234');  // once, online; the token then lasts offline for weeks
 * const me = (await sync.session())?.account;   // record events with actorId = me.id (the server checks it)
 * sync.localChange();                           // call after writing events/outbox rows: updates counts, syncs soon
 * await sync.syncNow();                         // on demand (a "sync now" button)
 * ```
 * Guarantees: only events the server acknowledged (accepted or already had) are deleted from the outbox; events it
 * rejects for good are kept and listed with the reason; retryable ones stay pending. One tab syncs at a time
 * (navigator.locks); navigator.onLine is a hint, never the reason not to try. Failures retry with exponential
 * backoff and full jitter. Protocol: docs/sync.md.
 */
import type { PullResult } from '../../core/protocol/messages';
import { backoffDelay } from './backoff';
import { syncApi, SyncFailure } from './syncApi';
import type { SyncApi } from './syncApi';
import { initialSyncState, STALE_MS } from './syncState';
import type { SyncError, SyncState } from './syncState';
import type { PendingEvent, Session, SyncStore } from './syncStore';
import { uploadPhoto } from './uploadPhoto';

export interface SyncClientOptions {
  /** Server origin ('' = the page's own origin, as when the server serves the app). */
  baseUrl: string;
  deviceId: string;
  deviceName?: string;
  store: SyncStore;
  fetch?: typeof fetch;
  /** navigator.locks, or null to skip the one-tab guard (tests, browsers without it). */
  locks?: Pick<LockManager, 'request'> | null;
  now?: () => number;
  random?: () => number;
  /** Events per push (the server takes up to 1000). */
  batchSize?: number;
  pullLimit?: number;
  /** Periodic sync interval (ms). */
  intervalMs?: number;
  timeoutMs?: number;
  /** Called after each pulled page is stored, so the app can refresh what it shows. */
  onPulled?: (page: PullResult) => void;
}

export type SyncOutcome = 'synced' | 'busy' | 'failed' | 'signed-out';

export interface SyncClient {
  getState(): SyncState;
  subscribe(listener: (state: SyncState) => void): () => void;
  syncNow(): Promise<SyncOutcome>;
  localChange(): void;
  /** Sign in once, online; stores the token and account so the device syncs offline-recorded work later. */
  /** Sign in online (`hallId`: the hall a centre administrator names; others leave it out). */
  signIn(username: string, password: string, hallId?: string): Promise<void>;
  signOut(): Promise<void>;
  /** The stored sign-in (the account whose id events must carry as actorId), or null. */
  session(): Promise<Session | null>;
  start(): void;
  stop(): void;
}

/** Create the sync client for one device database. */
export function createSyncClient(o: SyncClientOptions): SyncClient {
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const batchSize = o.batchSize ?? 500;
  const locks = o.locks === undefined ? (typeof navigator !== 'undefined' ? (navigator.locks ?? null) : null) : o.locks;
  let token: string | null = null;
  const api: SyncApi = syncApi({ baseUrl: o.baseUrl, fetch: o.fetch ?? ((...a) => fetch(...a)), timeoutMs: o.timeoutMs ?? 30_000, token: () => token });
  let state = initialSyncState();
  const listeners = new Set<(s: SyncState) => void>();
  let running: Promise<SyncOutcome> | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const iso = (ms = now()): string => new Date(ms).toISOString();
  const set = (patch: Partial<SyncState>): void => {
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  };

  async function refreshCounts(): Promise<void> {
    const [c, rejections, lastSuccessAt] = await Promise.all([o.store.counts(), o.store.rejected(), o.store.lastSuccessAt()]);
    const oldest = c.oldestPendingAt ? Date.parse(c.oldestPendingAt) : NaN;
    set({
      // Kept in the store, so a reload still says when the tablet last synced.
      lastSuccessAt: lastSuccessAt ?? state.lastSuccessAt,
      pendingEvents: c.events,
      pendingPhotos: c.photos,
      rejectedEvents: c.rejected,
      rejections,
      oldestPendingAt: c.oldestPendingAt,
      stale: Number.isFinite(oldest) && now() - oldest > STALE_MS,
      browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
    });
  }

  function schedule(ms: number): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void syncNow(), ms);
    set({ nextAttemptAt: iso(now() + ms) });
  }

  /**
   * Push the outbox oldest first, one batch in flight at a time so the server sees batches in order. The device's
   * own work overlaps the request: the next batch is read while the current one travels, and acknowledged rows are
   * deleted while the next one travels (rows still being deleted are skipped when reading).
   */
  async function pushAll(progress: { done: number; total: number }, retryLater: Set<number>): Promise<string[]> {
    const rejectedNow: string[] = [];
    const settling = new Set<number>();
    const writes: Promise<void>[] = [];
    const read = async (): Promise<PendingEvent[]> => {
      const skip = new Set([...retryLater, ...settling]);
      return (await o.store.pendingEvents(batchSize + skip.size)).filter((p) => !skip.has(p.key)).slice(0, batchSize);
    };
    let next = read();
    try {
      for (;;) {
        const batch = await next;
        if (batch.length === 0) break;
        const sending = api.push(o.deviceId, batch.map((p) => p.event), new Date(now()).toISOString());
        batch.forEach((p) => settling.add(p.key));
        next = read();
        next.catch(() => undefined);
        const res = await sending;
        const byId = new Map(res.results.map((r) => [r.id, r]));
        const ack: number[] = [];
        const rejections: { key: number; eventId: string; reason: string }[] = [];
        for (const p of batch) {
          const r = byId.get(p.event.id);
          if (r?.status === 'accepted' || r?.status === 'duplicate') ack.push(p.key);
          else if (r?.status === 'rejected' && !r.retryable) rejections.push({ key: p.key, eventId: p.event.id, reason: r.reason });
          else {
            retryLater.add(p.key);
            settling.delete(p.key);
          }
        }
        const settled = [...ack, ...rejections.map((r) => r.key)];
        writes.push(
          Promise.all([o.store.acknowledge(ack), rejections.length ? o.store.markRejected(rejections) : undefined]).then(() => {
            settled.forEach((k) => settling.delete(k));
          }),
        );
        rejectedNow.push(...rejections.map((r) => r.reason));
        progress.done += settled.length;
        set({ progress: { step: 'push', ...progress } });
      }
    } finally {
      // Deletions already under way finish (or fail) before the caller decides what happened.
      await Promise.allSettled(writes);
    }
    await Promise.all(writes);
    return rejectedNow;
  }

  async function run(): Promise<SyncOutcome> {
    const session = await o.store.session();
    if (!session || Date.parse(session.expiresAt) <= now()) {
      token = null;
      await refreshCounts();
      set({ phase: 'signed-out', progress: null, lastError: { code: 'signed-out', message: session ? 'the sign-in has expired; sign in again' : 'sign in to sync', at: iso() } });
      return 'signed-out';
    }
    token = session.token;
    set({ phase: 'syncing' });
    try {
      await refreshCounts();
      const retryLater = new Set<number>();
      const progress = { done: 0, total: state.pendingEvents };
      set({ progress: { step: 'push', ...progress } });
      const rejected = await pushAll(progress, retryLater);
      const photos = await o.store.pendingPhotos();
      const bytes = { done: 0, total: photos.reduce((s, p) => s + p.blob.size, 0) };
      for (const photo of photos) {
        await uploadPhoto(api, photo, (n) => {
          bytes.done += n;
          set({ progress: { step: 'photos', ...bytes } });
        });
        await o.store.acknowledge([photo.key]);
      }
      let cursor = await o.store.cursor();
      const pulled = { done: 0, total: 0 };
      for (;;) {
        const page = await api.pull(cursor, o.pullLimit ?? 1000);
        await o.store.applyPull(page);
        o.onPulled?.(page);
        cursor = page.cursor;
        pulled.done += page.events.length;
        pulled.total = pulled.done + page.remaining;
        set({ progress: { step: 'pull', ...pulled } });
        if (!page.more) break;
      }
      // Review events held back because their finding had not reached the server may go through now.
      if (retryLater.size) rejected.push(...(await pushAll(progress, new Set())));
      failures = 0;
      const at = iso();
      await o.store.markSynced(at);
      await refreshCounts();
      const lastError: SyncError | null = rejected.length
        ? { code: 'rejected', message: `${rejected.length} event(s) refused by the server: ${rejected[0] ?? ''}`, at: iso() }
        : null;
      set({ phase: 'idle', progress: null, lastSuccessAt: at, lastError });
      schedule(o.intervalMs ?? 60_000);
      return 'synced';
    } catch (e) {
      const f = e instanceof SyncFailure ? e : new SyncFailure('server', e instanceof Error ? e.message : String(e));
      failures++;
      await refreshCounts().catch(() => undefined);
      set({ phase: f.code === 'signed-out' ? 'signed-out' : 'waiting', progress: null, lastError: { code: f.code, message: f.message, at: iso() } });
      if (f.code !== 'signed-out') schedule(Math.max(f.retryAfterMs ?? 0, backoffDelay(failures, random)));
      return f.code === 'signed-out' ? 'signed-out' : 'failed';
    }
  }

  function syncNow(): Promise<SyncOutcome> {
    if (running) return running;
    const go = async (): Promise<SyncOutcome> => {
      if (!locks) return run();
      // Another tab holding the lock is syncing the same database: this tab need not.
      return locks.request('hall-patrol-sync', { ifAvailable: true }, async (lock) => (lock ? run() : 'busy'));
    };
    running = go().finally(() => {
      running = null;
    });
    return running;
  }

  let soon: ReturnType<typeof setTimeout> | undefined;
  const onOnline = (): void => {
    failures = 0;
    void syncNow();
  };
  const onVisible = (): void => {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') void syncNow();
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    syncNow,
    localChange() {
      void refreshCounts();
      if (soon !== undefined) clearTimeout(soon);
      soon = setTimeout(() => void syncNow(), 2_000);
    },
    async signIn(username, password, hallId) {
      const r = await api.login(username, password, o.deviceId, o.deviceName ?? o.deviceId, hallId);
      await o.store.setSession({ token: r.token, tokenId: r.tokenId, account: r.account, expiresAt: r.expiresAt });
      set({ phase: 'idle', lastError: null });
      void syncNow();
    },
    session: () => o.store.session(),
    async signOut() {
      // End the sign-in on the server too, so the token is useless wherever a copy of it is; offline, it ends locally
      // (the admin can still revoke the device).
      if (token ?? (await o.store.session())?.token) await api.logout().catch(() => undefined);
      await o.store.setSession(null);
      token = null;
      set({ phase: 'signed-out' });
    },
    start() {
      if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
      if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
      void syncNow();
    },
    stop() {
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      if (timer !== undefined) clearTimeout(timer);
      if (soon !== undefined) clearTimeout(soon);
      set({ nextAttemptAt: null });
    },
  };
}
