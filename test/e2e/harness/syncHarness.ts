import { monotonicFactory } from 'ulid';
import type { FindingEvent } from '../../../src/core/events/events';
import { scoreEvents } from '../../../src/core/events/scoreEvents';
import { parsePeriod } from '../../../src/core/time/period';
import type { PeriodScores } from '../../../src/core/scoring/results';
import { PatrolDb } from '../../../src/device/patrolDb';
import { commitWrite } from '../../../src/device/commitWrite';
import { recordedEvent } from '../../../src/device/recordFinding';
import { eventRow } from '../../../src/device/eventRow';
import { sha256Hex } from '../../../src/device/photos/sha256Hex';
import { createSyncClient } from '../../../src/device/sync/syncClient';
import type { SyncClient, SyncOutcome } from '../../../src/device/sync/syncClient';
import { patrolDbSyncStore } from '../../../src/device/sync/patrolDbSyncStore';
import { readPulledSetup } from '../../../src/device/sync/pulledHall';
import type { SyncState } from '../../../src/device/sync/syncState';

/**
 * Runs in a real Chromium page served from the sync server's origin: the app's own device modules (Dexie database,
 * recordFinding writing events + outbox in one transaction) with the sync client, driven from the test.
 */
const ulid = monotonicFactory();
let db: PatrolDb | undefined;
let client: SyncClient | undefined;
let deviceId = '';
const need = <T>(x: T | undefined, what: string): T => {
  if (x === undefined) throw new Error(`${what}: call setup first`);
  return x;
};

const api = {
  async setup(name: string, device: string, batchSize?: number): Promise<void> {
    deviceId = device;
    db = new PatrolDb(name);
    await db.open();
    client = createSyncClient({ baseUrl: '', deviceId, store: patrolDbSyncStore(db, 'Asia/Shanghai'), batchSize, intervalMs: 3_600_000 });
  },
  signIn: (u: string, p: string): Promise<void> => need(client, 'signIn').signIn(u, p),
  syncNow: (): Promise<SyncOutcome> => need(client, 'syncNow').syncNow(),
  state: (): SyncState => need(client, 'state').getState(),
  /** Record n findings the way the patrol screen does (optionally one photo on the first), at the given instants. */
  async record(n: number, accountId: string, opts: { at: string; itemId?: string; staff?: string[]; photo?: boolean }): Promise<string[]> {
    const d = need(db, 'record');
    const ids: string[] = [];
    let photo: { hash: string; blob: Blob; type: string; bytes: number; width: number; height: number } | undefined;
    if (opts.photo) {
      // A JPEG's first bytes, then filler: the server checks the magic numbers, not the picture.
      const bytes = new Uint8Array(600 * 1024).map((_, i) => (i < 3 ? [0xff, 0xd8, 0xff][i] ?? 0 : (i * 7 + n) % 251));
      const blob = new Blob([bytes], { type: 'image/jpeg' });
      photo = { hash: await sha256Hex(blob), blob, type: 'image/jpeg', bytes: blob.size, width: 800, height: 600 };
    }
    const base = Date.parse(opts.at);
    for (let i = 0; i < n; i++) {
      const now = new Date(base + i * 60_000);
      const staff = opts.staff?.[i % opts.staff.length] ?? 's-001';
      const photos = i === 0 && photo ? [photo] : [];
      const event = recordedEvent(
        { schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: opts.itemId ?? 'wander', staffId: staff, photos },
        { actorId: accountId, deviceId, at: now.toISOString(), newId: () => ulid(now.getTime()) },
      );
      const [row] = await commitWrite(d, [event], photos, 'Asia/Shanghai');
      if (row) ids.push(row.id);
    }
    need(client, 'record').localChange();
    return ids;
  },
  /** Fill the outbox fast for the benchmark: n recordings, events + outbox rows in one transaction (same rows as record). */
  async fill(n: number, accountId: string, at: string): Promise<number> {
    const d = need(db, 'fill');
    const base = Date.parse(at);
    const rows = Array.from({ length: n }, (_, i) => {
      const t = base + i * 1000;
      const event: FindingEvent = {
        type: 'finding.recorded', id: ulid(t), findingId: ulid(t), at: new Date(t).toISOString(), actorId: accountId, deviceId,
        schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'wander', observedAt: new Date(t).toISOString(), staffId: `s-${String((i % 60) + 1).padStart(3, '0')}`, photos: [],
      };
      return event;
    });
    await d.transaction('rw', [d.events, d.outbox], async () => {
      await d.events.bulkAdd(rows.map((e) => eventRow(e, 'Asia/Shanghai')));
      await d.outbox.bulkAdd(rows.map((e) => ({ kind: 'event' as const, eventId: e.id, event: e })));
    });
    return d.outbox.count();
  },
  async events(): Promise<FindingEvent[]> {
    return (await need(db, 'events').events.toArray()).map((r) => r.event);
  },
  async outboxSize(): Promise<number> {
    return need(db, 'outbox').outbox.count();
  },
  /** The tablet's provisional results (without lines) from its own database, with the shared engine (final rules: no pending). */
  async results(schemeId: string, periodKey: string, asOf: string): Promise<PeriodScores> {
    const d = need(db, 'results');
    const pulled = await readPulledSetup(d);
    const scheme = pulled?.schemes.filter((s) => s.id === schemeId).pop();
    const period = parsePeriod(periodKey);
    if (!pulled || !scheme || !period) throw new Error('no pulled hall or scheme yet');
    const events = (await d.events.toArray()).map((r) => r.event);
    return scoreEvents(scheme, pulled.setup.roster, events, period, { countPending: false, asOf }).results;
  },
};

declare global {
  interface Window {
    hp: typeof api;
  }
}
window.hp = api;
